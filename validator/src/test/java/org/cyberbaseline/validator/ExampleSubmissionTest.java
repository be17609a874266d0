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
}
