package org.cyberbaseline.sbom;

import static org.cyberbaseline.sbom.TestSupport.parsed;
import static org.cyberbaseline.sbom.TestSupport.unreadable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.Position;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The CycloneDX XML reader against the shared corpus. Expectations come from PROVENANCE.md (format,
 * version, component count, what an independent JDK XSD check found), not from this reader.
 *
 * <p>PROVENANCE.md's {@code components} column counts, for XML files, every {@code <component>}
 * element of the document: the primary component under metadata, 1.5+ tool components and pedigree
 * ancestors included (checked against the files, e.g. cern-lhc-vdm-editor: 43 components plus
 * metadata/component = 44). The model lists only the components of {@code /bom/components} and
 * their nested ones, as for JSON, so both numbers are checked: the column against a plain count of
 * the elements, the model against the count of the component tree.
 */
class CycloneDxXmlCorpusTest {
  private static final String CDX_NS = "http://cyclonedx.org/schema/bom/";
  private static final Pattern CDX_XML_FORMAT = Pattern.compile("CycloneDX XML (1\\.\\d+)");
  private static final Pattern LEADING_COUNT = Pattern.compile("^(\\d+)");
  private static final Pattern XSD_RESULT =
      Pattern.compile("INVALID against CycloneDX (1\\.\\d+) XSD: (\\d+) error\\(s\\); first line (\\d+): (.*)");

  /** Real-world SBOMs published by one producer run in both formats: same component count. */
  private static final Map<String, String> JSON_TWINS =
      Map.of(
          "sbom/cyclonedx/cern-lhc-vdm-editor-e564943__bom.xml", "sbom/cyclonedx/cern-lhc-vdm-editor-e564943__bom.json",
          "sbom/cyclonedx/dropwizard-1.3.15__bom.xml", "sbom/cyclonedx/dropwizard-1.3.15__bom.json",
          "sbom/cyclonedx/juice-shop__v11.1.2__bom.xml", "sbom/cyclonedx/juice-shop__v11.1.2__bom.json",
          "sbom/cyclonedx/keycloak-10.0.2__bom.xml", "sbom/cyclonedx/keycloak-10.0.2__bom.json",
          "sbom/cyclonedx/laravel-7.12.0__bom.1.2.xml", "sbom/cyclonedx/laravel-7.12.0__bom.1.2.json",
          "sbom/cyclonedx/laravel-7.12.0__bom.1.4.xml", "sbom/cyclonedx/laravel-7.12.0__bom.1.4.json",
          "sbom/cyclonedx/proton-bridge__proton-bridge-v1.6.3.bom.xml",
          "sbom/cyclonedx/proton-bridge__proton-bridge-v1.6.3.bom.json");

