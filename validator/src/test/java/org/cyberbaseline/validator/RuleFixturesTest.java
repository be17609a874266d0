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
import java.util.Objects;
import java.util.stream.Stream;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.Rule;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.rules.RulePackRepository;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under {@code src/test/resources/rules/<RULE-ID>/}: entries in {@code pass/}
 * must PASS the rule; entries in {@code review/} must leave it NEEDS_REVIEW (rules that only a
 * human can decide); each entry in {@code fail/} must FAIL it with exactly the findings its
 * {@code .expected.json} lists. An entry is a lone SBOM file, a submission folder (with its
 * {@code submission.json}), or an {@code X.ref} file naming a shared entry by its path relative to
 * the rules folder (e.g. {@code _base/complete}). The rule's folder runs in the baseline named by its optional
 * {@code baseline} file (one {@code id@version} line), by default the first bundled pack that
 * defines the rule; a subfolder named {@code id@version} holds fixtures for that pack's variant of
 * the rule (different severity or parameters). A submission folder may carry vulnerability feeds
 * beside its manifest (not part of the submission): {@code feeds/osv/} (OSV records) and
 * {@code feeds/kev.json} (a CISA KEV catalogue); the fixture then runs with them configured, as
 * {@code --osv} and {@code --kev} would.
 */
class RuleFixturesTest {
  private static final Path FIXTURES = Path.of("src/test/resources/rules");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A folder of pass/ and fail/ entries and the pack they run in. */
  private record FixtureSet(String ruleId, PackRef pack, Path dir) {}

