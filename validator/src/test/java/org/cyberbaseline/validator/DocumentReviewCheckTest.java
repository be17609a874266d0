package org.cyberbaseline.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cyberbaseline.rules.PackRef;
import org.junit.jupiter.api.Test;

/** review.document: NEEDS_REVIEW with pointers to the evidence when present, FAIL when absent. */
class DocumentReviewCheckTest {
  private static Validator validator() throws ConfigurationException {
    return Validator.builder()
        .addPackFile(Path.of("src/test/resources/packs/review-pack.yaml"))
        .baseline(PackRef.parse("review-test@1"))
        .clock(TestSupport.CLOCK)
        .build();
  }

  @Test
  void presentDocumentNeedsReviewAndAbsentOneFails() throws Exception {
    ValidationReport report = validator().validate(Submission.fromDirectory(TestSupport.repoRoot().resolve("examples/infusion-pump")));
    RuleResult plan = report.result("PLN-001").orElseThrow();
    assertEquals(Status.NEEDS_REVIEW, plan.status());
    assertEquals("docs/cybersecurity-management-plan.md", plan.findings().get(0).location().artifact());
    assertTrue(plan.explanation().contains("monitoring, CVD"), plan.explanation());
    assertEquals(Status.NEEDS_REVIEW, report.result("TM-001").orElseThrow().status());

    String manifest = SubmissionTest.manifest("[ { \"path\": \"sbom/fw.cdx.json\" } ]");
    Submission bare = Submission.builder()
        .manifest(manifest.getBytes(StandardCharsets.UTF_8))
        .document("sbom/fw.cdx.json", Files.readAllBytes(Path.of("src/test/resources/rules/_base/minimal.cdx.json")))
        .build();
    ValidationReport missing = validator().validate(bare);
    RuleResult absent = missing.result("PLN-001").orElseThrow();
    assertEquals(Status.FAIL, absent.status());
    assertEquals("submission.json", absent.findings().get(0).location().artifact());
    assertEquals("/artifacts", absent.findings().get(0).location().pointer().orElseThrow());
    assertEquals(Status.FAIL, missing.result("TM-001").orElseThrow().status());
  }
}
