package org.cyberbaseline.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.Rule;
import org.cyberbaseline.rules.RulePackRepository;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under {@code src/test/resources/rules/<RULE-ID>/}: entries in {@code pass/}
 * must PASS the rule; each entry in {@code fail/} must FAIL it with exactly the findings its
 * {@code .expected.json} lists. An entry is a lone SBOM file or a submission folder (with its
 * {@code submission.json}). The rule runs in the baseline named by the optional file
 * {@code baseline} in the rule's folder (one {@code id@version} line), by default the first bundled
 * pack that defines the rule.
 */
class RuleFixturesTest {
  private static final Path FIXTURES = Path.of("src/test/resources/rules");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TestFactory
  Stream<DynamicTest> fixtures() throws Exception {
    RulePackRepository repository = RulePackRepository.bundled();
    List<DynamicTest> tests = new ArrayList<>();
    try (Stream<Path> rules = Files.list(FIXTURES)) {
      for (Path ruleDir : rules.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("_")).sorted().toList()) {
        String ruleId = ruleDir.getFileName().toString();
        Validator validator = validatorFor(repository, ruleDir, ruleId);
        for (Path doc : documents(ruleDir.resolve("pass"))) {
          tests.add(DynamicTest.dynamicTest(ruleId + " passes " + doc.getFileName(), () -> assertPasses(validator, ruleId, doc)));
        }
        for (Path doc : documents(ruleDir.resolve("fail"))) {
          tests.add(DynamicTest.dynamicTest(ruleId + " fails " + doc.getFileName(), () -> assertFails(validator, ruleId, doc)));
        }
      }
    }
    assertFalse(tests.isEmpty(), "no fixtures found under " + FIXTURES.toAbsolutePath());
    return tests.stream();
  }

  /** A rule nobody wrote fixtures for is a rule nobody has seen fail. */
  @Test
  void everyBundledRuleHasPassingAndFailingFixtures() throws Exception {
    RulePackRepository repository = RulePackRepository.bundled();
    for (PackRef ref : repository.packs()) {
      for (Rule rule : repository.declared(ref).orElseThrow().rules()) {
        Path dir = FIXTURES.resolve(rule.id());
        assertFalse(documents(dir.resolve("pass")).isEmpty(), rule.id() + " (" + ref + ") has no pass/ fixture");
        assertFalse(documents(dir.resolve("fail")).isEmpty(), rule.id() + " (" + ref + ") has no fail/ fixture");
      }
    }
  }

  private static Validator validatorFor(RulePackRepository repository, Path ruleDir, String ruleId) throws Exception {
    Path named = ruleDir.resolve("baseline");
    PackRef pack;
    if (Files.isRegularFile(named)) {
      pack = PackRef.parse(Files.readString(named).strip());
    } else {
      pack = repository.packs().stream()
          .filter(ref -> repository.declared(ref).orElseThrow().rule(ruleId).isPresent())
          .findFirst()
          .orElse(Validator.DEFAULT_BASELINE);
    }
    return Validator.builder().baseline(pack).clock(TestSupport.CLOCK).build();
  }

  private static Submission submission(Path entry) throws Exception {
    return Files.isDirectory(entry)
        ? Submission.fromDirectory(entry)
        : Submission.ofSbom(entry.getFileName().toString(), Files.readAllBytes(entry));
  }

  private static List<Path> documents(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> !p.getFileName().toString().endsWith(".expected.json")).sorted().toList();
    }
  }

  private static RuleResult resultFor(Validator validator, String ruleId, Path doc) throws Exception {
    ValidationReport report = validator.validate(submission(doc));
    return report.result(ruleId).orElseThrow(() -> new AssertionError(ruleId + " is not in the baseline"));
  }

  private static void assertPasses(Validator validator, String ruleId, Path doc) throws Exception {
    RuleResult result = resultFor(validator, ruleId, doc);
    assertEquals(Status.PASS, result.status(), () -> "expected PASS, got " + result);
    assertTrue(result.findings().isEmpty());
  }

  private static void assertFails(Validator validator, String ruleId, Path doc) throws Exception {
    String name = doc.getFileName().toString().replaceFirst("\\.cdx\\.json$|\\.json$", "");
    Path expectedFile = doc.resolveSibling(name + ".expected.json");
    assertTrue(Files.isRegularFile(expectedFile), "missing " + expectedFile);
    JsonNode expected = JSON.readTree(expectedFile.toFile());
    RuleResult result = resultFor(validator, ruleId, doc);
    assertEquals(Status.FAIL, result.status(), () -> "expected FAIL, got " + result);
    assertEquals(expected.size(), result.findings().size(), () -> "findings: " + result.findings());
    for (int i = 0; i < expected.size(); i++) {
      JsonNode want = expected.get(i);
      Finding got = result.findings().get(i);
      assertEquals(ruleId, got.ruleId());
      String artifact = want.has("artifact") ? want.get("artifact").asText() : doc.getFileName().toString();
      assertEquals(artifact, got.location().artifact(), () -> "finding " + got);
      assertEquals(want.get("pointer").asText(), got.location().pointer().orElse(null), () -> "finding " + got);
      assertEquals(want.get("severity").asText(), got.severity().id(), () -> "finding " + got);
      if (want.has("line")) {
        assertEquals(want.get("line").asInt(), got.location().line().orElse(-1), () -> "finding " + got);
      }
      assertFalse(got.citations().isEmpty(), "a rule finding carries its citations");
    }
  }
}
