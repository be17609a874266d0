package org.cyberbaseline.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading submission folders: what is read, what is refused, and how each refusal is reported. */
class SubmissionTest {
  private static final Path MINIMAL_SBOM = Path.of("src/test/resources/rules/_base/minimal.cdx.json");

  @TempDir Path temp;

  static String manifest(String sbomsJson) {
    return """
        {
          "submissionFormat": "1.0",
          "submissionDate": "2026-11-20",
          "device": {
            "manufacturer": "Example Medical",
            "deviceName": "Example Pump",
            "model": "EX-1",
            "softwareVersion": "1.0.0",
            "cyberDevice": true,
            "intendedUseEnvironments": ["hospital"]
          },
          "artifacts": { "sboms": %s }
        }
        """.formatted(sbomsJson);
  }

  private Path folder(String manifest) throws Exception {
    Path dir = Files.createDirectories(temp.resolve("submission"));
    Files.writeString(dir.resolve("submission.json"), manifest);
    Files.createDirectories(dir.resolve("sbom"));
    Files.copy(MINIMAL_SBOM, dir.resolve("sbom/fw.cdx.json"));
    return dir;
  }

  private static ValidationReport validate(Submission submission) throws Exception {
    return TestSupport.validator().validate(submission);
  }

  @Test
  void validFolderPassesEveryNtiaRule() throws Exception {
    Path dir = folder(manifest("[ { \"path\": \"sbom/fw.cdx.json\" } ]"));
    ValidationReport report = validate(Submission.fromDirectory(dir));
    assertEquals(List.of(), report.inputProblems());
    for (RuleResult result : report.results()) {
      assertEquals(Status.PASS, result.status(), result::toString);
    }
    assertEquals(ValidationReport.Mode.SUBMISSION, report.mode());
    assertEquals("Example Pump", report.device().orElseThrow().deviceName());
    assertEquals(List.of("submission.json", "sbom/fw.cdx.json"), report.artifacts().stream().map(ArtifactSummary::path).toList());
    assertEquals(Optional.of("CycloneDX JSON 1.6"), report.artifacts().get(1).format());
  }

  @Test
  void pathsLeavingTheFolderAreRefusedAndLocatedInTheManifest() throws Exception {
    Path outside = Files.writeString(temp.resolve("outside.cdx.json"), Files.readString(MINIMAL_SBOM));
    Path dir =
        folder(
            manifest(
                """
                [ { "path": "sbom/fw.cdx.json" },
                  { "path": "../outside.cdx.json" },
                  { "path": "%s" },
                  { "path": "sbom/link.cdx.json" },
                  { "path": "sbom/missing.cdx.json" } ]"""
                    .formatted(outside.toAbsolutePath())));
    Files.createSymbolicLink(dir.resolve("sbom/link.cdx.json"), outside);

    ValidationReport report = validate(Submission.fromDirectory(dir));

    List<Finding> problems = report.inputProblems();
    assertEquals(4, problems.size(), problems::toString);
    assertTrue(problems.stream().allMatch(p -> p.ruleId().equals("input.artifact-unreadable")));
    assertEquals(
        List.of("/artifacts/sboms/1/path", "/artifacts/sboms/2/path", "/artifacts/sboms/3/path", "/artifacts/sboms/4/path"),
        problems.stream().map(p -> p.location().pointer().orElseThrow()).toList());
    assertTrue(problems.get(0).message().contains("climbs out"), problems.get(0).message());
    assertTrue(problems.get(1).message().contains("absolute"), problems.get(1).message());
    assertTrue(problems.get(2).message().contains("symbolic link"), problems.get(2).message());
    assertTrue(problems.get(3).message().contains("does not exist"), problems.get(3).message());
    assertTrue(problems.stream().allMatch(p -> p.location().line().isPresent()), "manifest positions are known");
    // The readable SBOM is still validated; SBOM-001 fails because four listed SBOMs are unreadable.
    assertEquals(Status.FAIL, report.result("SBOM-001").orElseThrow().status());
    assertEquals(4, report.result("SBOM-001").orElseThrow().findings().size());
    assertEquals(Status.PASS, report.result("SBOM-004").orElseThrow().status());
  }

