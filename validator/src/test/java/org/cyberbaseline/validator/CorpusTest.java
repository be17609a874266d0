package org.cyberbaseline.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real-world and deliberately broken document of the shared corpus goes through
 * {@code validate} as a lone SBOM: no exception escapes, every rule gets a status, and the report is
 * valid against the report schema.
 */
class CorpusTest {
  private static final Path SNAPSHOT = Path.of("src/test/resources/corpus-statuses.txt");

  /**
   * Pins every rule status for every real-world SBOM of the corpus, so a change in a reader or a
   * check that alters a verdict is seen in review. Regenerate deliberately with
   * {@code -Dcyberbaseline.updateSnapshots=true} and read the diff.
   */
  @Test
  void realWorldSbomStatusesMatchTheSnapshot() throws Exception {
    Validator validator = TestSupport.validator();
    List<String> lines = new ArrayList<>();
    for (String dir : List.of("sbom/cyclonedx", "sbom/spdx")) {
      try (Stream<Path> walk = Files.walk(TestSupport.corpus().resolve(dir))) {
        for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
          ValidationReport report = validator.validate(Submission.fromSbomFile(file));
          lines.add(TestSupport.corpus().relativize(file) + " "
              + report.results().stream().map(r -> r.ruleId() + "=" + r.status()).collect(Collectors.joining(" ")));
        }
      }
    }
    String actual = String.join("\n", lines) + "\n";
    if (Boolean.getBoolean("cyberbaseline.updateSnapshots")) {
      Files.writeString(SNAPSHOT, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(SNAPSHOT, StandardCharsets.UTF_8), actual,
        "statuses changed; if intended, regenerate with -Dcyberbaseline.updateSnapshots=true and review the diff");
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusDocumentIsValidatedWithoutCrashing() throws Exception {
    Validator validator = TestSupport.validator();
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("sbom/cyclonedx", "sbom/spdx", "invalid")) {
      try (Stream<Path> walk = Files.walk(TestSupport.corpus().resolve(dir))) {
        walk.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    }
    assertTrue(files.size() > 100, "corpus looks incomplete: " + files.size() + " files");
    return files.stream()
        .map(file -> DynamicTest.dynamicTest(TestSupport.corpus().relativize(file).toString(), () -> {
          ValidationReport report = validator.validate(Submission.fromSbomFile(file));
          assertEquals(validator.baseline().rules().size(), report.results().size());
          assertEquals(List.of(), TestSupport.reportSchemaProblems(report));
          RuleResult readable = report.result("SBOM-001").orElseThrow();
          if (readable.status() == Status.FAIL) {
            assertFalse(readable.findings().isEmpty());
            readable.findings().forEach(f -> assertEquals(file.getFileName().toString(), f.location().artifact()));
          }
        }));
  }
}