  private static final SbomReader READER = new SbomReader();
  private static final Map<String, SbomReadResult> RESULTS = new ConcurrentHashMap<>();
  private static Path corpus;
  private static Map<String, Row> provenance;

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
    provenance = new LinkedHashMap<>();
    for (String line : Files.readAllLines(corpus.resolve("PROVENANCE.md"), StandardCharsets.UTF_8)) {
      String[] cells = line.split("\\|", -1);
      if (cells.length < 10 || !(line.startsWith("| sbom/") || line.startsWith("| invalid/") || line.startsWith("| vex/"))) {
        continue;
      }
      Row row = new Row(cells[1].strip(), cells[5].strip(), cells[6].strip(), cells[7].strip(), cells[8].strip());
      provenance.put(row.file(), row);
    }
    assertFalse(provenance.isEmpty());
  }

  private static List<Path> xmlFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("sbom/cyclonedx", "vex/cyclonedx", "invalid")) {
      try (Stream<Path> s = Files.list(corpus.resolve(dir))) {
        s.filter(
                p -> {
                  String name = p.getFileName().toString();
                  return name.endsWith(".xml")
                      && (!dir.equals("invalid") || name.startsWith("cdx-") || name.startsWith("derived-"));
                })
            .sorted()
            .forEach(files::add);
      }
    }
    return files;
  }

  private static String relative(Path file) {
    return corpus.relativize(file).toString().replace('\\', '/');
  }

  /** Each file is read once per run; the tests below look at the same result from different sides. */
  private static SbomReadResult read(String file) {
    return RESULTS.computeIfAbsent(
        file,
        f -> {
          try {
            return READER.read(Files.readAllBytes(corpus.resolve(f)));
          } catch (IOException e) {
            throw new AssertionError("cannot read corpus file " + f, e);
          }
        });
  }

  private static int leadingCount(Row row) {
    Matcher count = LEADING_COUNT.matcher(row.components());
    assertTrue(count.find(), "no count in " + row);
    return Integer.parseInt(count.group(1));
  }

  @TestFactory
  Stream<DynamicTest> everyCycloneDxXmlFileIsAnsweredWithoutThrowing() throws IOException {
    List<Path> files = xmlFiles();
    assertTrue(files.size() >= 60, "expected the whole corpus, found " + files.size() + " XML files");
    return files.stream()
        .map(
            file ->
                DynamicTest.dynamicTest(
                    relative(file),
                    () -> {
                      SbomReadResult result = read(relative(file));
                      assertNotNull(result);
                      if (result instanceof SbomReadResult.Unreadable u) {
                        assertFalse(u.problem().message().isBlank());
                        assertTrue(u.problem().position().isPresent(), "unlocated: " + u.problem());
                      }
                    }));
  }

  @TestFactory
  Stream<DynamicTest> validCycloneDxXmlParsesWithoutProblemsAndWithItsComponents() {
    List<Row> valid =
        provenance.values().stream()
            .filter(r -> r.file().endsWith(".xml") && !r.file().startsWith("invalid/"))
            .filter(r -> CDX_XML_FORMAT.matcher(r.format()).matches())
            .filter(r -> r.schemaCheck().startsWith("valid"))
            .toList();
    assertTrue(valid.size() >= 25, "PROVENANCE.md lists only " + valid.size() + " valid CycloneDX XML files");
    return valid.stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.file(),
                    () -> {
                      SbomReadResult.Parsed result = parsed(read(row.file()));
                      Matcher format = CDX_XML_FORMAT.matcher(row.format());
                      assertTrue(format.matches());
                      assertEquals(format.group(1), result.sbom().specVersion());
                      assertEquals(SbomFormat.CYCLONEDX_XML, result.sbom().format());
                      assertEquals(List.of(), result.schemaProblems(), "an independent XSD check found it valid");
                      checkComponentCounts(row, result.sbom());
                      String twin = JSON_TWINS.get(row.file());
                      if (twin != null) {
                        assertEquals(leadingCount(provenance.get(twin)), result.sbom().components().size(), "JSON twin " + twin);
                      }
                    }));
  }

  /** Each invalid file gets as many problems as the independent XSD check found, the first on the same line. */
  @TestFactory
  Stream<DynamicTest> invalidCycloneDxXmlIsReportedAsTheIndependentCheckerSawIt() {
    List<Row> invalid =
        provenance.values().stream()
            .filter(r -> r.file().startsWith("invalid/") && r.file().endsWith(".xml"))
            .toList();
    assertTrue(invalid.size() >= 38, "only " + invalid.size() + " invalid CycloneDX XML rows");
    return invalid.stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.file(),
                    () -> {
                      SbomReadResult result = read(row.file());
                      Matcher xsd = XSD_RESULT.matcher(row.schemaCheck());
                      if (row.format().endsWith("(unparseable)")) {
                        assertTrue(xsd.find(), row.schemaCheck());
                        JsonProblem problem = unreadable(result);
                        assertEquals("syntax", problem.keyword());
                        assertEquals(Integer.parseInt(xsd.group(3)), problem.position().orElseThrow().line());
                        return;
                      }
                      if (row.schemaCheck().contains("unknown CycloneDX XML namespace version")) {
                        JsonProblem problem = unreadable(result);
                        assertEquals(SbomReader.KEYWORD_UNSUPPORTED_VERSION, problem.keyword());
                        assertTrue(problem.position().isPresent());
                        return;
                      }
                      assertTrue(xsd.find(), "unexpected schema column: " + row.schemaCheck());
                      SbomReadResult.Parsed parsed = parsed(result);
                      assertEquals(xsd.group(1), parsed.sbom().specVersion());
                      List<JsonProblem> problems = parsed.schemaProblems();
                      assertEquals(Integer.parseInt(xsd.group(2)), problems.size(), problems.toString());
                      assertEquals(Integer.parseInt(xsd.group(3)), problems.get(0).position().orElseThrow().line(), problems.toString());
                      for (JsonProblem p : problems) {
                        assertTrue(p.position().isPresent(), "unlocated: " + p);
                        assertTrue(p.pointer().startsWith("/bom"), "no pointer: " + p);
                        assertTrue(
                            parsed.sbom().locator().positionOf(p.pointer()).isPresent(),
                            "pointer does not resolve: " + p);
                      }
                      if (xsd.group(4).startsWith("cvc-identity-constraint")) {
                        assertEquals(CycloneDxXml.KEYWORD_UNIQUE, problems.get(0).keyword());
                      }
                      checkComponentCounts(row, parsed.sbom());
                    }));
  }

  @Test
  void duplicateBomRefStillYieldsAProblemWithoutTheXsdIdentityConstraint() {
    SbomReadResult.Parsed result = parsed(read("invalid/cdx-1.6-invalid-component-ref-1.6.xml"));
    List<JsonProblem> unique =
        result.schemaProblems().stream().filter(p -> p.keyword().equals(CycloneDxXml.KEYWORD_UNIQUE)).toList();
    assertEquals(
        List.of(
            "/bom/components/component[1]/components/component[1]/@bom-ref",
            "/bom/components/component[1]/components/component[2]/@bom-ref"),
        unique.stream().map(JsonProblem::pointer).toList());
    assertEquals(List.of(new Position(8, 17), new Position(13, 17)), unique.stream().map(p -> p.position().orElseThrow()).toList());
    assertTrue(
        result.schemaProblems().stream().noneMatch(p -> p.keyword().startsWith("cvc-identity-constraint")),
        "the identity constraint is removed from the compiled XSD: " + result.schemaProblems());
    // the empty bom-ref is still the XSD's to report
    assertTrue(
        result.schemaProblems().stream()
            .anyMatch(p -> p.pointer().equals("/bom/components/component[1]/components/component[3]") && p.keyword().equals("cvc-minLength-valid")),
        result.schemaProblems().toString());
  }

  @Test
  void declaredVersionDecidesTheSchema() {
    SbomReadResult.Parsed result = parsed(read("invalid/derived-version-mismatch-ns1.2__valid-bom-1.6.xml"));
    assertEquals("1.2", result.sbom().specVersion());
    assertEquals(
        List.of("/bom/metadata/manufacturer", "/bom/components/component[2]/manufacturer"),
        result.schemaProblems().stream().map(JsonProblem::pointer).toList());
    // mapped anyway, so that the remaining rules can run
    assertEquals("Acme, Inc.", result.sbom().metadata().authors().stream()
        .filter(p -> p.kind() == Party.Kind.ORGANIZATION).findFirst().orElseThrow().name());
  }

  @Test
  void realWorldMappingSpotChecks() {
    Sbom dropwizard = parsed(read("sbom/cyclonedx/dropwizard-1.3.15__bom.xml")).sbom();
    Sbom dropwizardJson = parsed(read("sbom/cyclonedx/dropwizard-1.3.15__bom.json")).sbom();
    assertEquals(dropwizardJson.components().size(), dropwizard.components().size());
    assertEquals(
        dropwizardJson.components().stream().map(Component::purl).toList(),
        dropwizard.components().stream().map(Component::purl).toList(),
        "the same producer run: same components in the same order");
    assertEquals(
        dropwizardJson.components().stream().map(Component::hashes).map(List::size).toList(),
        dropwizard.components().stream().map(Component::hashes).map(List::size).toList());
    // The producer's XML leaves out one licence expression its JSON has (osgi-resource-locator), so
    // licences are compared where the XML has any.
    int compared = 0;
    for (int i = 0; i < dropwizard.components().size(); i++) {
      List<String> xmlLicenses = dropwizard.components().get(i).licenses();
      if (!xmlLicenses.isEmpty()) {
        assertEquals(dropwizardJson.components().get(i).licenses(), xmlLicenses, dropwizard.components().get(i).label());
        compared++;
      }
    }
    assertTrue(compared > 100, "licences compared: " + compared);
    assertEquals(
        dropwizardJson.dependencies().stream().map(d -> d.ref() + "->" + d.dependsOn()).toList(),
        dropwizard.dependencies().stream().map(d -> d.ref() + "->" + d.dependsOn()).toList());

    Sbom npm = parsed(read("sbom/cyclonedx/cyclonedx-npm-4.2.1-jest-webpack-express.cdx.xml")).sbom();
    assertFalse(npm.metadata().tools().isEmpty(), "1.5 tools/components are tools");
    assertTrue(npm.components().stream().anyMatch(c -> c.nestingDepth() > 0), "nested components are flattened");
    assertFalse(npm.dependencies().isEmpty());
    for (Dependency d : npm.dependencies()) {
      assertTrue(npm.locator().positionOf(d.pointer()).isPresent(), d.pointer());
    }
  }

  /** Checks the PROVENANCE column (all component elements) and the model (the component tree). */
  private static void checkComponentCounts(Row row, Sbom sbom) throws IOException, XMLStreamException {
    int[] counts = countComponents(corpus.resolve(row.file()));
    assertEquals(leadingCount(row), counts[0], "PROVENANCE.md counts every <component> element");
    assertEquals(counts[1], sbom.components().size(), "components of /bom/components, nested ones included");
  }

  /** {every CycloneDX component element, components of the /bom/components tree}, counted independently. */
  private static int[] countComponents(Path file) throws IOException, XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    XMLStreamReader r = factory.createXMLStreamReader(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
    int all = 0;
    int tree = 0;
    // the open elements: local name ("" outside CycloneDX) and whether it is a component of the tree
    List<String> names = new ArrayList<>();
    List<Boolean> inTree = new ArrayList<>();
    while (r.hasNext()) {
      int event = r.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        boolean cdx = r.getNamespaceURI() != null && r.getNamespaceURI().startsWith(CDX_NS);
        String name = cdx ? r.getLocalName() : "";
        int depth = names.size();
        boolean member = false;
        if (name.equals("component")) {
          all++;
          // its parent is <components>, whose parent is the root <bom> or a component of the tree
          member =
              depth >= 2
                  && names.get(depth - 1).equals("components")
                  && ((depth == 2 && names.get(0).equals("bom")) || inTree.get(depth - 2));
          if (member) {
            tree++;
          }
        }
        names.add(name);
        inTree.add(member);
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        names.remove(names.size() - 1);
        inTree.remove(inTree.size() - 1);
      }
    }
    return new int[] {all, tree};
  }
}
