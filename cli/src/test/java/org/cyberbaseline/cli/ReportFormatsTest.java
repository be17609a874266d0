package org.cyberbaseline.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code validate --format} with every format, {@code --quiet}, progress, {@code --sarif-root}. */
class ReportFormatsTest {
  private static final String TIMESTAMP = "2026-03-01T12:00:00Z";
  private static final List<String> FILES =
      List.of("cyber-baseline-report.json", "cyber-baseline-report.sarif", "cyber-baseline-report.html",
          "cyber-baseline-report.md", "cyber-baseline-junit.xml");

  @TempDir Path temp;

  private static Path example() {
    Path example = ExampleSubmissionTest.repoRoot().resolve("examples/infusion-pump");
    assumeTrue(Files.isRegularFile(example.resolve("submission.json")), "no example submission at " + example);
    return example;
  }

  private static Document parseXml(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(file)));
  }

  private static List<String> sarifResults(JsonNode sarif) {
    List<String> rows = new ArrayList<>();
    for (JsonNode result : sarif.at("/runs/0/results")) {
      JsonNode physical = result.at("/locations/0/physicalLocation");
      rows.add(result.get("ruleId").asText() + " " + result.get("level").asText() + " "
          + physical.at("/artifactLocation/uri").asText() + ":" + physical.at("/region/startLine").asText("-"));
    }
    return rows;
  }

  @Test
  void everyFormatIsWrittenAndNamedOnStdout() throws Exception {
    Path output = temp.resolve("out");
    Cli.Result result =
        Cli.run("validate", "--baseline", "ntia-sbom@2021", Cli.resource("submissions/valid").toString(), "--format", "text,json,sarif,html,md,junit",
                "--output", output.toString(), "--timestamp", TIMESTAMP)
            .expectExit(0);

    for (String file : FILES) {
      Path written = output.resolve(file);
      assertTrue(Files.isRegularFile(written) && Files.size(written) > 0, file + " written and not empty");
    }
    try (Stream<Path> listing = Files.list(output)) {
      assertEquals(FILES.size(), listing.count(), "no temporary file left behind");
    }
    assertTrue(result.out().contains("Rules:"), result.out());
    for (String label : List.of("JSON", "SARIF", "HTML", "Markdown", "JUnit")) {
      assertTrue(result.out().contains(label + " report: " + output.resolve(FILES.get(List.of("JSON", "SARIF", "HTML",
          "Markdown", "JUnit").indexOf(label)))), result.out());
    }
    assertEquals(List.of(), Cli.reportSchemaProblems(output.resolve(Cli.REPORT)));
    assertEquals(List.of(), Cli.sarifSchemaProblems(output.resolve("cyber-baseline-report.sarif")));
    assertEquals(List.of(), sarifResults(Cli.readJson(output.resolve("cyber-baseline-report.sarif"))));
    assertTrue(Files.readString(output.resolve("cyber-baseline-report.md")).startsWith("## Cyber Baseline: PASS\n"));
    Document junit = parseXml(output.resolve("cyber-baseline-junit.xml"));
    assertEquals("0", junit.getElementsByTagName("testsuite").item(0).getAttributes().getNamedItem("failures").getNodeValue());
    assertTrue(Files.readString(output.resolve("cyber-baseline-report.html")).contains("<html"));
  }

  @Test
  void exampleSubmissionSarifIsSchemaValidAndTheExitCodeFollowsFailOn() throws Exception {
    Path output = temp.resolve("out");
    Cli.Result result =
        Cli.run("validate", "--baseline", "ntia-sbom@2021", example().toString(), "--format", "sarif,md,junit", "--output", output.toString(),
                "--timestamp", TIMESTAMP)
            .expectExit(1);

    assertTrue(result.out().startsWith("Summary: 11 rules"), result.out());
    assertEquals(1, result.out().lines().count(), "without text only the summary line is on stdout");
    assertTrue(result.err().contains("SARIF report: " + output.resolve("cyber-baseline-report.sarif")), result.err());
    assertFalse(Files.exists(output.resolve(Cli.REPORT)), "json was not asked for");
    Path sarif = output.resolve("cyber-baseline-report.sarif");
    assertEquals(List.of(), Cli.sarifSchemaProblems(sarif));
    assertEquals(
        List.of(
            "SBOM-004 error sbom/firmware.cdx.json:928",
            "SBOM-006 warning sbom/firmware.cdx.json:212",
            "SBOM-007 warning sbom/firmware.cdx.json:959"),
        sarifResults(Cli.readJson(sarif)));
    assertEquals("SUBMISSION", Cli.readJson(sarif).at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
    assertEquals("3", parseXml(output.resolve("cyber-baseline-junit.xml")).getElementsByTagName("testsuite").item(0)
        .getAttributes().getNamedItem("failures").getNodeValue());

    Cli.run("validate", "--baseline", "ntia-sbom@2021", example().toString(), "--format", "sarif", "--output", output.toString(), "--fail-on", "never")
        .expectExit(0);
  }

  @Test
  void sameTimestampGivesByteIdenticalFilesInEveryFormat() throws Exception {
    Path first = temp.resolve("first");
    Path second = temp.resolve("second");
    for (Path output : List.of(first, second)) {
      Cli.run("validate", "--baseline", "ntia-sbom@2021", example().toString(), "--format", "json,sarif,html,md,junit", "--output", output.toString(),
              "--timestamp", TIMESTAMP)
          .expectExit(1);
    }
    for (String file : FILES) {
      assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
    }
  }

  @Test
  void sarifRootMakesPathsRepositoryRelative() throws Exception {
    Path repo = temp.resolve("repo");
    Path submission = Cli.copyOfValidSubmission(Files.createDirectories(repo.resolve("device/submission")));
    Cli.editSbom(submission, sbom -> ((com.fasterxml.jackson.databind.node.ObjectNode) sbom.get("components").get(1))
        .remove("supplier"));
    Path output = temp.resolve("out");

    Cli.run("validate", "--baseline", "ntia-sbom@2021", submission.toString(), "--format", "sarif", "--output", output.toString(),
            "--sarif-root", repo.toString())
        .expectExit(1);

    Path sarif = output.resolve("cyber-baseline-report.sarif");
    assertEquals(List.of(), Cli.sarifSchemaProblems(sarif));
    JsonNode log = Cli.readJson(sarif);
    assertTrue(sarifResults(log).get(0).startsWith("SBOM-004 error device/submission/sbom/device.cdx.json:"),
        sarifResults(log).toString());
    assertEquals("%SRCROOT%", log.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());

    // A lone SBOM: paths are relative to its folder, which must be inside the root too.
    Cli.run("validate", "--baseline", "ntia-sbom@2021", submission.resolve(Cli.SBOM).toString(), "--format", "sarif", "--output", output.toString(),
            "--sarif-root", repo.toString())
        .expectExit(1);
    assertTrue(sarifResults(Cli.readJson(sarif)).get(0).startsWith("SBOM-004 error device/submission/sbom/device.cdx.json:"));

    Cli.run("validate", "--baseline", "ntia-sbom@2021", submission.toString(), "--format", "sarif", "--output", output.toString(),
            "--sarif-root", repo.resolve("device/submission/sbom").toString())
        .expectUsageError("does not contain the submission folder");
    Cli.run("validate", "--baseline", "ntia-sbom@2021", submission.toString(), "--format", "sarif", "--output", output.toString(),
            "--sarif-root", temp.resolve("missing").toString())
        .expectUsageError("--sarif-root");
  }

  @Test
  void quietPrintsNothingButKeepsFilesAndExitCode() throws Exception {
    Path output = temp.resolve("out");
    Cli.Result failing =
        Cli.runInteractive("validate", "--baseline", "ntia-sbom@2021", example().toString(), "--quiet", "--format", "text,json,sarif",
                "--output", output.toString())
            .expectExit(1);
    assertEquals("", failing.out());
    assertEquals("", failing.err());
    assertTrue(Files.size(output.resolve(Cli.REPORT)) > 0);
    assertTrue(Files.size(output.resolve("cyber-baseline-report.sarif")) > 0);

    Cli.Result passing =
        Cli.run("validate", "--baseline", "ntia-sbom@2021", Cli.resource("submissions/valid").toString(), "-q", "--output", output.toString())
            .expectExit(0);
    assertEquals("", passing.out() + passing.err());

    Cli.run("validate", "--baseline", "ntia-sbom@2021", temp.resolve("missing").toString(), "--quiet").expectUsageError("no such file or folder");
  }

  @Test
  void progressIsShownOnStderrOnlyOnATerminal() {
    Path output = temp.resolve("out");
    String valid = Cli.resource("submissions/valid").toString();

    Cli.Result terminal = Cli.runInteractive("validate", "--baseline", "ntia-sbom@2021", valid, "--format", "json", "--output", output.toString()).expectExit(0);
    assertTrue(terminal.err().startsWith("Validating 2 artifacts against ntia-sbom@2021... done ("), terminal.err());
    assertFalse(terminal.out().contains("Validating"), terminal.out());

    Cli.Result pipe = Cli.run("validate", "--baseline", "ntia-sbom@2021", valid, "--format", "json", "--output", output.toString()).expectExit(0);
    assertFalse(pipe.err().contains("Validating"), pipe.err());
  }

  @Test
  void formatNamesAreCheckedAndMarkdownIsAnAlias() throws Exception {
    Path output = temp.resolve("out");
    Cli.run("validate", "--baseline", "ntia-sbom@2021", Cli.resource("submissions/valid").toString(), "--format", "Markdown", "--output", output.toString())
        .expectExit(0);
    assertTrue(Files.isRegularFile(output.resolve("cyber-baseline-report.md")));
    Cli.run("validate", "--baseline", "ntia-sbom@2021", Cli.resource("submissions/valid").toString(), "--format", "json,pdf", "--output", output.toString())
        .expectUsageError("text, json, sarif, html, md, junit");

    Path file = Files.writeString(temp.resolve("a-file"), "x");
    Cli.run("validate", "--baseline", "ntia-sbom@2021", Cli.resource("submissions/valid").toString(), "--format", "junit", "--output", file.toString())
        .expectUsageError("is a file");
  }

  @Test
  void explainGivesRationaleCitationsAndHowToFix() {
    Cli.Result result = Cli.run("explain", "sbom-004").expectExit(0);
    String out = result.out();
    assertTrue(out.startsWith("SBOM-004  Every component names its supplier"), out);
    assertTrue(out.contains("Rationale:"), out);
    assertTrue(out.contains("Remediation:"), out);
    assertTrue(out.contains("NTIA-ME-2021, §IV Data fields: Supplier Name"), out);
    assertTrue(out.contains("Check:       sbom.component-element"), out);
    assertEquals(Cli.run("rules", "show", "SBOM-004").out(), out, "explain and rules show agree");

    Cli.run("explain", "NOPE-1").expectUsageError("no rule 'NOPE-1' in baseline fda-premarket@2026.02");
    Cli.run("explain").expectUsageError("RULE-ID");
  }

  @Test
  void completionPrintsABashScriptForTheWholeCommandTree() {
    Cli.Result result = Cli.run("completion").expectExit(0);
    String script = result.out();
    assertTrue(script.startsWith("#!/usr/bin/env bash"), script.substring(0, Math.min(200, script.length())));
    assertTrue(script.contains("complete -F _complete_cyber-baseline"), "registers the completion function");
    for (String word : List.of("validate", "explain", "baselines", "completion", "--format", "--sarif-root", "--quiet")) {
      assertTrue(script.contains(word), word);
    }
    assertTrue(new String(script.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).endsWith("\n"));
  }
}
