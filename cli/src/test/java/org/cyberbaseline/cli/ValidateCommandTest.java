package org.cyberbaseline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cyber-baseline validate}, end to end through {@link Main#run}. */
class ValidateCommandTest {
  private static final String TIMESTAMP = "2026-03-01T12:00:00Z";

  @TempDir Path temp;

  @Test
  void validSubmissionExitsZeroAndWritesASchemaValidReport() throws Exception {
    Path output = temp.resolve("out");
    Cli.Result result =
        Cli.run("validate", "--baseline", "ntia-sbom@2021", Cli.resource("submissions/valid").toString(), "--output", output.toString(),
                "--timestamp", TIMESTAMP, "--fail-on", "info")
            .expectExit(0);

    assertTrue(result.out().contains("PASS           SBOM-004"), result.out());
    assertTrue(result.out().contains("Summary: 11 rules: 11 pass") || result.out().contains(" 0 fail"), result.out());
    Path report = output.resolve(Cli.REPORT);
    assertTrue(result.out().contains("JSON report: " + report), result.out());
    assertEquals(java.util.List.of(), Cli.reportSchemaProblems(report));
    JsonNode json = Cli.readJson(report);
    assertEquals("submission", json.get("mode").asText());
    assertEquals(TIMESTAMP, json.get("generatedAt").asText());
    assertEquals("ntia-sbom", json.get("baseline").get("id").asText());
    assertEquals("PASS", Cli.result(json, "SBOM-004").get("status").asText());
    assertEquals(0, json.get("summary").get("rules").get("FAIL").asInt());
  }

  @Test
  void vulnerabilityFeedsFromTheCommandLine() throws Exception {
    Path example = ExampleSubmissionTest.repoRoot().resolve("examples/infusion-pump");
    Path output = temp.resolve("out");
    Cli.Result result =
        Cli.run("validate", "--baseline", "fda-premarket@2025.06", example.toString(), "--output", output.toString(),
                "--timestamp", TIMESTAMP, "--osv", example.resolve("feeds/osv").toString(),
                "--kev", example.resolve("feeds/kev.json").toString())
            .expectExit(1);
    assertTrue(result.out().contains("Vulnerability feeds:\n  OSV osv, newest record"), result.out());
    assertTrue(result.out().contains("CISA KEV kev.json, catalogue 2025.08.25"), result.out());
    assertTrue(result.out().lines().anyMatch(l -> l.contains("stdlib@1.20.11") && l.contains("CVE-2023-39326")
        && l.contains("not assessed")), result.out());
    Path report = output.resolve(Cli.REPORT);
    assertEquals(java.util.List.of(), Cli.reportSchemaProblems(report));
    JsonNode json = Cli.readJson(report);
    assertEquals(2, json.get("vulnerabilityFeeds").size());
    assertEquals("FAIL", Cli.result(json, "VLN-002").get("status").asText());
    assertEquals("PASS", Cli.result(json, "VLN-004").get("status").asText());
  }

  @Test
  void missingFeedIsAUsageError() throws Exception {
    Path example = ExampleSubmissionTest.repoRoot().resolve("examples/infusion-pump");
    Cli.Result result = Cli.run("validate", example.toString(), "--output", temp.resolve("out").toString(),
        "--osv", temp.resolve("no-such-feed").toString()).expectExit(2);
    assertTrue(result.err().contains("no such OSV folder or zip"), result.err());
  }

  @Test
  void componentWithoutSupplierFailsSbom004AtItsPointer() throws Exception {
    Path submission = Cli.copyOfValidSubmission(temp.resolve("no-supplier"));
    Cli.editSbom(submission, sbom -> ((ObjectNode) sbom.get("components").get(1)).remove("supplier"));
    Path output = temp.resolve("out");

    Cli.Result result =
        Cli.run("validate", "--baseline", "ntia-sbom@2021", submission.toString(), "--output", output.toString(), "--timestamp", TIMESTAMP)
            .expectExit(1);

    assertTrue(result.out().contains("FAIL           SBOM-004"), result.out());
    assertTrue(result.out().contains("Outcome: fail"), result.out());
    Path report = output.resolve(Cli.REPORT);
    assertEquals(java.util.List.of(), Cli.reportSchemaProblems(report));
    JsonNode sbom004 = Cli.result(Cli.readJson(report), "SBOM-004");
    assertEquals("FAIL", sbom004.get("status").asText());
    JsonNode findings = sbom004.get("findings");
    assertEquals(1, findings.size(), findings.toString());
    JsonNode finding = findings.get(0);
    assertEquals("error", finding.get("severity").asText());
    assertEquals(Cli.SBOM, finding.get("location").get("artifact").asText());
    assertEquals("/components/1", finding.get("location").get("pointer").asText());
    assertEquals("NTIA-ME-2021", finding.get("citations").get(0).get("document").asText());
  }

  @Test
  void failOnDecidesWhichSeverityFailsTheRun() {
    // An explicit "NOASSERTION" supplier is a warning (SBOM-004's unknownSeverity), not an error.
    Path submission = Cli.copyOfValidSubmission(temp.resolve("unknown-supplier"));
    Cli.editSbom(
        submission,
        sbom -> ((ObjectNode) sbom.get("components").get(1).get("supplier")).put("name", "NOASSERTION"));
    String out = temp.resolve("out").toString();

    Cli.run("validate", "--baseline", "ntia-sbom@2021", submission.toString(), "--output", out).expectExit(0);
    Cli.run("validate", "--baseline", "ntia-sbom@2021", submission.toString(), "--output", out, "--fail-on", "error").expectExit(0);
    Cli.run("validate", "--baseline", "ntia-sbom@2021", submission.toString(), "--output", out, "--fail-on", "warning").expectExit(1);
    Cli.run("validate", "--baseline", "ntia-sbom@2021", submission.toString(), "--output", out, "--fail-on", "info").expectExit(1);
    Cli.run("validate", "--baseline", "ntia-sbom@2021", submission.toString(), "--output", out, "--fail-on", "never").expectExit(0);

    Path missing = Cli.copyOfValidSubmission(temp.resolve("missing-supplier"));
    Cli.editSbom(missing, sbom -> ((ObjectNode) sbom.get("components").get(0)).remove("supplier"));
    Cli.run("validate", "--baseline", "ntia-sbom@2021", missing.toString(), "--output", out, "--fail-on", "never").expectExit(0);
    Cli.run("validate", "--baseline", "ntia-sbom@2021", missing.toString(), "--output", out, "--fail-on", "warning").expectExit(1);
  }

  @Test
  void singleSbomFileRunsInSbomOnlyMode() throws Exception {
    Path output = temp.resolve("out");
    Cli.Result result =
        Cli.run("validate", "--baseline", "ntia-sbom@2021", Cli.resource("submissions/valid/" + Cli.SBOM).toString(), "--output", output.toString(),
                "--timestamp", TIMESTAMP)
            .expectExit(0);

    assertTrue(result.out().contains("a lone SBOM"), result.out());
    Path report = output.resolve(Cli.REPORT);
    assertEquals(java.util.List.of(), Cli.reportSchemaProblems(report));
    JsonNode json = Cli.readJson(report);
    assertEquals("sbom-only", json.get("mode").asText());
    assertFalse(json.has("device"));
  }

  @Test
  void sameTimestampGivesByteIdenticalJson() throws Exception {
    Path submission = Cli.resource("submissions/valid");
    Path first = temp.resolve("first");
    Path second = temp.resolve("second");
    Cli.run("validate", "--baseline", "ntia-sbom@2021", submission.toString(), "--format", "json", "--output", first.toString(), "--timestamp", TIMESTAMP)
        .expectExit(0);
    Cli.run("validate", "--baseline", "ntia-sbom@2021", submission.toString(), "--format", "json", "--output", second.toString(), "--timestamp", TIMESTAMP)
        .expectExit(0);
    assertArrayEquals(Files.readAllBytes(first.resolve(Cli.REPORT)), Files.readAllBytes(second.resolve(Cli.REPORT)));
  }

  @Test
  void sourceDateEpochFixesTheTimestampAndTimestampOptionWins() throws Exception {
    Path submission = Cli.resource("submissions/valid");
    Path fromEnv = temp.resolve("env");
    Path fromOption = temp.resolve("option");
    Map<String, String> env = Map.of("SOURCE_DATE_EPOCH", "1772366400"); // 2026-03-01T12:00:00Z
    Cli.runWithEnv(env, "validate", "--baseline", "ntia-sbom@2021", submission.toString(), "--format", "json", "--output", fromEnv.toString())
        .expectExit(0);
    assertEquals(TIMESTAMP, Cli.readJson(fromEnv.resolve(Cli.REPORT)).get("generatedAt").asText());
    Cli.run("validate", "--baseline", "ntia-sbom@2021", submission.toString(), "--format", "json", "--output", fromOption.toString(), "--timestamp", TIMESTAMP)
        .expectExit(0);
    assertArrayEquals(Files.readAllBytes(fromEnv.resolve(Cli.REPORT)), Files.readAllBytes(fromOption.resolve(Cli.REPORT)));

    Path overridden = temp.resolve("overridden");
    Cli.runWithEnv(env, "validate", "--baseline", "ntia-sbom@2021", submission.toString(), "--format", "json", "--output", overridden.toString(),
            "--timestamp", "2027-01-01T00:00:00+01:00")
        .expectExit(0);
    assertEquals("2026-12-31T23:00:00Z", Cli.readJson(overridden.resolve(Cli.REPORT)).get("generatedAt").asText());
  }

  @Test
  void jsonOnlyPrintsJustTheSummaryLine() {
    Path output = temp.resolve("out");
    Cli.Result result =
        Cli.run("validate", "--baseline", "ntia-sbom@2021", Cli.resource("submissions/valid").toString(), "--format", "json", "--output", output.toString())
            .expectExit(0);
    assertEquals(1, result.out().lines().count(), result.out());
    assertTrue(result.out().startsWith("Summary: 11 rules"), result.out());
    assertTrue(result.err().contains("JSON report: " + output.resolve(Cli.REPORT)), result.err());
    assertTrue(Files.isRegularFile(output.resolve(Cli.REPORT)));
  }

  @Test
  void textOnlyWritesNoFile() {
    Path output = temp.resolve("out");
    Cli.Result result =
        Cli.run("validate", "--baseline", "ntia-sbom@2021", Cli.resource("submissions/valid").toString(), "--format", "TEXT", "--output", output.toString())
            .expectExit(0);
    assertTrue(result.out().contains("Rules:"), result.out());
    assertFalse(result.out().contains("JSON report"), result.out());
    assertFalse(Files.exists(output));
  }

  @Test
  void maxFindingsLimitsTheTextButNotTheJson() {
    Path submission = Cli.copyOfValidSubmission(temp.resolve("no-suppliers"));
    Cli.editSbom(
        submission,
        sbom -> {
          sbom.get("components").forEach(c -> ((ObjectNode) c).remove("supplier"));
          ((ObjectNode) sbom.get("metadata").get("component")).remove("supplier");
        });
    Path output = temp.resolve("out");
    Cli.Result result =
        Cli.run("validate", "--baseline", "ntia-sbom@2021", submission.toString(), "--output", output.toString(), "--max-findings", "1").expectExit(1);
    assertTrue(result.out().contains("... 2 more (see the JSON report)"), result.out());
    assertEquals(3, Cli.result(Cli.readJson(output.resolve(Cli.REPORT)), "SBOM-004").get("findings").size());
  }

  @Test
  void userPackCanBeSelectedAsBaseline() throws Exception {
    Path output = temp.resolve("out");
    Cli.run("validate", Cli.resource("submissions/valid").toString(), "--output", output.toString(),
            "--pack", Cli.resource("packs/strict-identifiers.yaml").toString(), "--baseline", "cli-test-strict@1")
        .expectExit(0);
    JsonNode json = Cli.readJson(output.resolve(Cli.REPORT));
    assertEquals("cli-test-strict", json.get("baseline").get("id").asText());
    assertEquals("ntia-sbom@2021", json.get("baseline").get("extends").get(0).asText());
    assertEquals("PASS", Cli.result(json, "ORG-001").get("status").asText());
    assertEquals(java.util.List.of(), Cli.reportSchemaProblems(output.resolve(Cli.REPORT)));
  }

  @Test
  void manifestFileStandsForItsFolder() throws Exception {
    Path output = temp.resolve("out");
    Cli.run("validate", "--baseline", "ntia-sbom@2021", Cli.resource("submissions/valid/submission.json").toString(), "--format", "json",
            "--output", output.toString())
        .expectExit(0);
    assertEquals("submission", Cli.readJson(output.resolve(Cli.REPORT)).get("mode").asText());
  }

  @Test
  void waivedFindingsNeitherFailTheRunNorCountInTheOutcome() throws Exception {
    Path source = ExampleSubmissionTest.repoRoot().resolve("examples/infusion-pump");
    Path copy = temp.resolve("pump");
    try (java.util.stream.Stream<Path> files = Files.walk(source)) {
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
    Files.writeString(copy.resolve("waivers.json"), """
        { "waiverFormat": "1.0", "waivers": [
          { "rule": "SBOM-004", "artifact": "sbom/firmware.cdx.json", "pointer": "/components/23",
            "justification": "inih is vendored from a single-maintainer project with no organisation behind it",
            "owner": "Product Security Lead", "expires": "2099-06-30" } ] }
        """);
    Cli.Result result = Cli.run("validate", "--baseline", "ntia-sbom@2021", copy.toString(), "--format", "text",
        "--output", temp.resolve("out").toString()).expectExit(0);
    assertTrue(result.out().contains("Outcome: pass (no error finding; --fail-on error)"), result.out());
  }
}
