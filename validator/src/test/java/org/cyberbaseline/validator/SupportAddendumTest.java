package org.cyberbaseline.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A software-support addendum fills level of support and end of support for SBOMs that cannot hold them. */
class SupportAddendumTest {
  private static final Path FOLDER = Path.of("src/test/resources/rules/SBOM-010/pass/spdx-with-addendum");

  private static Submission withAddendum(String addendum) throws Exception {
    return Submission.builder()
        .manifest(Files.readAllBytes(FOLDER.resolve("submission.json")))
        .document("sbom/device.spdx.json", Files.readAllBytes(FOLDER.resolve("sbom/device.spdx.json")))
        .document("sbom/device-support.json", addendum.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private static Validator fda() throws ConfigurationException {
    return Validator.builder().baseline("fda-premarket@2025.06").clock(TestSupport.CLOCK).build();
  }

  @Test
  void withoutTheAddendumTheSpdxSbomLacksSupportData() throws Exception {
    ValidationReport report = fda().validate(withAddendum("""
        { "supportAddendumFormat": "1.0", "components": [] }
        """));
    assertEquals(List.of(), report.inputProblems());
    RuleResult level = report.result("SBOM-010").orElseThrow();
    assertEquals(Status.FAIL, level.status());
    assertEquals(6, level.findings().size(), "every package, the primary one included: " + level.findings());
  }

  @Test
  void anEntryThatNamesNoComponentIsReportedWhereItIsWritten() throws Exception {
    ValidationReport report = fda().validate(withAddendum("""
        { "supportAddendumFormat": "1.0",
          "components": [
            { "ref": "SPDXRef-Package-openssl", "levelOfSupport": "security fixes only" },
            { "purl": "pkg:generic/opensll@3.0.13", "levelOfSupport": "actively maintained" }
          ] }
        """));
    assertEquals(1, report.inputProblems().size(), report.inputProblems().toString());
    Finding unmatched = report.inputProblems().get(0);
    assertEquals("input.support-addendum-unmatched", unmatched.ruleId());
    assertEquals("sbom/device-support.json", unmatched.location().artifact());
    assertEquals("/components/1", unmatched.location().pointer().orElseThrow());
    assertEquals(4, unmatched.location().line().orElseThrow());
    assertTrue(unmatched.message().contains("purl 'pkg:generic/opensll@3.0.13' names no component of any SBOM"), unmatched.message());
    // The matched entry still counts: openssl is no longer among SBOM-010's findings.
    assertTrue(report.result("SBOM-010").orElseThrow().findings().stream()
        .noneMatch(f -> f.location().pointer().orElseThrow().equals("/packages/1")));
  }

  @Test
  void anInvalidAddendumIsReportedAndNoneOfItIsApplied() throws Exception {
    ValidationReport report = fda().validate(withAddendum("""
        { "supportAddendumFormat": "1.0",
          "components": [
            { "ref": "SPDXRef-Package-openssl", "levelOfSupport": "security fixes only" },
            { "ref": "SPDXRef-Package-zlib", "endOfSupport": "2027-02-30" }
          ] }
        """));
    assertEquals(List.of("input.support-addendum-invalid sbom/device-support.json /components/1/endOfSupport"),
        report.inputProblems().stream()
            .map(f -> f.ruleId() + " " + f.location().artifact() + " " + f.location().pointer().orElse(""))
            .toList());
    assertEquals(6, report.result("SBOM-010").orElseThrow().findings().size(), "not even the valid entry applies");
  }

  @Test
  void anUnknownFormatVersionIsRefused() throws Exception {
    ValidationReport report = fda().validate(withAddendum("""
        { "supportAddendumFormat": "2.0", "components": [] }
        """));
    assertEquals("input.support-addendum-invalid", report.inputProblems().get(0).ruleId());
    assertEquals("/supportAddendumFormat", report.inputProblems().get(0).location().pointer().orElseThrow());
  }
}