  private static List<FixtureSet> fixtureSets(RulePackRepository repository) throws IOException {
    List<FixtureSet> sets = new ArrayList<>();
    try (Stream<Path> rules = Files.list(FIXTURES)) {
      for (Path ruleDir : rules.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("_")).sorted().toList()) {
        String ruleId = ruleDir.getFileName().toString();
        sets.add(new FixtureSet(ruleId, defaultPack(repository, ruleDir, ruleId), ruleDir));
        try (Stream<Path> variants = Files.list(ruleDir)) {
          for (Path variant : variants.filter(Files::isDirectory).filter(p -> p.getFileName().toString().contains("@")).sorted().toList()) {
            sets.add(new FixtureSet(ruleId, PackRef.parse(variant.getFileName().toString()), variant));
          }
        }
      }
    }
    return sets;
  }

  @TestFactory
  Stream<DynamicTest> fixtures() throws Exception {
    RulePackRepository repository = RulePackRepository.bundled();
    List<DynamicTest> tests = new ArrayList<>();
    for (FixtureSet set : fixtureSets(repository)) {
      Validator validator = Validator.builder().baseline(set.pack()).clock(TestSupport.CLOCK).build();
      String label = set.ruleId() + " (" + set.pack() + ")";
      for (Path doc : documents(set.dir().resolve("pass"))) {
        tests.add(DynamicTest.dynamicTest(label + " passes " + doc.getFileName(), () -> assertPasses(withFeeds(validator, set.pack(), doc), set.ruleId(), doc)));
      }
      for (Path doc : documents(set.dir().resolve("review"))) {
        tests.add(DynamicTest.dynamicTest(label + " needs review of " + doc.getFileName(), () -> assertNeedsReview(withFeeds(validator, set.pack(), doc), set.ruleId(), doc)));
      }
      for (Path doc : documents(set.dir().resolve("fail"))) {
        tests.add(DynamicTest.dynamicTest(label + " fails " + doc.getFileName(), () -> assertFails(withFeeds(validator, set.pack(), doc), set.ruleId(), doc)));
      }
    }
    assertFalse(tests.isEmpty(), "no fixtures found under " + FIXTURES.toAbsolutePath());
    return tests.stream();
  }

  /**
   * A rule nobody wrote fixtures for is a rule nobody has seen fail. Every rule of every bundled
   * pack needs passing and failing fixtures run in a pack where the rule has the same severity and
   * check (type and parameters); a variant that differs needs its own {@code id@version} folder.
   */
  @Test
  void everyBundledRuleHasPassingAndFailingFixtures() throws Exception {
    RulePackRepository repository = RulePackRepository.bundled();
    List<FixtureSet> sets = fixtureSets(repository);
    List<String> missing = new ArrayList<>();
    for (PackRef ref : repository.packs()) {
      RulePack pack = repository.resolve(ref);
      for (Rule rule : pack.rules()) {
        boolean covered = false;
        for (FixtureSet set : sets) {
          boolean positive = !documents(set.dir().resolve("pass")).isEmpty()
              || !documents(set.dir().resolve("review")).isEmpty();
          if (!set.ruleId().equals(rule.id()) || !positive || documents(set.dir().resolve("fail")).isEmpty()) {
            continue;
          }
          Rule tested = repository.resolve(set.pack()).rule(rule.id()).orElse(null);
          if (tested != null && tested.severity() == rule.severity() && tested.check().equals(rule.check())) {
            covered = true;
            break;
          }
        }
        if (!covered) {
          missing.add(rule.id() + " in " + ref);
        }
      }
    }
    assertEquals(List.of(), missing, "rules without passing and failing fixtures for their exact variant");
  }

  /** The fixture's validator, configured with the feeds its folder carries (if any). */
  private static Validator withFeeds(Validator validator, PackRef pack, Path entry) throws Exception {
    Path target = resolveRef(entry);
    Path feeds = target.resolve("feeds");
    if (!Files.isDirectory(feeds)) {
      return validator;
    }
    Validator.Builder builder = Validator.builder().baseline(pack).clock(TestSupport.CLOCK);
    if (Files.isDirectory(feeds.resolve("osv"))) {
      builder.osv(feeds.resolve("osv"));
    }
    if (Files.isRegularFile(feeds.resolve("kev.json"))) {
      builder.kev(feeds.resolve("kev.json"));
    }
    return builder.build();
  }

  private static PackRef defaultPack(RulePackRepository repository, Path ruleDir, String ruleId) throws IOException {
    Path named = ruleDir.resolve("baseline");
    if (Files.isRegularFile(named)) {
      return PackRef.parse(Files.readString(named).strip());
    }
    return repository.packs().stream()
        .filter(ref -> repository.declared(ref).orElseThrow().rule(ruleId).isPresent())
        .findFirst()
        .orElseThrow(() -> new AssertionError("fixtures for " + ruleId + ", which no bundled pack defines"));
  }

  private static Submission submission(Path entry) throws Exception {
    Path target = resolveRef(entry);
    return Files.isDirectory(target)
        ? Submission.fromDirectory(target)
        : Submission.ofSbom(target.getFileName().toString(), Files.readAllBytes(target));
  }

  /**
   * An entry named {@code X.ref} holds one line: the path, relative to the rules folder, of a shared
   * entry (a submission folder or SBOM file, e.g. {@code _base/complete}), so many rules can use one
   * fixture without copies or symbolic links. Other entries are themselves.
   */
  private static Path resolveRef(Path entry) throws IOException {
    if (!entry.getFileName().toString().endsWith(".ref")) {
      return entry;
    }
    Path root = FIXTURES.toAbsolutePath().normalize();
    Path target = root.resolve(Files.readString(entry).strip()).normalize();
    assertTrue(target.startsWith(root) && Files.exists(target), entry + " names " + target + ", which is not an entry under " + root);
    return target;
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

  private static void assertNeedsReview(Validator validator, String ruleId, Path doc) throws Exception {
    RuleResult result = resultFor(validator, ruleId, doc);
    assertEquals(Status.NEEDS_REVIEW, result.status(), () -> "expected NEEDS_REVIEW, got " + result);
    assertFalse(result.citations().isEmpty(), "a review item carries its citations");
  }

  private static void assertFails(Validator validator, String ruleId, Path doc) throws Exception {
    String name = doc.getFileName().toString().replaceFirst("\\.ref$|\\.cdx\\.json$|\\.json$|\\.xml$|\\.spdx$", "");
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
      assertTrue(Objects.nonNull(got.message()) && !got.message().isBlank());
    }
  }
}
