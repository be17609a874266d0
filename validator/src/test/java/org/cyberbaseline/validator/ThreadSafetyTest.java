package org.cyberbaseline.validator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cyberbaseline.validator.report.JsonReport;
import org.cyberbaseline.validator.report.SarifReport;
import org.junit.jupiter.api.Test;

/**
 * One {@link Validator} shared by a thread pool: 1,000 validations of four different small
 * submissions (a passing folder, SBOMs with findings, a broken manifest, a lone SBOM), each
 * report byte-identical to the one the same submission gave sequentially.
 */
class ThreadSafetyTest {
  private static final int VALIDATIONS = 1_000;

  @Test
  void oneValidatorOnManyThreadsGivesTheSequentialResults() throws Exception {
    // The smallest bundled baseline keeps 1,000 runs quick; the engine and checks are the same for all.
    Validator validator = Validator.builder().baseline("ntia-sbom", "2021").clock(TestSupport.CLOCK).build();
    byte[] minimal = Files.readAllBytes(Path.of("src/test/resources/rules/_base/minimal.cdx.json"));
    byte[] manifest = SubmissionTest.manifest("[ { \"path\": \"sbom/fw.cdx.json\" } ]").getBytes(StandardCharsets.UTF_8);
    List<Submission> submissions =
        List.of(
            Submission.builder().manifest(manifest).document("sbom/fw.cdx.json", minimal).build(),
            Submission.builder().manifest(manifest).document("sbom/fw.cdx.json", ResourceLimitsTest.sbomWithoutSuppliers(20)).build(),
            Submission.builder()
                .manifest("{ \"submissionFormat\": \"1.0\", \"device\": { \"model\": 3 } }".getBytes(StandardCharsets.UTF_8))
                .build(),
            Submission.ofSbom("lone.cdx.json", ResourceLimitsTest.sbomWithoutSuppliers(3)));

    List<byte[]> sequential = new ArrayList<>();
    for (Submission submission : submissions) {
      sequential.add(render(validator, submission));
    }

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<byte[]>> futures = new ArrayList<>();
      for (int i = 0; i < VALIDATIONS; i++) {
        Submission submission = submissions.get(i % submissions.size());
        futures.add(pool.submit(() -> render(validator, submission)));
      }
      for (int i = 0; i < VALIDATIONS; i++) {
        assertArrayEquals(sequential.get(i % submissions.size()), futures.get(i).get(), "validation " + i);
      }
      assertEquals(VALIDATIONS, futures.size());
    } finally {
      pool.shutdownNow();
    }
  }

  /** JSON and SARIF of one validation, concatenated: both must match. */
  private static byte[] render(Validator validator, Submission submission) {
    ValidationReport report = validator.validate(submission);
    byte[] json = JsonReport.toBytes(report);
    byte[] sarif = SarifReport.toBytes(report, validator.baseline());
    byte[] both = new byte[json.length + sarif.length];
    System.arraycopy(json, 0, both, 0, json.length);
    System.arraycopy(sarif, 0, both, json.length, sarif.length);
    return both;
  }
}
