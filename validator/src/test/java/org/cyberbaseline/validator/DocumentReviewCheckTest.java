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

  private static final String METRICS_RULE =
      """
      packFormat: "1.0"
      id: facts-test
      version: "1"
      title: T
      effectiveDate: 2026-01-01
      rules:
        - id: PLN-006
          title: t
          rationale: r
          severity: warning
          citations: [ { document: FDA-PMC-2025.06, section: "§V.A.6" } ]
          appliesTo: { artifacts: [supplementary] }
          check:
            type: review.document
            params:
              artifacts: ["supplementary:metrics"]
              what: a metrics document
              reviewFocus: Are the metrics plausible?
              facts: %s
      """;

  private static RuleResult metricsRule(Path temp, String factsParam, String factsInManifest) throws Exception {
    Path pack = Files.writeString(temp.resolve("facts.yaml"), METRICS_RULE.formatted(factsParam));
    Validator validator =
        Validator.builder().addPackFile(pack).baseline("facts-test@1").clock(TestSupport.CLOCK).build();
    String manifest =
        SubmissionTest.manifest("[ { \"path\": \"sbom/fw.cdx.json\" } ]")
            .replace("\"sboms\":", "\"supplementary\": [ { \"path\": \"metrics.md\", \"kind\": \"metrics\"" + factsInManifest
                + " } ], \"sboms\":");
    Submission submission = Submission.builder()
        .manifest(manifest.getBytes(StandardCharsets.UTF_8))
        .document("sbom/fw.cdx.json", Files.readAllBytes(Path.of("src/test/resources/rules/_base/minimal.cdx.json")))
        .document("metrics.md", "# Metrics".getBytes(StandardCharsets.UTF_8))
        .build();
    ValidationReport report = validator.validate(submission);
    assertEquals(java.util.List.of(), report.inputProblems(), "the manifest is schema-valid");
    return report.result("PLN-006").orElseThrow();
  }

  @Test
  void factsDecideStructureAndAJustificationReplacesThem(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
    String facts = "{ required: [\"/percentPatched\", \"/meanDaysToPatch\"], unless: \"/justification\" }";

    RuleResult none = metricsRule(temp, facts, "");
    assertEquals(Status.FAIL, none.status());
    assertEquals(2, none.findings().size(), none.toString());
    assertEquals("/artifacts/supplementary/0", none.findings().get(0).location().pointer().orElseThrow());
    assertEquals(
        java.util.List.of(
            "a metrics document (metrics.md): the manifest states no facts/meanDaysToPatch (nor a justification at facts/justification)",
            "a metrics document (metrics.md): the manifest states no facts/percentPatched (nor a justification at facts/justification)"),
        none.findings().stream().map(Finding::message).toList());

    RuleResult half = metricsRule(temp, facts, ", \"facts\": { \"percentPatched\": 80 }");
    assertEquals(Status.FAIL, half.status());
    assertEquals(1, half.findings().size());
    assertEquals("/artifacts/supplementary/0/facts", half.findings().get(0).location().pointer().orElseThrow());
    assertTrue(half.findings().get(0).location().line().isPresent());

    RuleResult stated = metricsRule(temp, facts, ", \"facts\": { \"percentPatched\": 80, \"meanDaysToPatch\": 12.5 }");
    assertEquals(Status.NEEDS_REVIEW, stated.status());
    assertTrue(stated.explanation().contains("states the facts this rule checks"), stated.explanation());

    RuleResult justified = metricsRule(temp, facts, ", \"facts\": { \"justification\": \"no predecessor\" }");
    assertEquals(Status.NEEDS_REVIEW, justified.status());
    assertTrue(justified.explanation().contains("metrics.md facts/justification: no predecessor"), justified.explanation());
  }

  @Test
  void anElementMarkedNotApplicableCountsAsPresentAndItsJustificationIsReviewed() throws Exception {
    Path folder = Path.of("src/test/resources/rules/SUB-004/review/unresolved-anomalies-not-applicable");
    Validator validator = Validator.builder().baseline("fda-premarket@2025.06").clock(TestSupport.CLOCK).build();
    ValidationReport report = validator.validate(Submission.fromDirectory(folder));
    assertEquals(java.util.List.of(), report.inputProblems());
    RuleResult elements = report.result("SUB-004").orElseThrow();
    assertEquals(Status.NEEDS_REVIEW, elements.status());
    Finding notApplicable = elements.findings().stream()
        .filter(f -> f.location().artifact().equals("submission.json")).findFirst().orElseThrow();
    assertEquals("/artifacts/notApplicable/0", notApplicable.location().pointer().orElseThrow());
    assertTrue(notApplicable.message().startsWith("the manifest marks the unresolved anomalies assessment (Section V.A.5.)"
        + " not applicable: \"The EM-1 1.0.0 release has no open anomalies"), notApplicable.message());
    // VLN-010 still wants the assessment itself: marking the element not applicable does not hide that rule.
    assertEquals(Status.FAIL, report.result("VLN-010").orElseThrow().status());
  }

  @Test
  void malformedFactsParametersAreConfigurationErrors(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
    for (String[] bad : new String[][] {
        {"{ required: [\"percentPatched\"] }", "is not a JSON Pointer"},
        {"{ unless: \"/justification\" }", "must ask for something"},
        {"{ required: [] }", "must be a non-empty array"},
        {"{ sometimes: [\"/a\"] }", "sometimes"}}) {
      Path pack = Files.writeString(temp.resolve("bad.yaml"), METRICS_RULE.formatted(bad[0]));
      ConfigurationException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigurationException.class,
          () -> Validator.builder().addPackFile(pack).baseline("facts-test@1").build());
      assertTrue(e.getMessage().contains(bad[1]), bad[0] + " -> " + e.getMessage());
    }
  }
}
