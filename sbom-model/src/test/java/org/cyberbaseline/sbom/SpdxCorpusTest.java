package org.cyberbaseline.sbom;

import static org.cyberbaseline.sbom.SpdxTestSupport.corpus;
import static org.cyberbaseline.sbom.SpdxTestSupport.provenance;
import static org.cyberbaseline.sbom.TestSupport.parsed;
import static org.cyberbaseline.sbom.TestSupport.unreadable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.Position;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The SPDX reader against the shared corpus. Expected formats, versions and package counts come
 * from the corpus' PROVENANCE.md (an independent description of each file), not from this reader.
 */
class SpdxCorpusTest {
  private static final SbomReader READER = new SbomReader();

  /** "SPDX JSON SPDX-2.3", "SPDX tag-value SPDX-2.2", "SPDX YAML SPDX-2.3": what this reader reads. */
  private static final Pattern READ_FORMAT = Pattern.compile("SPDX (JSON|tag-value|YAML) SPDX-(2\\.[23])");

  private static final Pattern PACKAGES = Pattern.compile("^(\\d+) packages, (\\d+) files");

  /** Each file is read once: istio-release.spdx alone takes seconds (mostly the library's second parse). */
  private static final Map<Path, SbomReadResult> RESULTS = new ConcurrentHashMap<>();

  private static SbomReadResult read(Path file) {
    return RESULTS.computeIfAbsent(
        file,
        f -> {
          try {
            return READER.read(Files.readAllBytes(f));
          } catch (IOException e) {
            throw new AssertionError("cannot read corpus file " + f, e);
          }
        });
  }

  private static SbomReadResult read(String relative) {
    return read(corpus().resolve(relative));
  }

