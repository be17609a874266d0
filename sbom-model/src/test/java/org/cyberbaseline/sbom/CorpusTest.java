package org.cyberbaseline.sbom;

import static org.cyberbaseline.sbom.TestSupport.parsed;
import static org.cyberbaseline.sbom.TestSupport.unreadable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cyberbaseline.schemas.JsonProblem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The reader against the shared corpus of real public SBOMs and broken files. Expectations come
 * from the corpus' PROVENANCE.md (format, version, component count, schema result of an
 * independent checker), not from this reader's own output.
 */
class CorpusTest {
  private static final Pattern CDX_JSON_FORMAT = Pattern.compile("CycloneDX JSON (1\\.\\d+)");
  private static final Pattern LEADING_COUNT = Pattern.compile("^(\\d+)");
  private static final Pattern FIRST_SCHEMA_ERROR =
      Pattern.compile("INVALID against CycloneDX (1\\.\\d+) JSON schema: \\d+ error\\(s\\); first at (/[^:]*):");

  private static Path corpus;
  private static Map<String, Row> provenance;
  private static final SbomReader READER = new SbomReader();

  /** One row of PROVENANCE.md's file table. */
  record Row(String file, String format, String components, String intended, String schemaCheck) {}

  @BeforeAll
  static void locateCorpus() throws IOException {
    List<Path> candidates = new ArrayList<>();
    String repoRoot = System.getProperty("cyberbaseline.repoRoot");
    if (repoRoot != null && !repoRoot.isBlank()) {
      candidates.add(Path.of(repoRoot).resolve("../shared/corpus").toAbsolutePath().normalize());
    }
    candidates.add(Path.of("../../shared/corpus").toAbsolutePath().normalize());
    corpus =
        candidates.stream()
            .filter(p -> Files.isRegularFile(p.resolve("PROVENANCE.md")))
            .findFirst()
            .orElseGet(() -> fail("shared corpus not found; looked in " + candidates));
    provenance = readProvenance(corpus.resolve("PROVENANCE.md"));
  }

