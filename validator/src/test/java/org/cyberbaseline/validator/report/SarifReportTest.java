package org.cyberbaseline.validator.report;

import static org.cyberbaseline.validator.report.ReportFixtures.at;
import static org.cyberbaseline.validator.report.ReportFixtures.finding;
import static org.cyberbaseline.validator.report.ReportFixtures.pack;
import static org.cyberbaseline.validator.report.ReportFixtures.report;
import static org.cyberbaseline.validator.report.ReportFixtures.result;
import static org.cyberbaseline.validator.report.ReportFixtures.rule;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cyberbaseline.rules.Rule;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.Submission;
import org.cyberbaseline.validator.ValidationReport;
import org.cyberbaseline.validator.Validator;
import org.junit.jupiter.api.Test;

/** SARIF 2.1.0 output: schema-valid, the exact results, GitHub's limits, determinism. */
class SarifReportTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** ruleId, level (with kind when not "fail"), uri, startLine of every result. */
  private static List<String> results(JsonNode sarif) {
    List<String> rows = new ArrayList<>();
    for (JsonNode result : sarif.get("runs").get(0).get("results")) {
      JsonNode physical = result.path("locations").path(0).path("physicalLocation");
      rows.add(result.get("ruleId").asText() + " " + result.get("level").asText()
          + (result.has("kind") ? "/" + result.get("kind").asText() : "") + " "
          + physical.path("artifactLocation").path("uri").asText("-") + ":"
          + physical.path("region").path("startLine").asText("-"));
    }
    return rows;
  }

  private static JsonNode parse(byte[] sarif) throws Exception {
    return MAPPER.readTree(sarif);
  }

  @Test
  void exampleSubmissionGivesSchemaValidSarifWithItsThreeFindings() throws Exception {
    Validator validator = ReportFixtures.validator();
    ValidationReport report =
        validator.validate(Submission.fromDirectory(ReportFixtures.repoRoot().resolve("examples/infusion-pump")));

    byte[] bytes = SarifReport.toBytes(report, validator.baseline());

    assertEquals(List.of(), ReportFixtures.sarifSchemaProblems(bytes));
    JsonNode sarif = parse(bytes);
    assertEquals("2.1.0", sarif.get("version").asText());
    assertEquals(1, sarif.get("runs").size());
    JsonNode run = sarif.get("runs").get(0);
    assertEquals(
        List.of(
            "SBOM-004 error sbom/firmware.cdx.json:928",
            "SBOM-006 warning sbom/firmware.cdx.json:212",
            "SBOM-007 warning sbom/firmware.cdx.json:959"),
        results(sarif));
    JsonNode driver = run.get("tool").get("driver");
    assertEquals("cyber-baseline", driver.get("name").asText());
    assertEquals(Validator.version(), driver.get("version").asText());
    JsonNode rules = driver.get("rules");
    List<String> ids = new ArrayList<>();
    rules.forEach(r -> ids.add(r.get("id").asText()));
    int ruleCount = validator.baseline().rules().size();
    assertEquals(validator.baseline().rules().stream().map(Rule::id).toList(), ids.subList(0, ruleCount),
        "every rule of the baseline first, in order");
    assertTrue(ids.subList(ruleCount, ids.size()).containsAll(List.of("input.artifact-duplicate",
        "input.artifact-unreadable", "input.manifest-schema", "input.manifest-syntax")), ids.toString());
    assertTrue(ids.subList(ruleCount, ids.size()).stream().allMatch(id -> id.startsWith("input.")), ids.toString());
    for (JsonNode result : run.get("results")) {
      assertEquals(result.get("ruleId").asText(), rules.get(result.get("ruleIndex").asInt()).get("id").asText());
      assertEquals("SUBMISSION", result.at("/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
      assertTrue(result.at("/partialFingerprints/primaryLocationLineHash").asText().matches("[0-9a-f]{32}:1"));
    }
    JsonNode first = run.get("results").get(0);
    assertEquals("/components/23", first.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
    assertEquals("member", first.at("/locations/0/logicalLocations/0/kind").asText());
    assertEquals(5, first.at("/locations/0/physicalLocation/region/startColumn").asInt());

    JsonNode sbom004 = rules.get(first.get("ruleIndex").asInt());
    assertEquals("EveryComponentNamesItsSupplier", sbom004.get("name").asText());
    assertEquals("Every component names its supplier", sbom004.at("/shortDescription/text").asText());
    assertEquals(validator.baseline().rule("SBOM-004").orElseThrow().rationale().strip(),
        sbom004.at("/fullDescription/text").asText());
    assertEquals("error", sbom004.at("/defaultConfiguration/level").asText());
    assertTrue(sbom004.get("helpUri").asText().startsWith("https://www.ntia.gov/"));
    String help = sbom004.at("/help/markdown").asText();
    assertTrue(help.contains("**How to fix:** Set supplier.name"), help);
    assertTrue(help.contains("[NTIA-ME-2021, §IV Data fields: Supplier Name](<https://www.ntia.gov/"), help);
    assertTrue(sbom004.at("/help/text").asText().contains("How to fix: "), sbom004.toString());
    assertEquals("[\"cyber-baseline\",\"sbom\"]", sbom004.at("/properties/tags").toString());
    assertEquals("NTIA-ME-2021", sbom004.at("/properties/citations/0/document").asText());
    assertEquals("warning", rules.get(5).at("/defaultConfiguration/level").asText(), "SBOM-006 is a warning rule");

    assertEquals("2026-11-29T12:00:00Z", run.at("/invocations/0/endTimeUtc").asText());
    assertTrue(run.at("/invocations/0/executionSuccessful").asBoolean());
    assertTrue(run.at("/originalUriBaseIds/SUBMISSION/description/text").isTextual());
    assertEquals("ntia-sbom@2021", run.at("/properties/baseline").asText());
    assertFalse(run.at("/properties/truncated").asBoolean());
    assertEquals("sbom/firmware.cdx.json", run.at("/artifacts/1/location/uri").asText());
    assertEquals(64, run.at("/artifacts/1/hashes/sha-256").asText().length());

    assertArrayEquals(bytes, SarifReport.toBytes(validator.validate(
        Submission.fromDirectory(ReportFixtures.repoRoot().resolve("examples/infusion-pump"))), validator.baseline()),
        "same inputs and clock give the same bytes");
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertFalse(text.contains("\r"), "'\\n' line ends only");
    assertTrue(text.endsWith("}\n"));
    assertFalse(text.contains(ReportFixtures.repoRoot().toString()), "no absolute path");
  }

  @Test
  void inputProblemsBecomeResultsOfTheirOwnRules() throws Exception {
    String manifest =
        ReportFixtures.manifest("[ { \"path\": \"sbom/fw.cdx.json\" }, { \"path\": \"sbom/missing.cdx.json\" } ]")
            .replace("\"model\": \"EX-1\",", "\"model\": 42,");
    Submission submission =
        Submission.builder()
            .manifest(ReportFixtures.bytes(manifest))
            .document("sbom/fw.cdx.json", ReportFixtures.minimalSbom())
            .build();
    Validator validator = ReportFixtures.validator();
    ValidationReport report = validator.validate(submission);

    byte[] bytes = SarifReport.toBytes(report, validator.baseline());

    assertEquals(List.of(), ReportFixtures.sarifSchemaProblems(bytes));
    JsonNode sarif = parse(bytes);
    assertEquals(
        List.of(
            "input.manifest-schema error submission.json:7",
            "input.artifact-unreadable error submission.json:12",
            "SBOM-001 error sbom/missing.cdx.json:-"),
        results(sarif));
    JsonNode rules = sarif.at("/runs/0/tool/driver/rules");
    for (JsonNode result : sarif.at("/runs/0/results")) {
      JsonNode descriptor = rules.get(result.get("ruleIndex").asInt());
      assertEquals(result.get("ruleId").asText(), descriptor.get("id").asText());
    }
    JsonNode schemaRule = rules.get(sarif.at("/runs/0/results/0/ruleIndex").asInt());
    assertEquals("InputManifestSchema", schemaRule.get("name").asText());
    assertTrue(schemaRule.at("/help/text").asText().contains("submission-1.0.schema.json"), schemaRule.toString());
    assertEquals("[\"cyber-baseline\",\"submission\"]", schemaRule.at("/properties/tags").toString());
    assertEquals("/device/model", sarif.at("/runs/0/results/0/locations/0/logicalLocations/0/fullyQualifiedName").asText());
  }

  @Test
  void needsReviewIsAReviewResultWithLevelNoneAndPassOrNotApplicableIsNoResult() throws Exception {
    Rule failing = rule("T-001", "Things are named", Severity.ERROR);
    Rule review = rule("T-002", "A human judges the plan", Severity.WARNING);
    Rule reviewWithoutFindings = rule("T-003", "Applies if cyber device", Severity.ERROR);
    Rule passing = rule("T-004", "Passing rule", Severity.ERROR);
    Rule notApplicable = rule("T-005", "Not applicable rule", Severity.INFO);
    ValidationReport report =
        report(
            List.of(),
            result(failing, Status.FAIL, "one thing has no name",
                finding("T-001", Severity.INFO, "thing 3 is unnamed", at("sbom/fw.cdx.json", "/components/3", 40, 7))),
            result(review, Status.NEEDS_REVIEW, "a reviewer must read the plan",
                finding("T-002", Severity.INFO, "review docs/plan.md", Location.ofArtifact("docs/plan.md"))),
            result(reviewWithoutFindings, Status.NEEDS_REVIEW, "the manifest does not say whether it is a cyber device"),
            result(passing, Status.PASS, "all good"),
            result(notApplicable, Status.NOT_APPLICABLE, "does not apply"));

    byte[] bytes = SarifReport.toBytes(report, pack(failing, review, reviewWithoutFindings, passing, notApplicable));

    assertEquals(List.of(), ReportFixtures.sarifSchemaProblems(bytes));
    JsonNode sarif = parse(bytes);
    assertEquals(
        List.of(
            "T-001 note sbom/fw.cdx.json:40",
            "T-002 none/review docs/plan.md:-",
            "T-003 none/review submission.json:-"),
        results(sarif));
    assertEquals("Needs review: the manifest does not say whether it is a cyber device",
        sarif.at("/runs/0/results/2/message/text").asText());
    assertTrue(sarif.at("/runs/0/results/1/locations/0/physicalLocation/region").isMissingNode(), "no line, no region");
    assertTrue(sarif.at("/runs/0/results/1/locations/0/logicalLocations").isMissingNode(), "no pointer");
    assertEquals(List.of("T-001", "T-002", "T-003", "T-004", "T-005"),
        List.of(0, 1, 2, 3, 4).stream().map(i -> sarif.at("/runs/0/tool/driver/rules/" + i + "/id").asText()).toList(),
        "PASS and N/A rules are still described");
    assertEquals("1.2.3", sarif.at("/runs/0/tool/driver/semanticVersion").asText());
  }

  @Test
  void resultsAboveTheCapKeepTheMostSevereAndRecordTheTruncation() throws Exception {
    Rule warnings = rule("T-001", "Warnings", Severity.WARNING);
    Rule errors = rule("T-002", "Errors", Severity.ERROR);
    List<Finding> many = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      many.add(finding("T-001", Severity.WARNING, "warning " + i, at("sbom/fw.cdx.json", "/components/" + i, 10 + i, 1)));
    }
    String longMessage = "x".repeat(SarifReport.MAX_MESSAGE_CHARS + 10);
    ValidationReport report =
        report(
            List.of(),
            result(warnings, Status.FAIL, "three warnings", many.toArray(Finding[]::new)),
            result(errors, Status.FAIL, "one error",
                finding("T-002", Severity.ERROR, longMessage, at("sbom/fw.cdx.json", "/metadata", 3, 3))));

    byte[] bytes = SarifReport.toBytes(report, pack(warnings, errors), SarifReport.Options.DEFAULT.withMaxResults(2));

    assertEquals(List.of(), ReportFixtures.sarifSchemaProblems(bytes));
    JsonNode sarif = parse(bytes);
    assertEquals(List.of("T-001 warning sbom/fw.cdx.json:10", "T-002 error sbom/fw.cdx.json:3"), results(sarif),
        "the error is kept before later warnings; kept results stay in report order");
    JsonNode properties = sarif.at("/runs/0/properties");
    assertEquals(4, properties.get("resultsTotal").asInt());
    assertEquals(2, properties.get("resultsOmitted").asInt());
    assertEquals(1, properties.get("messagesShortened").asInt());
    assertTrue(properties.get("truncated").asBoolean());
    String shortened = sarif.at("/runs/0/results/1/message/text").asText();
    assertEquals(SarifReport.MAX_MESSAGE_CHARS, shortened.length());
    assertTrue(shortened.endsWith("…"));
    assertThrows(IllegalArgumentException.class,
        () -> SarifReport.Options.DEFAULT.withMaxResults(SarifReport.MAX_RESULTS + 1));
  }

  @Test
  void waivedFindingsAreLeftOutUnlessAskedForAndThenSuppressed() throws Exception {
    ValidationReport report = ReportFixtures.waivedReport();
    RulePack pack = pack(ReportFixtures.ALL_WAIVED, ReportFixtures.SOME_WAIVED);

    JsonNode github = parse(SarifReport.toBytes(report, pack));
    assertEquals(List.of("T-002 warning sbom/fw.cdx.json:7"), results(github), "GitHub would open alerts for suppressed results");
    assertEquals(2, github.at("/runs/0/properties/waivedOmitted").asInt());

    byte[] bytes = SarifReport.toBytes(report, pack, SarifReport.Options.DEFAULT.withWaivedFindings(true));
    assertEquals(List.of(), ReportFixtures.sarifSchemaProblems(bytes));
    JsonNode all = parse(bytes);
    assertEquals(
        List.of("T-001 error sbom/fw.cdx.json:5", "T-002 error sbom/fw.cdx.json:6", "T-002 warning sbom/fw.cdx.json:7"),
        results(all));
    JsonNode suppression = all.at("/runs/0/results/0/suppressions/0");
    assertEquals("external", suppression.get("kind").asText());
    assertEquals("accepted", suppression.get("status").asText());
    assertEquals("accepted <risk> | see @team (owner J. Doe, expires 2027-06-30, waiver W-1)",
        suppression.get("justification").asText());
    assertEquals("waivers.json", suppression.at("/location/physicalLocation/artifactLocation/uri").asText());
    assertTrue(all.at("/runs/0/results/2/suppressions").isMissingNode());
    assertEquals(0, all.at("/runs/0/properties/waivedOmitted").asInt());
  }

  @Test
  void identicalFindingsGetDistinctStableFingerprints() throws Exception {
    Rule rule = rule("T-001", "Twice", Severity.ERROR);
    Location same = at("sbom/fw.cdx.json", "/components/0", 5, 5);
    ValidationReport report =
        report(List.of(), result(rule, Status.FAIL, "twice",
            finding("T-001", Severity.ERROR, "duplicate", same), finding("T-001", Severity.ERROR, "duplicate", same)));
    JsonNode sarif = parse(SarifReport.toBytes(report, pack(rule)));
    String first = sarif.at("/runs/0/results/0/partialFingerprints/primaryLocationLineHash").asText();
    String second = sarif.at("/runs/0/results/1/partialFingerprints/primaryLocationLineHash").asText();
    assertTrue(first.endsWith(":1") && second.endsWith(":2"), first + " " + second);
    assertEquals(first.substring(0, 32), second.substring(0, 32));

    // The line is not part of the fingerprint: reformatting the SBOM keeps the alert.
    ValidationReport moved =
        report(List.of(), result(rule, Status.FAIL, "twice",
            finding("T-001", Severity.ERROR, "duplicate", at("sbom/fw.cdx.json", "/components/0", 99, 1))));
    assertEquals(first,
        parse(SarifReport.toBytes(moved, pack(rule))).at("/runs/0/results/0/partialFingerprints/primaryLocationLineHash")
            .asText());
  }

  @Test
  void submissionFolderMakesUrisRepositoryRelative() throws Exception {
    Rule rule = rule("T-001", "One", Severity.ERROR);
    ValidationReport report =
        report(List.of(), result(rule, Status.FAIL, "one",
            finding("T-001", Severity.ERROR, "bad", at("sbom/fw.cdx.json", "/components/0", 5, 5))));

    byte[] bytes =
        SarifReport.toBytes(report, pack(rule), SarifReport.Options.DEFAULT.withSubmissionFolder("examples/pump/"));

    assertEquals(List.of(), ReportFixtures.sarifSchemaProblems(bytes));
    JsonNode sarif = parse(bytes);
    assertEquals(List.of("T-001 error examples/pump/sbom/fw.cdx.json:5"), results(sarif));
    assertEquals("%SRCROOT%", sarif.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uriBaseId").asText());
    assertTrue(sarif.at("/runs/0/originalUriBaseIds/SUBMISSION").isMissingNode());
    assertEquals("examples/pump/submission.json", sarif.at("/runs/0/artifacts/0/location/uri").asText());
    JsonNode atRoot = parse(SarifReport.toBytes(report, pack(rule), SarifReport.Options.DEFAULT.withSubmissionFolder(".")));
    assertEquals(List.of("T-001 error sbom/fw.cdx.json:5"), results(atRoot));

    for (String bad : List.of("../elsewhere", "/abs/path", "a/../b", "C:/x", "a\\b")) {
      assertThrows(IllegalArgumentException.class, () -> SarifReport.Options.DEFAULT.withSubmissionFolder(bad), bad);
    }
  }

  @Test
  void baselineMustBeTheReportsOwn() throws Exception {
    Rule rule = rule("T-001", "One", Severity.ERROR);
    ValidationReport report = report(List.of(), result(rule, Status.PASS, "ok"));
    RulePack other = ReportFixtures.validator().baseline();
    assertThrows(IllegalArgumentException.class, () -> SarifReport.toBytes(report, other));
  }

  @Test
  void theSchemaCheckIsNotVacuous() throws Exception {
    Rule rule = rule("T-001", "One", Severity.ERROR);
    ValidationReport report =
        report(List.of(), result(rule, Status.FAIL, "one",
            finding("T-001", Severity.ERROR, "bad", at("sbom/fw.cdx.json", "/components/0", 5, 5))));
    String broken = new String(SarifReport.toBytes(report, pack(rule)), StandardCharsets.UTF_8)
        .replace("\"level\" : \"error\"", "\"level\" : \"fatal\"")
        .replace("\"startLine\" : 5", "\"startLine\" : 0");
    List<String> pointers =
        ReportFixtures.sarifSchemaProblems(broken.getBytes(StandardCharsets.UTF_8)).stream().map(p -> p.pointer()).toList();
    assertTrue(pointers.contains("/runs/0/results/0/level"), pointers.toString());
    assertTrue(pointers.contains("/runs/0/results/0/locations/0/physicalLocation/region/startLine"), pointers.toString());
  }

  @Test
  void pathsAreEncodedAsUriReferences() throws Exception {
    Rule rule = rule("T-001", "One", Severity.ERROR);
    ValidationReport report =
        report(List.of(), result(rule, Status.FAIL, "one",
            finding("T-001", Severity.ERROR, "bad", at("sbom/my fw#1 100%:ü.cdx.json", "/components/0", 5, 5))));
    byte[] bytes = SarifReport.toBytes(report, pack(rule), SarifReport.Options.DEFAULT.withSubmissionFolder("dir a"));
    assertEquals(List.of(), ReportFixtures.sarifSchemaProblems(bytes));
    assertEquals(List.of("T-001 error dir%20a/sbom/my%20fw%231%20100%25%3A%C3%BC.cdx.json:5"), results(parse(bytes)));
  }

  @Test
  void pascalCaseNames() {
    assertEquals("EveryComponentNamesItsSupplier", SarifReport.pascalCase("Every component names its supplier"));
    assertEquals("TheSBOMIsMachineReadable", SarifReport.pascalCase("The SBOM is machine-readable"));
    assertEquals("Rule", SarifReport.pascalCase("--"));
  }
}
