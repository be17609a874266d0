package org.cyberbaseline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --max-file-size, --max-components, --max-depth, --max-findings-per-rule: exceeding one is a finding. */
class LimitOptionsTest {
  private static final String TIMESTAMP = "2026-11-29T12:00:00Z";

  @TempDir Path temp;

  private JsonNode validate(int expectedExit, String... limitArgs) {
    Path output = temp.resolve("out");
    String[] args = new String[6 + limitArgs.length];
    String[] fixed = {"validate", "--baseline", "ntia-sbom@2021", Cli.resource("submissions/valid").toString(),
        "--output", output.toString()};
    System.arraycopy(fixed, 0, args, 0, fixed.length);
    System.arraycopy(limitArgs, 0, args, fixed.length, limitArgs.length);
    Cli.Result result = Cli.run(args).expectExit(expectedExit);
    result.assertNoStackTrace();
    return Cli.readJson(output.resolve(Cli.REPORT));
  }

  @Test
  void withinTheDefaultsTheValidSubmissionPasses() {
    JsonNode report = validate(0, "--timestamp", TIMESTAMP);
    assertEquals(0, report.get("inputProblems").size());
  }

  @Test
  void tooManyComponentsFailsTheSbomReadableRule() {
    JsonNode finding = Cli.result(validate(1, "--max-components", "1"), "SBOM-001").get("findings").get(0);
    assertTrue(finding.get("message").asText().contains("above the limit of 1"), finding.toString());
    assertEquals(Cli.SBOM, finding.get("location").get("artifact").asText());
    assertEquals("/components/1", finding.get("location").get("pointer").asText());
  }

  @Test
  void tooDeepFailsTheSbomReadableRule() {
    // The manifest nests 4 deep and is read; the SBOM nests deeper and is not.
    JsonNode report = validate(1, "--max-depth", "4");
    assertEquals(0, report.get("inputProblems").size(), report.get("inputProblems").toString());
    JsonNode finding = Cli.result(report, "SBOM-001").get("findings").get(0);
    assertEquals(Cli.SBOM, finding.get("location").get("artifact").asText());
    assertTrue(finding.get("message").asText().contains("nesting depth (5) exceeds the maximum allowed (4"),
        finding.toString());
  }

  @Test
  void theDepthLimitHoldsForTheManifestToo() {
    JsonNode problem = validate(1, "--max-depth", "2").get("inputProblems").get(0);
    assertEquals("input.manifest-syntax", problem.get("ruleId").asText());
    assertEquals("submission.json", problem.get("location").get("artifact").asText());
  }

  @Test
  void tooLargeIsAnInputProblemAtTheManifestEntry() {
    JsonNode problem = validate(1, "--max-file-size", "1k").get("inputProblems").get(0);
    assertEquals("input.artifact-unreadable", problem.get("ruleId").asText());
    assertTrue(problem.get("message").asText().contains("larger than the limit of 1024 bytes"), problem.toString());
  }

  @Test
  void findingsPerRuleAreCapped() {
    Path submission = Cli.copyOfValidSubmission(temp.resolve("no-suppliers"));
    Cli.editSbom(submission, sbom -> sbom.get("components").forEach(c -> ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("supplier")));
    Path output = temp.resolve("capped");
    Cli.run("validate", "--baseline", "ntia-sbom@2021", submission.toString(), "--output", output.toString(),
        "--max-findings-per-rule", "1").expectExit(1);
    JsonNode report = Cli.readJson(output.resolve(Cli.REPORT));
    assertEquals(1, Cli.result(report, "SBOM-004").get("findings").size());
    JsonNode problem = report.get("inputProblems").get(0);
    assertEquals("input.limit-exceeded", problem.get("ruleId").asText());
    assertTrue(problem.get("message").asText().startsWith("rule SBOM-004 has "), problem.toString());
  }

  @Test
  void badLimitValuesAreUsageErrors() {
    Path submission = Cli.resource("submissions/valid");
    Cli.run("validate", submission.toString(), "--max-depth", "0").expectUsageError("not a whole number >= 1");
    Cli.run("validate", submission.toString(), "--max-components", "many").expectUsageError("not a whole number >= 1");
    Cli.run("validate", submission.toString(), "--max-file-size", "lots").expectUsageError("is not a size");
    Cli.run("validate", submission.toString(), "--max-findings-per-rule", "-3").expectUsageError("not a whole number >= 1");
  }

  @Test
  void sizesTakeBinarySuffixes() {
    LimitOptions.SizeConverter sizes = new LimitOptions.SizeConverter();
    assertEquals(1500L, sizes.convert("1500"));
    assertEquals(2048L, sizes.convert("2k"));
    assertEquals(64L << 20, sizes.convert("64MiB"));
    assertEquals(1L << 30, sizes.convert("1g"));
    assertEquals(3L << 20, sizes.convert("3 MB"));
  }
}