  @Test
  void oversizedArtifactIsAFindingNotAnError() throws Exception {
    Path dir = folder(manifest("[ { \"path\": \"sbom/fw.cdx.json\" } ]"));
    ValidationReport report = validate(Submission.fromDirectory(dir, 1500));
    assertEquals(1, report.inputProblems().size());
    assertTrue(report.inputProblems().get(0).message().contains("larger than the limit of 1500"));
  }

  @Test
  void manifestSchemaErrorsCarryPointerLineAndColumn() throws Exception {
    String broken = manifest("[ { \"path\": \"sbom/fw.cdx.json\" } ]").replace("\"model\": \"EX-1\",", "\"model\": 42,");
    Path dir = folder(broken);
    ValidationReport report = validate(Submission.fromDirectory(dir));
    Finding problem =
        report.inputProblems().stream()
            .filter(p -> p.location().pointer().orElse("").equals("/device/model"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(report.inputProblems().toString()));
    assertEquals("input.manifest-schema", problem.ruleId());
    assertEquals(Optional.of(7), problem.location().line());
    assertEquals(Optional.of(14), problem.location().column());
    // The SBOM the manifest lists is read all the same.
    assertEquals(Status.PASS, report.result("SBOM-003").orElseThrow().status());
  }

  @Test
  void manifestSyntaxErrorIsReportedWithPosition() throws Exception {
    Path dir = folder("{ \"submissionFormat\": \"1.0\",\n  \"device\": { ");
    ValidationReport report = validate(Submission.fromDirectory(dir));
    assertEquals(1, report.inputProblems().size());
    Finding problem = report.inputProblems().get(0);
    assertEquals("input.manifest-syntax", problem.ruleId());
    assertEquals(Optional.of(2), problem.location().line());
    assertTrue(report.device().isEmpty());
    assertEquals(Status.FAIL, report.result("SBOM-001").orElseThrow().status(), "no SBOM could be listed");
  }

  @Test
  void missingFolderOrManifestIsAnException() throws Exception {
    assertThrows(SubmissionException.class, () -> Submission.fromDirectory(temp.resolve("nope")));
    assertThrows(SubmissionException.class, () -> Submission.fromDirectory(temp));
    assertThrows(SubmissionException.class, () -> Submission.fromSbomFile(temp.resolve("nope.json")));
  }

  @Test
  void inMemorySubmissionMatchesTheSameFolder() throws Exception {
    String manifest = manifest("[ { \"path\": \"sbom/fw.cdx.json\" } ]");
    Path dir = folder(manifest);
    Submission inMemory =
        Submission.builder()
            .manifest(manifest.getBytes(StandardCharsets.UTF_8))
            .document("sbom/fw.cdx.json", Files.readAllBytes(MINIMAL_SBOM))
            .build();
    assertEquals(validate(Submission.fromDirectory(dir)), validate(inMemory));
  }

  @Test
  void inMemoryDocumentWithEscapingNameIsRefused() throws Exception {
    Submission submission =
        Submission.builder()
            .manifest(manifest("[ { \"path\": \"../fw.cdx.json\" } ]").getBytes(StandardCharsets.UTF_8))
            .document("../fw.cdx.json", Files.readAllBytes(MINIMAL_SBOM))
            .build();
    assertFalse(submission.documentPaths().contains("../fw.cdx.json"));
    ValidationReport report = validate(submission);
    assertEquals("input.artifact-unreadable", report.inputProblems().get(0).ruleId());
  }

  @Test
  void validationNeverModifiesTheInputs() throws Exception {
    Path dir = folder(manifest("[ { \"path\": \"sbom/fw.cdx.json\" } ]"));
    byte[] before = Files.readAllBytes(dir.resolve("sbom/fw.cdx.json"));
    long modified = Files.getLastModifiedTime(dir.resolve("sbom/fw.cdx.json")).toMillis();
    validate(Submission.fromDirectory(dir));
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(dir.resolve("sbom/fw.cdx.json"))));
    assertEquals(modified, Files.getLastModifiedTime(dir.resolve("sbom/fw.cdx.json")).toMillis());
    try (var files = Files.list(dir)) {
      assertEquals(List.of("sbom", "submission.json"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }
}
