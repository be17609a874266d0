package org.cyberbaseline.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cyberbaseline.rules.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each configurable resource limit: its documented default, and exceeding it is a located finding. */
class ResourceLimitsTest {
  private static final Path MINIMAL_SBOM = Path.of("src/test/resources/rules/_base/minimal.cdx.json");

  @TempDir Path temp;

  private static Validator.Builder ntia() {
    return Validator.builder().baseline("ntia-sbom", "2021").clock(TestSupport.CLOCK);
  }

  private static Finding readableFinding(ValidationReport report) {
    RuleResult result = report.result("SBOM-001").orElseThrow();
    assertEquals(Status.FAIL, result.status(), result::toString);
    assertEquals(1, result.findings().size(), result::toString);
    return result.findings().get(0);
  }

  @Test
  void defaultsAreTheDocumentedOnes() throws Exception {
    assertEquals(new Limits(64L * 1024 * 1024, 100_000, 200, 1_000, 5_000_000), Limits.DEFAULT);
    assertEquals(Limits.DEFAULT, ntia().build().limits());
  }

  @Test
  void limitsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> ntia().maxComponents(0));
    assertThrows(IllegalArgumentException.class, () -> ntia().maxNestingDepth(-1));
    assertThrows(IllegalArgumentException.class, () -> ntia().maxFileBytes(0));
    assertThrows(IllegalArgumentException.class, () -> ntia().maxFindingsPerRule(0));
  }

  @Test
  void tooManyComponentsIsAFindingAtTheFirstComponentOverTheLimit() throws Exception {
    ValidationReport report =
        ntia().maxComponents(1).build().validate(Submission.ofSbom("fw.cdx.json", Files.readAllBytes(MINIMAL_SBOM)));
    Finding finding = readableFinding(report);
    assertEquals(new Location("fw.cdx.json", Optional.of("/components/1"), Optional.of(34), Optional.of(5)),
        finding.location());
    assertTrue(finding.message().contains("the SBOM has 2 components, above the limit of 1"), finding.message());
  }

  @Test
  void tooDeepIsAFindingWhereTheLimitIsCrossed() throws Exception {
    ValidationReport report =
        ntia().maxNestingDepth(3).build().validate(Submission.ofSbom("fw.cdx.json", Files.readAllBytes(MINIMAL_SBOM)));
    Finding finding = readableFinding(report);
    assertEquals("fw.cdx.json", finding.location().artifact());
    assertEquals(Optional.of(8), finding.location().line(), finding::toString);
    assertTrue(finding.message().contains("nesting depth (4) exceeds the maximum allowed (3"), finding.message());
  }

  @Test
  void tooLargeIsAFindingForAFolderAndForAnInMemorySbom() throws Exception {
    Validator small = ntia().maxFileBytes(1_000).build();
    Path dir = Files.createDirectories(temp.resolve("submission"));
    Files.writeString(dir.resolve("submission.json"), SubmissionTest.manifest("[ { \"path\": \"sbom/fw.cdx.json\" } ]"));
    Files.createDirectories(dir.resolve("sbom"));
    Files.copy(MINIMAL_SBOM, dir.resolve("sbom/fw.cdx.json"));

    ValidationReport folder = small.validate(Submission.fromDirectory(dir, small.limits().maxFileBytes()));
    Finding unreadable = folder.inputProblems().get(0);
    assertEquals("input.artifact-unreadable", unreadable.ruleId());
    assertEquals(Optional.of("/artifacts/sboms/0/path"), unreadable.location().pointer());
    assertTrue(unreadable.message().contains("larger than the limit of 1000 bytes"), unreadable.message());

    // The same limit holds for documents handed over in memory.
    ValidationReport inMemory = small.validate(Submission.ofSbom("fw.cdx.json", Files.readAllBytes(MINIMAL_SBOM)));
    assertTrue(readableFinding(inMemory).message().contains("document is 2088 bytes, above the limit of 1000"));
  }

  /** An SBOM of {@code n} components, none with a supplier: SBOM-004 fails once per component. */
  static byte[] sbomWithoutSuppliers(int n) {
    StringBuilder components = new StringBuilder();
    for (int i = 0; i < n; i++) {
      components.append(i == 0 ? "" : ",\n")
          .append("    { \"type\": \"library\", \"bom-ref\": \"c").append(i).append("\", \"name\": \"lib").append(i)
          .append("\", \"version\": \"1.0\" }");
    }
    return ("{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.6\",\n  \"version\": 1,\n  \"components\": [\n"
        + components + "\n  ]\n}\n").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void findingsBeyondTheLimitAreCountedInOneFindingWithTheSameSeverity() throws Exception {
    Submission sbom = Submission.ofSbom("many.cdx.json", sbomWithoutSuppliers(5));
    ValidationReport all = ntia().build().validate(sbom);
    ValidationReport capped = ntia().maxFindingsPerRule(2).build().validate(sbom);

    RuleResult full = all.result("SBOM-004").orElseThrow();
    RuleResult kept = capped.result("SBOM-004").orElseThrow();
    assertEquals(5, full.findings().size());
    assertEquals(full.findings().subList(0, 2), kept.findings());
    assertEquals(full.status(), kept.status());

    List<Finding> limits =
        capped.inputProblems().stream().filter(f -> f.ruleId().equals("input.limit-exceeded")).toList();
    assertTrue(limits.stream().anyMatch(f -> f.message().startsWith("rule SBOM-004 has 5 findings; only the first 2")),
        limits::toString);
    Finding sbom004 = limits.stream().filter(f -> f.message().startsWith("rule SBOM-004 ")).findFirst().orElseThrow();
    assertEquals(full.findings().get(2).location(), sbom004.location(), "points at the first finding left out");
    assertEquals(Severity.ERROR, sbom004.severity());
    // The exit code a caller derives is the same as without the limit.
    for (Severity level : Severity.values()) {
      assertEquals(all.hasFindingsAtOrAbove(level), capped.hasFindingsAtOrAbove(level), level.id());
    }
    assertEquals(List.of(), TestSupport.reportSchemaProblems(capped));
  }
}
