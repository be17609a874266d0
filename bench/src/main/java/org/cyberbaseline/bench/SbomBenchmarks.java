package org.cyberbaseline.bench;

import java.util.concurrent.TimeUnit;
import org.cyberbaseline.sbom.SbomReadResult;
import org.cyberbaseline.sbom.SbomReader;
import org.cyberbaseline.validator.Submission;
import org.cyberbaseline.validator.ValidationReport;
import org.cyberbaseline.validator.Validator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The four measurements of the performance issue, on the same generated file in the same run, for
 * each format {@code SbomReader} reads:
 *
 * <ol>
 *   <li>{@link #floorTokens}: the floor, the cheapest full pass over the bytes (Jackson's streaming
 *       tokenizer alone for JSON, StAX events for XML, decoded lines for tag-value);
 *   <li>{@link #referenceLibrary}: the format's own library on its own: cyclonedx-core-java's {@code
 *       validate(bytes, 1.6)} + {@code parse(bytes)}, or java-spdx-library's deserialize + {@code
 *       verify()};
 *   <li>{@link #sbomReader}: our {@code SbomReader.read} (located parse, schema check, model);
 *   <li>{@link #validateNtia}: the whole validation, {@code Validator.validate} of a lone SBOM
 *       against {@code ntia-sbom@2021} (read + every SBOM rule + report records).
 * </ol>
 *
 * <p>One invocation is one whole document, as a user runs it. Average-time mode with time-bounded
 * iterations, so that a 1,000-component document is warmed by hundreds of invocations and a
 * 50,000-component one still gets at least one per iteration; the median of the iteration means is
 * reported. The forked JVM gets a fixed 2 GB heap so that heap resizing does not vary between runs
 * (the reference peaks near 1 GB on the largest file; our own heap bound is shown by {@link
 * HeapCheck}). The file is generated once per size (see {@link Corpus}) and checked to be
 * schema-valid with the expected component count before anything is measured.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class SbomBenchmarks {
  @Param({"cyclonedx-json", "cyclonedx-xml", "spdx-json", "spdx-tag-value"})
  public String format;

  @Param({"1000", "10000", "50000"})
  public int components;

  private BenchFormat benchFormat;
  private byte[] content;
  private SbomReader reader;
  private Validator validator;

  @Setup
  public void setUp() throws Exception {
    benchFormat = BenchFormat.of(format);
    content = Corpus.bytes(benchFormat, components);
    reader = new SbomReader();
    validator = Validator.builder().baseline("ntia-sbom", "2021").build();
    Checks.requireValid(reader.read(content), components);
  }

  @Benchmark
  public long floorTokens() throws Exception {
    return benchFormat.floor(content);
  }

  @Benchmark
  public Object referenceLibrary() throws Exception {
    return benchFormat.reference(content);
  }

  @Benchmark
  public SbomReadResult sbomReader() {
    return reader.read(content);
  }

  @Benchmark
  public ValidationReport validateNtia() {
    return validator.validate(Submission.ofSbom("x.json", content));
  }
}
