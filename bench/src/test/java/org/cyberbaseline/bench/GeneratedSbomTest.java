package org.cyberbaseline.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.cyberbaseline.sbom.SbomReadResult;
import org.cyberbaseline.sbom.SbomReader;
import org.cyclonedx.model.Bom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The benchmarks measure what they claim: every generated format is read by {@code SbomReader}
 * without a single schema or conformance problem, with the stated number of components, and is
 * accepted by the reference library too; generation is deterministic. Small documents only: no
 * benchmark runs in the build.
 */
class GeneratedSbomTest {
  private static final int COMPONENTS = 250;

  private static byte[] generate(BenchFormat format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    format.writer().write(SyntheticSbom.generate(COMPONENTS, Corpus.SEED, Corpus.GAP_RATE), out);
    return out.toByteArray();
  }

  @ParameterizedTest
  @EnumSource(BenchFormat.class)
  void validForOurReaderAndTheReferenceAndDeterministic(BenchFormat format) throws Exception {
    byte[] content = generate(format);
    assertArrayEquals(content, generate(format));

    SbomReadResult read = new SbomReader().read(content);
    Checks.requireValid(read, COMPONENTS);
    assertInstanceOf(SbomReadResult.Parsed.class, read);

    Object reference = format.reference(content);
    if (reference instanceof List<?> problems) {
      assertEquals(List.of(), problems, format + ": the reference library reports problems");
    } else {
      assertInstanceOf(Bom.class, reference);
    }
    assertTrue(format.floor(content) > COMPONENTS);
  }

  @ParameterizedTest
  @EnumSource(BenchFormat.class)
  void gapsMakeFindingsSoTheReportingPathIsMeasured(BenchFormat format) throws Exception {
    var report =
        org.cyberbaseline.validator.Validator.builder()
            .baseline("ntia-sbom", "2021")
            .build()
            .validate(org.cyberbaseline.validator.Submission.ofSbom("x" + format.writer().extension(), generate(format)));
    assertFalse(report.results().stream().allMatch(r -> r.findings().isEmpty()));
  }
}