  private static Map<String, Row> readProvenance(Path file) throws IOException {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.startsWith("| sbom/") && !line.startsWith("| invalid/")) {
        continue;
      }
      String[] cells = line.split("\\|", -1);
      if (cells.length < 10) {
        continue; // the summary table above the file table also starts with "| sbom/"
      }
      // | file | source | path | licence | format / version | components | intended | schema check | ...
      Row row = new Row(cells[1].strip(), cells[5].strip(), cells[6].strip(), cells[7].strip(), cells[8].strip());
      rows.put(row.file(), row);
    }
    assertFalse(rows.isEmpty(), "no file rows in " + file);
    return rows;
  }

  private static List<Path> corpusFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(corpus.resolve("sbom/cyclonedx"))) {
      s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
    }
    try (Stream<Path> s = Files.list(corpus.resolve("invalid"))) {
      s.filter(
              p -> {
                String name = p.getFileName().toString();
                return name.endsWith(".json") && (name.startsWith("cdx-") || name.startsWith("derived-"));
              })
          .sorted()
          .forEach(files::add);
    }
    return files;
  }

  private static String relative(Path file) {
    return corpus.relativize(file).toString().replace('\\', '/');
  }

  private static SbomReadResult read(Path file) {
    try {
      return READER.read(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new AssertionError("cannot read corpus file " + file, e);
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCycloneDxJsonFileIsAnsweredWithoutThrowing() throws IOException {
    List<Path> files = corpusFiles();
    assertTrue(files.size() >= 60, "expected the whole corpus, found " + files.size() + " files");
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    relative(file),
                    () -> {
                      SbomReadResult result = read(file);
                      assertNotNull(result);
                      if (result instanceof SbomReadResult.Unreadable u) {
                        assertFalse(u.problem().message().isBlank());
                      }
                    }));
  }

  /** Every file PROVENANCE.md lists as valid CycloneDX JSON parses, with its component count and no schema problem. */
  @TestFactory
  Stream<DynamicTest> validCycloneDxJsonParsesWithTheListedComponentCount() {
    List<Row> valid =
        provenance.values().stream()
            .filter(r -> r.file().startsWith("sbom/cyclonedx/") && r.file().endsWith(".json"))
            .filter(r -> CDX_JSON_FORMAT.matcher(r.format()).matches())
            .filter(r -> r.schemaCheck().startsWith("valid"))
            .toList();
    assertTrue(valid.size() >= 30, "PROVENANCE.md lists only " + valid.size() + " valid CycloneDX JSON files");
    return valid.stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.file(),
                    () -> {
                      SbomReadResult.Parsed result = parsed(read(corpus.resolve(row.file())));
                      Matcher format = CDX_JSON_FORMAT.matcher(row.format());
                      assertTrue(format.matches());
                      assertEquals(format.group(1), result.sbom().specVersion());
                      // The column counts components[] with nested ones, without metadata.component
                      // (checked against the files: e.g. jest-webpack-express has 380 top-level and
                      // 400 in all).
                      Matcher count = LEADING_COUNT.matcher(row.components());
                      assertTrue(count.find(), "no count in " + row);
                      assertEquals(Integer.parseInt(count.group(1)), result.sbom().components().size());
                      assertEquals(List.of(), result.schemaProblems(), "an independent checker found it valid");
                    }));
  }

  /** Each schema-invalid corpus file is reported at (or below) the pointer the independent checker named. */
  @TestFactory
  Stream<DynamicTest> invalidCycloneDxJsonIsReportedWhereTheIndependentCheckerSawIt() {
    List<Row> invalid =
        provenance.values().stream()
            .filter(r -> r.file().startsWith("invalid/cdx-") && r.file().endsWith(".json"))
            .toList();
    assertTrue(invalid.size() >= 35, "only " + invalid.size() + " invalid CycloneDX JSON rows");
    return invalid.stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.file(),
                    () -> {
                      Matcher m = FIRST_SCHEMA_ERROR.matcher(row.schemaCheck());
                      assertTrue(m.find(), "unexpected schema column: " + row.schemaCheck());
                      String pointer = m.group(2);
                      SbomReadResult result = read(corpus.resolve(row.file()));
                      if (pointer.equals("/bomFormat")) {
                        JsonProblem problem = unreadable(result);
                        assertEquals(SbomReader.KEYWORD_UNKNOWN_FORMAT, problem.keyword());
                        assertEquals("/bomFormat", problem.pointer());
                        assertTrue(problem.position().isPresent());
                        return;
                      }
                      SbomReadResult.Parsed parsed = parsed(result);
                      assertEquals(m.group(1), parsed.sbom().specVersion());
                      Matcher count = LEADING_COUNT.matcher(row.components());
                      assertTrue(count.find(), "no count in " + row);
                      assertEquals(Integer.parseInt(count.group(1)), parsed.sbom().components().size());
                      assertTrue(
                          parsed.schemaProblems().stream()
                              .anyMatch(
                                  p ->
                                      (p.pointer().equals(pointer) || p.pointer().startsWith(pointer + "/"))
                                          && p.position().isPresent()),
                          "no located problem at " + pointer + " in " + parsed.schemaProblems());
                    }));
  }

  @Test
  void invalidComponentTypeIsLocated() {
    SbomReadResult.Parsed result = parsed(read(corpus.resolve("invalid/cdx-1.6-invalid-component-type-1.6.json")));
    JsonProblem problem =
        result.schemaProblems().stream()
            .filter(p -> p.pointer().equals("/components/0/type"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(result.schemaProblems().toString()));
    assertEquals(9, problem.position().orElseThrow().line());
    assertEquals("enum", problem.keyword());
  }

  @Test
  void derivedBrokenFiles() {
    JsonProblem empty = unreadable(read(corpus.resolve("invalid/derived-empty-file.json")));
    assertEquals("document is empty", empty.message());

    JsonProblem truncated = unreadable(read(corpus.resolve("invalid/derived-truncated__keycloak-10.0.2__bom.json")));
    assertEquals("syntax", truncated.keyword());
    assertEquals(1826, truncated.position().orElseThrow().line(), "PROVENANCE.md: cut at line 1826");

    JsonProblem wrongVersion =
        unreadable(read(corpus.resolve("invalid/derived-wrong-specversion-1.9__valid-bom-1.5.json")));
    assertEquals(SbomReader.KEYWORD_UNSUPPORTED_VERSION, wrongVersion.keyword());
    assertTrue(wrongVersion.message().contains("\"1.9\""), wrongVersion.message());
  }

  @Test
  void medicalDeviceSbomKeepsItsSupportProperties() {
    Sbom sbom = parsed(read(corpus.resolve("sbom/cyclonedx/medical-device__case-study-narrow.sbom.json"))).sbom();
    long withEndOfSupport =
        sbom.components().stream().filter(c -> !c.property("End-of-Support").isEmpty()).count();
    assertTrue(withEndOfSupport > 0, "FDA-style End-of-Support properties are mapped");
  }
}
