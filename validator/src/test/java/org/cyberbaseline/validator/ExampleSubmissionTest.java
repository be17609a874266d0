package org.cyberbaseline.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The bundled example (examples/infusion-pump) is what README's first command validates; its
 * deliberate gaps are listed in its README, and this test pins exactly those findings.
 */
class ExampleSubmissionTest {
  @Test
  void exampleYieldsItsDocumentedFindingsAndNothingElse() throws Exception {
    Path example = TestSupport.repoRoot().resolve("examples/infusion-pump");
    ValidationReport report = TestSupport.validator().validate(Submission.fromDirectory(example));

    assertEquals(List.of(), report.inputProblems());
    assertEquals("VF-200", report.device().orElseThrow().model());
    Map<String, Status> statuses = new TreeMap<>();
    report.results().forEach(r -> statuses.put(r.ruleId(), r.status()));
    assertEquals(
        Map.ofEntries(
            Map.entry("SBOM-001", Status.PASS), Map.entry("SBOM-002", Status.PASS), Map.entry("SBOM-003", Status.PASS),
            Map.entry("SBOM-004", Status.FAIL), Map.entry("SBOM-005", Status.PASS), Map.entry("SBOM-006", Status.FAIL),
            Map.entry("SBOM-007", Status.FAIL), Map.entry("SBOM-008", Status.PASS), Map.entry("SBOM-013", Status.PASS),
            Map.entry("SBOM-014", Status.PASS), Map.entry("SBOM-016", Status.PASS)),
        statuses);
    assertEquals(
        List.of(
            "SBOM-004 error sbom/firmware.cdx.json:928:5 /components/23",
            "SBOM-006 warning sbom/firmware.cdx.json:212:5 /components/2",
            "SBOM-007 warning sbom/firmware.cdx.json:959:5 /components/24"),
        report.allFindings().stream()
            .map(f -> f.ruleId() + " " + f.severity().id() + " " + f.location().display())
            .toList());
    assertEquals(List.of(), TestSupport.reportSchemaProblems(report));
  }

  /** What README's main command shows: the default baseline, the newest FDA pack. */
  @Test
  void underTheDefaultBaselineTheDocumentedGapsFail() throws Exception {
    Path example = TestSupport.repoRoot().resolve("examples/infusion-pump");
    Validator validator = Validator.builder().clock(TestSupport.CLOCK).build();
    assertEquals("fda-premarket@2026.02", validator.baseline().ref().toString());
    ValidationReport report = validator.validate(Submission.fromDirectory(example));

    assertEquals(List.of(), report.inputProblems());
    assertEquals(
        List.of("LBL-004", "PLN-003", "PLN-006", "PLN-007", "SBOM-004", "SBOM-006", "SBOM-007", "SBOM-012", "SUB-004",
            "TM-003", "TM-009", "TST-001", "TST-002", "TST-003", "TST-004", "VLN-010"),
        report.results().stream().filter(r -> r.status() == Status.FAIL).map(RuleResult::ruleId).toList());
    assertEquals(
        List.of(
            "LBL-004 warning submission.json /artifacts/supplementary/1/facts/items",
            "PLN-003 error submission.json /artifacts/supplementary/0/facts"),
        report.allFindings().stream()
            .filter(f -> f.ruleId().equals("PLN-003") || f.ruleId().equals("LBL-004"))
            .map(f -> f.ruleId() + " " + f.severity().id() + " " + f.location().artifact() + " " + f.location().pointer().orElse(""))
            .toList());
    assertEquals(9, report.allFindings().stream().filter(f -> f.severity() == org.cyberbaseline.rules.Severity.ERROR).count());
    assertEquals(
        List.of(
            "TM-003 warning threat-model/threat-model.otm.json /threats",
            "TM-009 warning threat-model/threat-model.otm.json /dataflows/5"),
        report.allFindings().stream()
            .filter(f -> f.ruleId().startsWith("TM-") && f.severity() != org.cyberbaseline.rules.Severity.INFO)
            .map(f -> f.ruleId() + " " + f.severity().id() + " " + f.location().artifact() + " " + f.location().pointer().orElse(""))
            .toList());
  }

  /** The threat model and DQI manifest under the cyber baseline: one deliberate DQI gap, the rest passes or is for a reviewer. */
  @Test
  void underTheCyberBaselineTheDqiHasOneDocumentedGap() throws Exception {
    Path example = TestSupport.repoRoot().resolve("examples/infusion-pump");
    Validator validator = Validator.builder().baseline(org.cyberbaseline.rules.PackRef.parse("cyber-baseline@1.0"))
        .clock(TestSupport.CLOCK).build();
    ValidationReport report = validator.validate(Submission.fromDirectory(example));
    Map<String, Status> statuses = new TreeMap<>();
    report.results().stream().filter(r -> r.ruleId().matches("(DQI|TM|CTL|XART)-.*")).forEach(r -> statuses.put(r.ruleId(), r.status()));
    Map<String, Status> expected = new TreeMap<>();
    for (String id : List.of("CTL-001", "CTL-003", "DQI-001", "DQI-002", "DQI-003", "DQI-004", "DQI-005", "DQI-009", "DQI-010",
        "DQI-011", "DQI-012", "DQI-013", "DQI-014", "XART-001", "XART-002", "XART-003", "XART-005")) {
      expected.put(id, Status.PASS);
    }
    for (String id : List.of("CTL-002", "CTL-004", "CTL-005", "DQI-007", "DQI-008")) {
      expected.put(id, Status.NEEDS_REVIEW);
    }
    expected.put("DQI-006", Status.FAIL);
    assertEquals(expected, statuses);
    assertEquals(
        List.of("DQI-006 warning dqi/dqi-manifest.json:185:19 /dqi/queries/5/signed"),
        report.result("DQI-006").orElseThrow().findings().stream()
            .map(f -> f.ruleId() + " " + f.severity().id() + " " + f.location().display())
            .toList());
  }
}
