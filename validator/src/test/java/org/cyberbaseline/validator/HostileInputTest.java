package org.cyberbaseline.validator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.cyberbaseline.validator.report.JsonReport;
import org.cyberbaseline.validator.report.SarifReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile and broken input, end to end through {@link Submission#fromDirectory} and one shared
 * {@link Validator}: every case gives a clear finding (code and location asserted) or a clear error,
 * within a time limit, and the next, normal validation on the same validator still gives exactly
 * the report it gave before any hostile input (checked after every case).
 *
 * <p>The files are committed under {@code src/test/resources/hostile/}; what would be huge (100 MB
 * string, 100,000-deep nesting, 10,000 artifacts) and symbolic links are made at test time.
 */
class HostileInputTest {
  private static final Path HOSTILE = Path.of("src/test/resources/hostile");
  private static final Path MINIMAL_SBOM = Path.of("src/test/resources/rules/_base/minimal.cdx.json");
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private static Validator validator;
  private static Path normalFolder;
  private static byte[] normalReport;

  @TempDir static Path shared;
  @TempDir Path temp;

  @BeforeAll
  static void normalValidation() throws Exception {
    validator = TestSupport.validator();
    normalFolder = Files.createDirectories(shared.resolve("normal"));
    Files.writeString(normalFolder.resolve("submission.json"), SubmissionTest.manifest("[ { \"path\": \"sbom/fw.cdx.json\" } ]"));
    Files.createDirectories(normalFolder.resolve("sbom"));
    Files.copy(MINIMAL_SBOM, normalFolder.resolve("sbom/fw.cdx.json"));
    normalReport = JsonReport.toBytes(validator.validate(Submission.fromDirectory(normalFolder)));
  }

  /** After every hostile case: the same validator still gives the normal report, byte for byte. */
  @AfterEach
  void normalValidationStillSucceeds() throws Exception {
    ValidationReport report = validator.validate(Submission.fromDirectory(normalFolder));
    assertArrayEquals(normalReport, JsonReport.toBytes(report), "the validator changed after hostile input");
    assertEquals(List.of(), report.inputProblems());
  }

  /** A submission folder whose manifest lists {@code sbom/<name>}, holding {@code content}. */
  private Path folderWithSbom(String name, byte[] content) throws IOException {
    Path dir = Files.createDirectories(temp.resolve("submission"));
    Files.writeString(dir.resolve("submission.json"), SubmissionTest.manifest("[ { \"path\": \"sbom/" + name + "\" } ]"));
    Files.createDirectories(dir.resolve("sbom"));
    Files.write(dir.resolve("sbom").resolve(name), content);
    return dir;
  }

  private static ValidationReport validate(Validator v, Path folder) {
    return assertTimeoutPreemptively(LIMIT, () -> {
      ValidationReport report = v.validate(Submission.fromDirectory(folder, v.limits().maxFileBytes()));
      // Whatever the input, the reports render.
      JsonReport.toBytes(report);
      SarifReport.toBytes(report, v.baseline());
      return report;
    });
  }

  private static Finding only(List<Finding> findings, String code) {
    List<Finding> matching = findings.stream().filter(f -> f.ruleId().equals(code)).toList();
    assertEquals(1, matching.size(), () -> code + " findings: " + findings);
    return matching.get(0);
  }

  private static Finding sbomUnreadable(ValidationReport report) {
    RuleResult readable = report.result("SBOM-001").orElseThrow();
    assertEquals(Status.FAIL, readable.status(), readable::toString);
    return only(readable.findings(), "SBOM-001");
  }

  private static void assertLocation(Finding finding, String artifact, String pointer, Integer line, Integer column) {
    assertEquals(artifact, finding.location().artifact(), finding::toString);
    assertEquals(Optional.of(pointer), finding.location().pointer(), finding::toString);
    assertEquals(Optional.ofNullable(line), finding.location().line(), finding::toString);
    assertEquals(Optional.ofNullable(column), finding.location().column(), finding::toString);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          xxe-local-file.cdx.xml        |              | 2  | 65  | DOCTYPE
          billion-laughs.cdx.xml        |              | 13 | 4   | DOCTYPE
          billion-laughs.spdx.yaml      |              | 7  | 10  | YAML aliases (*a) are not allowed
          nul-bytes.cdx.json            |              | 27 | 18  | CTRL-CHAR, code 0
          nul-bytes.cdx.xml             |              | 25 | 21  | invalid XML character (Unicode: 0x0)
          invalid-utf8.cdx.json         |              | 38 | 22  | Invalid UTF-8
          invalid-utf8.cdx.xml          |              | 25 | 22  | not valid UTF-8
          invalid-utf8.spdx             |              | 17 | 1   | not valid UTF-8
          unknown-spec-version.cdx.json | /specVersion | 3  | 18  | CycloneDX specVersion "2.0" is not supported
          unknown-spec-version.cdx.xml  | /bom         | 2  | 123 | names version "2.0", which is not supported
          wrong-spec-version.spdx.json  | /spdxVersion | 2  | 18  | SPDX version "SPDX-1.2" is not supported
          truncated.cdx.json            |              | 29 | 19  | Unexpected end-of-input
          truncated.cdx.xml             |              | 72 | 31  | must start and end within the same entity
          truncated.spdx.json           |              | 86 | 84  | Unexpected end-of-input
          not-an-sbom.bin               |              |    |     | not a recognised SBOM format
          """)
  void hostileSbomIsAnUnreadableSbomFinding(String file, String pointer, Integer line, Integer column, String message)
      throws Exception {
    Path dir = folderWithSbom(file, Files.readAllBytes(HOSTILE.resolve("sbom").resolve(file)));
    ValidationReport report = validate(validator, dir);
    Finding finding = sbomUnreadable(report);
    assertLocation(finding, "sbom/" + file, pointer == null ? "" : pointer, line, column);
    assertTrue(finding.message().contains(message), finding.message());
    assertEquals(List.of(), report.inputProblems(), "the manifest itself is fine");
  }

  @Test
  void externalEntityNeverReadsTheLocalFile() throws Exception {
    Path dir = folderWithSbom("xxe.cdx.xml", Files.readAllBytes(HOSTILE.resolve("sbom/xxe-local-file.cdx.xml")));
    ValidationReport report = validate(validator, dir);
    String json = new String(JsonReport.toBytes(report), StandardCharsets.UTF_8);
    assertFalse(json.contains("root:"), "content of /etc/passwd leaked into the report");
    assertFalse(json.contains("/etc/passwd"), "the entity declaration is not echoed");
  }

  @Test
  void truncatedTagValueIsReadAsFarAsItGoesAndFailsVerification() throws Exception {
    // Tag-value has no closing syntax: a cut file is a shorter document, which SPDX verification rejects.
    Path dir = folderWithSbom("truncated.spdx", Files.readAllBytes(HOSTILE.resolve("sbom/truncated.spdx")));
    RuleResult readable = validate(validator, dir).result("SBOM-001").orElseThrow();
    assertEquals(Status.FAIL, readable.status());
    assertTrue(readable.findings().stream().allMatch(f -> f.location().artifact().equals("sbom/truncated.spdx")));
    assertTrue(readable.findings().get(0).message().startsWith("fails SPDX tag-value 2.3 verification"),
        readable.findings().toString());
  }

  @Test
  void jsonNested100000DeepIsALimitFinding() throws Exception {
    String deep = "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":"
        + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    ValidationReport report = validate(validator, folderWithSbom("deep.cdx.json", deep.getBytes(StandardCharsets.UTF_8)));
    Finding finding = sbomUnreadable(report);
    // Just past the 201st "[", where the parser stopped.
    assertLocation(finding, "sbom/deep.cdx.json", "", 1, 258 + 1);
    assertTrue(finding.message().contains("nesting depth"), finding.message());
  }

  @Test
  void xmlNested100000DeepIsALimitFinding() throws Exception {
    String deep = "<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\" version=\"1\">"
        + "<c>".repeat(100_000) + "</c>".repeat(100_000) + "</bom>\n";
    ValidationReport report = validate(validator, folderWithSbom("deep.cdx.xml", deep.getBytes(StandardCharsets.UTF_8)));
    Finding finding = sbomUnreadable(report);
    assertEquals("sbom/deep.cdx.xml", finding.location().artifact());
    assertEquals(Optional.of(2), finding.location().line(), finding::toString);
    assertTrue(finding.message().contains("nest deeper than the limit of 200"), finding.message());
  }

  @Test
  void yamlNested100000DeepIsALimitFinding() throws Exception {
    String deep = "spdxVersion: SPDX-2.3\npackages: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
    ValidationReport report = validate(validator, folderWithSbom("deep.spdx.yaml", deep.getBytes(StandardCharsets.UTF_8)));
    Finding finding = sbomUnreadable(report);
    assertEquals("sbom/deep.spdx.yaml", finding.location().artifact());
    assertTrue(finding.message().toLowerCase(java.util.Locale.ROOT).contains("nesting depth"), finding.message());
  }

  /** 100 MB of one string value, written to disk here rather than committed. */
  private Path hundredMegabyteString() throws IOException {
    Path dir = folderWithSbom("huge.cdx.json", new byte[0]);
    try (OutputStream out = Files.newOutputStream(dir.resolve("sbom/huge.cdx.json"))) {
      out.write("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"metadata\":{\"component\":{\"type\":\"firmware\",\"name\":\""
          .getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 100; i++) {
        out.write(chunk);
      }
      out.write("\"}}}".getBytes(StandardCharsets.UTF_8));
    }
    return dir;
  }

  @Test
  void hundredMegabyteStringIsAFileSizeFindingByDefault() throws Exception {
    ValidationReport report = validate(validator, hundredMegabyteString());
    Finding finding = only(report.inputProblems(), "input.artifact-unreadable");
    assertEquals("submission.json", finding.location().artifact());
    assertEquals(Optional.of("/artifacts/sboms/0/path"), finding.location().pointer());
    assertEquals(Optional.of(12), finding.location().line());
    assertTrue(finding.message().contains("larger than the limit of 67108864 bytes"), finding.message());
  }

  @Test
  void hundredMegabyteStringIsAStringLengthFindingWhenLargerFilesAreAllowed() throws Exception {
    Validator roomy = Validator.builder().clock(TestSupport.CLOCK).maxFileBytes(256L << 20).build();
    Finding finding = sbomUnreadable(validate(roomy, hundredMegabyteString()));
    assertEquals("sbom/huge.cdx.json", finding.location().artifact());
    assertTrue(finding.message().contains("String value length"), finding.message());
    assertTrue(finding.message().contains("5000000"), finding.message());
  }

  @Test
  void hundredMegabyteManifestIsAClearError() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("huge-manifest"));
    try (OutputStream out = Files.newOutputStream(dir.resolve("submission.json"))) {
      out.write("{\"submissionFormat\":\"1.0\",\"device\":{\"deviceName\":\"".getBytes(StandardCharsets.UTF_8));
      byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 100; i++) {
        out.write(chunk);
      }
      out.write("\"}}".getBytes(StandardCharsets.UTF_8));
    }
    SubmissionException e = assertThrows(SubmissionException.class, () -> Submission.fromDirectory(dir));
    assertTrue(e.getMessage().contains("submission.json is larger than the limit of 67108864 bytes"), e.getMessage());
  }

  @Test
  void tenThousandArtifactsAreEachReportedAndCapped() throws Exception {
    StringBuilder sboms = new StringBuilder("[ { \"path\": \"sbom/fw.cdx.json\" }");
    for (int i = 0; i < 10_000; i++) {
      sboms.append(",\n { \"path\": \"sbom/part-").append(i).append(".cdx.json\" }");
    }
    Path dir = Files.createDirectories(temp.resolve("many"));
    Files.writeString(dir.resolve("submission.json"), SubmissionTest.manifest(sboms.append(" ]").toString()));
    Files.createDirectories(dir.resolve("sbom"));
    Files.copy(MINIMAL_SBOM, dir.resolve("sbom/fw.cdx.json"));

    ValidationReport report = validate(validator, dir);

    List<Finding> unreadable =
        report.inputProblems().stream().filter(f -> f.ruleId().equals("input.artifact-unreadable")).toList();
    assertEquals(10_000, unreadable.size());
    assertEquals(Optional.of("/artifacts/sboms/1/path"), unreadable.get(0).location().pointer());
    assertTrue(unreadable.get(0).message().contains("'sbom/part-0.cdx.json' cannot be read: file does not exist"));
    // SBOM-001 has a finding per missing SBOM; the report keeps the first 1,000 and says so.
    RuleResult readable = report.result("SBOM-001").orElseThrow();
    assertEquals(Status.FAIL, readable.status());
    assertEquals(1_000, readable.findings().size());
    Finding capped = only(report.inputProblems(), "input.limit-exceeded");
    assertTrue(capped.message().startsWith("rule SBOM-001 has 10000 findings; only the first 1000 are listed"),
        capped.message());
    assertEquals(readable.severity(), capped.severity());
  }

  @Test
  void pathsLeavingTheFolderAreRefused() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("escape"));
    Files.copy(HOSTILE.resolve("manifest/paths-leaving-folder.json"), dir.resolve("submission.json"));
    Files.createDirectories(dir.resolve("sbom"));
    Files.copy(MINIMAL_SBOM, dir.resolve("sbom/fw.cdx.json"));
    Path outside = Files.copy(MINIMAL_SBOM, temp.resolve("outside.cdx.json"));
    Files.createSymbolicLink(dir.resolve("sbom/link-out.cdx.json"), outside);

    ValidationReport report = validate(validator, dir);

    List<Finding> problems = report.inputProblems();
    assertEquals(
        List.of(
            "input.artifact-unreadable /artifacts/sboms/1/path 14",
            "input.artifact-unreadable /artifacts/sboms/2/path 15",
            "input.artifact-unreadable /artifacts/sboms/3/path 16",
            "input.artifact-unreadable /artifacts/sboms/4/path 17"),
        problems.stream()
            .map(p -> p.ruleId() + " " + p.location().pointer().orElseThrow() + " " + p.location().line().orElseThrow())
            .toList());
    assertTrue(problems.get(0).message().contains("climbs out"), problems.get(0).message());
    assertTrue(problems.get(1).message().contains("climbs out"), problems.get(1).message());
    assertTrue(problems.get(2).message().contains("absolute"), problems.get(2).message());
    assertTrue(problems.get(3).message().contains("symbolic link"), problems.get(3).message());
    // The SBOM inside the folder is still read and checked.
    assertEquals(Status.PASS, report.result("SBOM-004").orElseThrow().status());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          truncated.json              | input.manifest-syntax |                   | 9  | Unexpected end-of-input
          nul-bytes.json              | input.manifest-syntax |                   | 7  | CTRL-CHAR, code 0
          invalid-utf8.json           | input.manifest-syntax |                   | 6  | Invalid UTF-8
          unknown-format-version.json | input.manifest-schema | /submissionFormat | 2  | constant value '1.0'
          """)
  void hostileManifestIsAManifestFinding(String file, String code, String pointer, int line, String message)
      throws Exception {
    Path dir = Files.createDirectories(temp.resolve("manifest"));
    Files.copy(HOSTILE.resolve("manifest").resolve(file), dir.resolve("submission.json"));
    Files.createDirectories(dir.resolve("sbom"));
    Files.copy(MINIMAL_SBOM, dir.resolve("sbom/fw.cdx.json"));
    Finding finding = only(validate(validator, dir).inputProblems(), code);
    assertEquals("submission.json", finding.location().artifact());
    assertEquals(Optional.of(pointer == null ? "" : pointer), finding.location().pointer(), finding::toString);
    assertEquals(Optional.of(line), finding.location().line(), finding::toString);
    assertTrue(finding.message().contains(message), finding.message());
  }

  @Test
  void manifestNested100000DeepIsASyntaxFinding() throws Exception {
    Path dir = Files.createDirectories(temp.resolve("deep-manifest"));
    Files.writeString(dir.resolve("submission.json"),
        "{\"submissionFormat\":\"1.0\",\"device\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
    Finding finding = only(validate(validator, dir).inputProblems(), "input.manifest-syntax");
    assertEquals(Optional.of(1), finding.location().line(), finding::toString);
    assertTrue(finding.message().contains("nesting depth"), finding.message());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          truncated.json       | 1 | Unexpected end-of-input
          impossible-date.json | 3 | valid RFC 3339 full-date
          """)
  void hostileWaiverFileAppliesNothing(String file, int line, String message) throws Exception {
    Path dir = Files.createDirectories(temp.resolve("waivers"));
    Files.writeString(dir.resolve("submission.json"), SubmissionTest.manifest("[ { \"path\": \"sbom/fw.cdx.json\" } ]")
        .replace("\"artifacts\": {", "\"artifacts\": { \"waivers\": { \"path\": \"waivers.json\" },"));
    Files.createDirectories(dir.resolve("sbom"));
    Files.copy(MINIMAL_SBOM, dir.resolve("sbom/fw.cdx.json"));
    Files.copy(HOSTILE.resolve("waivers").resolve(file), dir.resolve("waivers.json"));
    ValidationReport report = validate(validator, dir);
    Finding finding = only(report.inputProblems(), "input.waivers-invalid");
    assertEquals("waivers.json", finding.location().artifact());
    assertEquals(Optional.of(line), finding.location().line(), finding::toString);
    assertTrue(finding.message().contains(message), finding.message());
    assertEquals(0, report.summary().waivedFindings());
  }

  /** A folder whose manifest lists a DQI manifest {@code dqi/dqi.json} holding {@code content}. */
  private Path folderWithDqi(byte[] content) throws IOException {
    Path dir = Files.createDirectories(temp.resolve("dqi-submission"));
    Files.writeString(dir.resolve("submission.json"), SubmissionTest.manifest("[ { \"path\": \"sbom/fw.cdx.json\" } ]")
        .replace("\"artifacts\": {", "\"artifacts\": { \"dqiManifest\": { \"path\": \"dqi/dqi.json\" },"));
    Files.createDirectories(dir.resolve("sbom"));
    Files.copy(MINIMAL_SBOM, dir.resolve("sbom/fw.cdx.json"));
    Files.createDirectories(dir.resolve("dqi"));
    Files.write(dir.resolve("dqi/dqi.json"), content);
    return dir;
  }

  /** The DQI and threat-model rules are in the FDA packs; the shared validator is on the NTIA baseline. */
  private static ValidationReport validateWithDqiRules(Path folder) throws Exception {
    return validate(Validator.builder().baseline("fda-premarket", "2026.02").clock(TestSupport.CLOCK).build(), folder);
  }

  private static Finding dqiUnreadable(ValidationReport report) {
    RuleResult dqi = report.result("DQI-001").orElseThrow();
    assertEquals(Status.FAIL, dqi.status(), dqi::toString);
    return only(dqi.findings(), "DQI-001");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          truncated.json       |                     | 105 | 20 | Unexpected end-of-input
          nul-bytes.json       |                     | 5   | 17 | CTRL-CHAR, code 0
          unknown-version.json | /dqiManifestVersion | 2   | 25 | dqiManifestVersion "9.0" is not supported
          """)
  void hostileDqiManifestIsAnUnreadableDqiFinding(String file, String pointer, int line, int column, String message)
      throws Exception {
    Finding finding = dqiUnreadable(validateWithDqiRules(folderWithDqi(Files.readAllBytes(HOSTILE.resolve("dqi").resolve(file)))));
    assertLocation(finding, "dqi/dqi.json", pointer == null ? "" : pointer, line, column);
    assertTrue(finding.message().contains(message), finding.message());
  }

  @Test
  void dqiManifestNested100000DeepIsALimitFinding() throws Exception {
    String deep = "{\"dqiManifestVersion\":\"1.0\",\"dqi\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    Finding finding = dqiUnreadable(validateWithDqiRules(folderWithDqi(deep.getBytes(StandardCharsets.UTF_8))));
    assertEquals("dqi/dqi.json", finding.location().artifact());
    assertEquals(Optional.of(1), finding.location().line(), finding::toString);
    assertTrue(finding.message().contains("nesting depth"), finding.message());
  }

  /** A folder whose manifest lists the threat model {@code threat-model/<name>} holding {@code content}. */
  private Path folderWithThreatModel(String name, byte[] content) throws IOException {
    Path dir = Files.createDirectories(temp.resolve("tm-submission"));
    Files.writeString(dir.resolve("submission.json"), SubmissionTest.manifest("[ { \"path\": \"sbom/fw.cdx.json\" } ]")
        .replace("\"artifacts\": {", "\"artifacts\": { \"threatModel\": { \"path\": \"threat-model/" + name + "\" },"));
    Files.createDirectories(dir.resolve("sbom"));
    Files.copy(MINIMAL_SBOM, dir.resolve("sbom/fw.cdx.json"));
    Files.createDirectories(dir.resolve("threat-model"));
    Files.write(dir.resolve("threat-model").resolve(name), content);
    return dir;
  }

  private static Finding threatModelUnreadable(ValidationReport report) {
    RuleResult tm = report.result("TM-001").orElseThrow();
    assertEquals(Status.FAIL, tm.status(), tm::toString);
    return only(tm.findings(), "TM-001");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          truncated.otm.json       |             | 612 | 14 | Unexpected end-of-input
          unknown-version.otm.json | /otmVersion | 2   | 17 | otmVersion "9.9.9" is not supported
          billion-laughs.otm.yaml  |             | 6   | 10 | YAML aliases (*a) are not allowed
          """)
  void hostileThreatModelIsAnUnreadableThreatModelFinding(String file, String pointer, int line, int column, String message)
      throws Exception {
    Path dir = folderWithThreatModel(file, Files.readAllBytes(HOSTILE.resolve("threat-model").resolve(file)));
    Finding finding = threatModelUnreadable(validateWithDqiRules(dir));
    assertLocation(finding, "threat-model/" + file, pointer == null ? "" : pointer, line, column);
    assertTrue(finding.message().contains(message), finding.message());
  }

  @Test
  void threatModelNested100000DeepIsALimitFinding() throws Exception {
    String deep = "{\"otmVersion\":\"0.2.0\",\"threats\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
    Finding finding = threatModelUnreadable(validateWithDqiRules(folderWithThreatModel("deep.otm.json", deep.getBytes(StandardCharsets.UTF_8))));
    assertEquals(Optional.of(1), finding.location().line(), finding::toString);
    assertTrue(finding.message().contains("nesting depth"), finding.message());
  }

  @Test
  void rulePackWithEntityExpansionIsAConfigurationError() {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> assertTimeoutPreemptively(LIMIT,
        () -> Validator.builder().addPackFile(HOSTILE.resolve("packs/billion-laughs.yaml")).baseline("laughs", "1").build()));
    assertTrue(e.getMessage().contains("YAML aliases (*a) are not allowed"), e.getMessage());
    assertTrue(e.getMessage().contains("(7:10)"), e.getMessage());
  }

  @Test
  void rulePackNested100000DeepIsAConfigurationError() throws Exception {
    Path pack = Files.writeString(temp.resolve("deep.yaml"), "packFormat: \"1.0\"\nrules: " + "[".repeat(100_000) + "\n");
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> assertTimeoutPreemptively(LIMIT,
        () -> Validator.builder().addPackFile(pack).baseline("deep", "1").build()));
    assertTrue(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("nesting"), e.getMessage());
  }
}
