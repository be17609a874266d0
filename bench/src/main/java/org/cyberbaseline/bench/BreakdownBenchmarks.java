package org.cyberbaseline.bench;

import com.networknt.schema.SpecVersion;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.LocatedJson;
import org.cyberbaseline.schemas.LocatedJsonReader;
import org.cyberbaseline.schemas.SchemaCheck;
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
 * Where {@link SbomBenchmarks#sbomReader} spends its time, for profiling: the located parse alone,
 * and the CycloneDX 1.6 schema check alone over an already parsed tree (what {@code SbomReader}
 * does internally, rebuilt here from public API). Mapping to the model is the remainder.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class BreakdownBenchmarks {
  @Param({"1000", "10000", "50000"})
  public int components;

  private byte[] content;
  private LocatedJsonReader jsonReader;
  private SchemaCheck schemaCheck;
  private LocatedJson parsed;

  @Setup
  public void setUp() throws Exception {
    content = Corpus.bytes(BenchFormat.CYCLONEDX_JSON, components);
    jsonReader = new LocatedJsonReader();
    schemaCheck =
        SchemaCheck.forDialect(SpecVersion.VersionFlag.V7, Map.of("http://cyclonedx.org/schema/", "classpath:"));
    parsed = jsonReader.readJson(content);
    List<JsonProblem> problems = schemaCheck.check(SCHEMA_16, parsed);
    if (!problems.isEmpty()) {
      throw new IllegalStateException("generated SBOM violates its schema: " + problems.get(0));
    }
  }

  private static final String SCHEMA_16 = "http://cyclonedx.org/schema/bom-1.6.schema.json";

  @Benchmark
  public LocatedJson locatedParse() throws Exception {
    return jsonReader.readJson(content);
  }

  @Benchmark
  public List<JsonProblem> schemaCheckOnly() {
    return schemaCheck.check(SCHEMA_16, parsed);
  }
}