  private static List<Path> spdxFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(corpus().resolve("sbom/spdx"))) {
      s.filter(Files::isRegularFile).sorted().forEach(files::add);
    }
    try (Stream<Path> s = Files.list(corpus().resolve("invalid"))) {
      s.filter(p -> p.getFileName().toString().startsWith("spdx-")).sorted().forEach(files::add);
    }
    return files;
  }

  @TestFactory
  Stream<DynamicTest> everySpdxFileIsAnsweredWithoutThrowing() throws IOException {
    List<Path> files = spdxFiles();
    assertTrue(files.size() >= 22, "expected the whole SPDX corpus, found " + files.size() + " files");
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    corpus().relativize(file).toString(),
                    () -> {
                      SbomReadResult result = read(file);
                      assertNotNull(result);
                      if (result instanceof SbomReadResult.Unreadable u) {
                        assertFalse(u.problem().message().isBlank());
                      } else {
                        Sbom sbom = ((SbomReadResult.Parsed) result).sbom();
                        for (Component c : sbom.components()) {
                          assertTrue(sbom.locator().positionOf(c.pointer()).isPresent(), c.pointer() + " is located");
                        }
                        for (Dependency d : sbom.dependencies()) {
                          assertTrue(sbom.locator().positionOf(d.pointer()).isPresent(), d.pointer() + " is located");
                        }
                      }
                    }));
  }

  /**
   * Every 2.2/2.3 JSON, YAML or tag-value file (valid or not) is Parsed with PROVENANCE.md's
   * package count: the primary component plus the components, all packages since each file has
   * some.
   */
  @TestFactory
  Stream<DynamicTest> readableFilesHaveTheListedPackageCount() {
    List<SpdxTestSupport.Row> rows =
        provenance().values().stream()
            .filter(r -> r.file().startsWith("sbom/spdx/") || r.file().startsWith("invalid/spdx-"))
            .filter(r -> READ_FORMAT.matcher(r.format()).matches())
            .toList();
    assertTrue(rows.size() >= 13, "PROVENANCE.md lists only " + rows.size() + " SPDX 2.2/2.3 JSON/YAML/tag-value files");
    return rows.stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.file(),
                    () -> {
                      SbomReadResult.Parsed result = parsed(read(row.file()));
                      Matcher format = READ_FORMAT.matcher(row.format());
                      assertTrue(format.matches());
                      Sbom sbom = result.sbom();
                      assertEquals(format.group(2), sbom.specVersion());
                      assertEquals(
                          format.group(1).equals("tag-value") ? SbomFormat.SPDX_TAG_VALUE : SbomFormat.SPDX_JSON, sbom.format());
                      Matcher count = PACKAGES.matcher(row.components());
                      assertTrue(count.find(), "no package count in " + row);
                      int packages = Integer.parseInt(count.group(1));
                      assertTrue(packages > 0, row.toString());
                      Component primary = sbom.metadata().primaryComponent().orElseThrow();
                      assertTrue(primary.pointer().startsWith("/packages/"), "every corpus file describes a package");
                      assertEquals(packages, sbom.components().size() + 1);
                      if (row.schemaCheck().startsWith("valid (SPDX 2.")) {
                        // The independent JSON Schema check found nothing; the type checks agree.
                        assertEquals(
                            List.of(),
                            result.schemaProblems().stream()
                                .filter(p -> !p.keyword().equals(SpdxVerification.KEYWORD))
                                .toList());
                      }
                    }));
  }

  @Test
  void formatsThatAreRecognisedButNotRead() {
    for (String file :
        List.of(
            "sbom/spdx/SPDXRdfExample-v2.3.spdx.rdf",
            "sbom/spdx/SPDXXMLExample-v2.3.spdx.xml",
            "sbom/spdx/SPDXJsonLDExample-v3.0.1.json",
            "sbom/spdx/sbomqs-spdx3__appbomination.spdx3.json",
            "sbom/spdx/spdx-spec-jsonld__package_sbom.json")) {
      JsonProblem problem = unreadable(read(file));
      assertEquals(SbomReader.KEYWORD_UNSUPPORTED_FORMAT, problem.keyword(), file);
      assertTrue(problem.message().matches("SPDX (RDF/XML|XML|3 JSON-LD) \\(.*\\) is recognised but not read.*"), problem.message());
    }
  }

  /**
   * spdx-BadJSON is well-formed JSON that breaks the SPDX schema (creators a string, a null package
   * name, ...). Like a schema-invalid CycloneDX file it is Parsed, with the problems located; the
   * first is where PROVENANCE.md's independent checker saw the first error.
   */
  @Test
  void badJsonIsParsedWithLocatedProblems() throws IOException {
    SbomReadResult.Parsed result = parsed(read("invalid/spdx-BadJSON.spdx.json"));
    JsonProblem first = result.schemaProblems().get(0);
    assertEquals("/creationInfo/creators", first.pointer());
    assertEquals(SpdxMapping.KEYWORD_TYPE, first.keyword());
    assertTrue(provenance().get("invalid/spdx-BadJSON.spdx.json").schemaCheck().contains("first at /creationInfo/creators"));
    List<String> lines = Files.readAllLines(corpus().resolve("invalid/spdx-BadJSON.spdx.json"), StandardCharsets.UTF_8);
    Position at = first.position().orElseThrow();
    assertTrue(lines.get(at.line() - 1).substring(at.column() - 1).startsWith("\"Person: This should be an array\""));
    assertTrue(
        result.schemaProblems().stream().anyMatch(p -> p.pointer().equals("/packages/1/name") && p.position().isPresent()),
        result.schemaProblems().toString());
    assertEquals(List.of(), result.sbom().metadata().authors(), "the malformed creators are not guessed at");
  }

  @Test
  void anUnknownSpdxVersionIsUnreadableWhereItIsWritten() {
    JsonProblem problem = unreadable(read("invalid/spdx-SPDXWrongVersion.spdx.json"));
    assertEquals(SbomReader.KEYWORD_UNSUPPORTED_VERSION, problem.keyword());
    assertEquals("/spdxVersion", problem.pointer());
    assertEquals(Optional.of(3), problem.position().map(Position::line));
    assertTrue(problem.message().contains("\"SPDX-2.2.1\""), problem.message());
  }

  @Test
  void libraryMessagesAreKept() {
    // The tools-java Verify test expects warnings for this file (a deprecated licence id).
    SbomReadResult.Parsed warning = parsed(read("invalid/spdx-SPDXTagExample-v2.2-warning.spdx"));
    assertTrue(
        warning.schemaProblems().stream()
            .anyMatch(p -> p.keyword().equals(SpdxVerification.KEYWORD) && p.message().contains("LGPL-2.0 is deprecated")),
        warning.schemaProblems().toString());
    // Declared SPDX-2.2 but uses 2.3 fields: the library says so.
    SbomReadResult.Parsed wrong = parsed(read("invalid/spdx-SPDXJSONExample-wrongversion.spdx.json"));
    assertTrue(
        wrong.schemaProblems().stream().anyMatch(p -> p.message().contains("not supported in SPDX spec versions less than SPDX-2.3")),
        wrong.schemaProblems().toString());
    // The library's tag-value store refused the 2.3 tag-value example outright at its first
    // problem (a download location it rejects). Verified as the JSON form of the same document,
    // every problem is reported, that one and a malformed checksum too, and the document is mapped.
    SbomReadResult.Parsed example = parsed(read("sbom/spdx/SPDXTagExample-v2.3.spdx"));
    List<String> messages = example.schemaProblems().stream().map(JsonProblem::message).toList();
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("Invalid download location https://packages.invalid/")), messages.toString());
    assertTrue(messages.stream().anyMatch(m -> m.startsWith("Invalid checksum string character")), messages.toString());
    assertTrue(messages.stream().noneMatch(m -> m.contains("rejected the document")), messages.toString());
    assertEquals(3, example.sbom().components().size());
  }

  /** In the 2.9 MB istio tag-value file every component is located at its own PackageName line. */
  @Test
  void largeTagValueComponentsAreLocatedAtTheirPackageNameLines() throws IOException {
    Path file = corpus().resolve("sbom/spdx/istio-release.spdx");
    Sbom sbom = parsed(read(file)).sbom();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertTrue(sbom.components().size() > 3000);
    for (Component c : sbom.components()) {
      int line = sbom.locator().positionOf(c.pointer()).orElseThrow().line();
      assertEquals("PackageName: " + c.name().orElse(""), lines.get(line - 1).strip(), c.pointer());
    }
    for (Dependency d : sbom.dependencies()) {
      int line = sbom.locator().positionOf(d.pointer()).orElseThrow().line();
      assertTrue(lines.get(line - 1).startsWith("Relationship:"), d.pointer());
    }
  }

  /** Real-world JSON: the nginx (apko) SBOM's CONTAINS edges and purls survive. */
  @Test
  void realWorldJson() {
    Sbom nginx = parsed(read("sbom/spdx/nginx.spdx.json")).sbom();
    assertEquals(50, nginx.components().size());
    assertEquals(49, nginx.dependencies().size(), "49 package CONTAINS package; the 23 file edges and GENERATED_FROM are not");
    assertEquals(
        List.of("nginx"),
        nginx.components().stream().filter(c -> c.purl().isEmpty()).map(c -> c.name().orElseThrow()).toList(),
        "every package has a purl externalRef except the 'nginx' source package (checked in the file)");
    assertEquals(
        List.of("Chainguard, Inc"), nginx.metadata().authors().stream().map(Party::name).toList());
    assertEquals(List.of("apko (canary)"), nginx.metadata().tools().stream().map(Party::name).toList());

    Sbom julia = parsed(read("sbom/spdx/julia.spdx.json")).sbom();
    assertEquals(
        List.of("julialang.org", "Simon Avery"), julia.metadata().authors().stream().map(Party::name).toList());
    assertEquals(30, julia.dependencies().size(), "29 BUILD_DEPENDENCY_OF + 1 RUNTIME_DEPENDENCY_OF; BUILD_TOOL_OF is not");
  }
}
