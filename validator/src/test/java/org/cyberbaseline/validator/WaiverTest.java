package org.cyberbaseline.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.cyberbaseline.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaiverTest {
  @TempDir Path temp;

  private Path exampleWithWaivers(String waivers) throws Exception {
    Path source = TestSupport.repoRoot().resolve("examples/infusion-pump");
    Path copy = temp.resolve("pump");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path target = copy.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    String manifest = Files.readString(copy.resolve("submission.json"));
    Files.writeString(copy.resolve("submission.json"),
        manifest.replace("\"artifacts\": {", "\"artifacts\": {\n    \"waivers\": { \"path\": \"waivers.json\" },"));
    Files.writeString(copy.resolve("waivers.json"), waivers);
    return copy;
  }

  @Test
  void waivedFindingsStayVisibleButStopCounting() throws Exception {
    Path dir = exampleWithWaivers("""
        { "waiverFormat": "1.0", "waivers": [
          { "id": "W-1", "rule": "SBOM-004", "artifact": "sbom/firmware.cdx.json", "pointer": "/components/23",
            "justification": "inih is vendored from a single-maintainer project with no organisation behind it",
            "owner": "Product Security Lead", "expires": "2027-06-30" },
          { "rule": "SBOM-006", "justification": "vendor blob has no identifier scheme at all",
            "owner": "Firmware team", "expires": "2026-01-31" },
          { "rule": "SBOM-005", "justification": "left over from an earlier release of the SBOM",
            "owner": "Firmware team", "expires": "2027-01-01" }
        ] }
        """);
    ValidationReport report = TestSupport.validator().validate(Submission.fromDirectory(dir));

    RuleResult supplier = report.result("SBOM-004").orElseThrow();
    assertEquals(Status.PASS, supplier.status(), supplier::toString);
    assertEquals(1, supplier.findings().size());
    Finding waived = supplier.findings().get(0);
    assertTrue(waived.waived());
    assertEquals("Product Security Lead", waived.waiver().orElseThrow().owner());
    assertEquals("waivers.json", waived.waiver().orElseThrow().declaredAt().artifact());

    assertEquals(Status.FAIL, report.result("SBOM-006").orElseThrow().status(), "an expired waiver applies to nothing");
    assertEquals(1, report.summary().waivedFindings());
    assertEquals(0, report.summary().findingsBySeverity().get(Severity.ERROR));
    assertFalse(report.hasFindingsAtOrAbove(Severity.ERROR));

    assertEquals(
        List.of("input.waiver-expired /waivers/1", "input.waiver-unused /waivers/2"),
        report.inputProblems().stream().map(p -> p.ruleId() + " " + p.location().pointer().orElseThrow()).toList());
    assertTrue(report.inputProblems().stream().allMatch(p -> p.location().line().isPresent()));
    assertEquals(List.of(), TestSupport.reportSchemaProblems(report));
  }

  @Test
  void anInvalidWaiverFileAppliesNothing() throws Exception {
    Path dir = exampleWithWaivers("""
        { "waiverFormat": "1.0", "waivers": [ { "rule": "SBOM-004", "justification": "short", "owner": "x", "expires": "2027-01-01" } ] }
        """);
    ValidationReport report = TestSupport.validator().validate(Submission.fromDirectory(dir));
    assertEquals(Status.FAIL, report.result("SBOM-004").orElseThrow().status());
    assertEquals("input.waivers-invalid", report.inputProblems().get(0).ruleId());
    assertEquals("/waivers/0/justification", report.inputProblems().get(0).location().pointer().orElseThrow());
    assertEquals(0, report.summary().waivedFindings());
  }
}
