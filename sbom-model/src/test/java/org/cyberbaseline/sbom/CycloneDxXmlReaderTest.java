package org.cyberbaseline.sbom;

import static org.cyberbaseline.sbom.TestSupport.parsed;
import static org.cyberbaseline.sbom.TestSupport.unreadable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CycloneDX XML: mapping details, versions, schema validation and pointers of problems. */
class CycloneDxXmlReaderTest {
  private final SbomReader reader = new SbomReader();

  private SbomReadResult read(String xml) {
    return reader.read(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static String bom(String version, String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/"
        + version
        + "\" version=\"1\">\n"
        + body
        + "</bom>\n";
  }

  /** One fine and one badly typed component, valid otherwise in every version (1.0 needs modified). */
  private static String documentWithBadType(String version) {
    String modified = version.equals("1.0") ? "<modified>false</modified>" : "";
    return bom(
        version,
        "  <components>\n"
            + "    <component type=\"library\"><name>fine</name><version>1.0</version>" + modified + "</component>\n"
            + "    <component type=\"gadget\"><name>odd</name><version>1.0</version>" + modified + "</component>\n"
            + "  </components>\n");
  }

  /** Fails if a version's XSD (and the spdx.xsd it imports) did not resolve from the classpath. */
  @ParameterizedTest
  @ValueSource(strings = {"1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"})
  void everySupportedVersionIsCheckedAgainstItsXsd(String version) {
    SbomReadResult.Parsed result = parsed(read(documentWithBadType(version)));
    assertEquals(SbomFormat.CYCLONEDX_XML, result.sbom().format());
    assertEquals(version, result.sbom().specVersion());
    assertEquals(2, result.sbom().components().size());
    List<JsonProblem> problems = result.schemaProblems();
    assertTrue(
        problems.stream()
            .anyMatch(
                p -> p.pointer().equals("/bom/components/component[2]")
                    && p.keyword().equals("cvc-enumeration-valid")
                    && p.message().contains("'gadget'")
                    && p.position().equals(Optional.of(new Position(5, 30)))),
        "problems: " + problems);
    assertTrue(
        problems.stream().allMatch(p -> p.pointer().equals("/bom/components/component[2]")),
        "only the bad component is reported: " + problems);
  }

  @Test
  void schemasAreCompiledOncePerVersion() {
    assertSame(CycloneDxXmlSchemas.schema("1.6"), CycloneDxXmlSchemas.schema("1.6"));
  }

  @Test
  void versionSpecificContentIsJudgedByTheDeclaredVersion() {
    // <expression-detailed> exists since 1.7 (JSON: expression + expressionDetails).
    String body =
        "  <components>\n"
            + "    <component type=\"library\"><name>x</name>\n"
            + "      <licenses><expression-detailed expression=\"MIT OR Apache-2.0\"/></licenses>\n"
            + "    </component>\n"
            + "  </components>\n";
    SbomReadResult.Parsed v17 = parsed(read(bom("1.7", body)));
    SbomReadResult.Parsed v16 = parsed(read(bom("1.6", body)));
    assertEquals(List.of(), v17.schemaProblems());
    assertEquals(
        List.of("/bom/components/component[1]/licenses/expression-detailed"),
        v16.schemaProblems().stream().map(JsonProblem::pointer).toList());
    assertEquals(List.of("MIT OR Apache-2.0"), v16.sbom().components().get(0).licenses(), "still mapped");
    assertEquals(List.of("MIT OR Apache-2.0"), v17.sbom().components().get(0).licenses());
  }

  @Test
  void duplicateBomRefsAreReportedAtTheSecondOccurrenceOnAnyElement() {
    String xml =
        bom(
            "1.6",
            "  <components>\n"
                + "    <component type=\"library\" bom-ref=\"a\"><name>one</name></component>\n"
                + "    <component type=\"library\" bom-ref=\"b\"><name>two</name></component>\n"
                + "  </components>\n"
                + "  <services>\n"
                + "    <service bom-ref=\"a\"><name>svc</name></service>\n"
                + "  </services>\n");
    SbomReadResult.Parsed result = parsed(read(xml));
    assertEquals(1, result.schemaProblems().size(), result.schemaProblems().toString());
    JsonProblem problem = result.schemaProblems().get(0);
    assertEquals(CycloneDxXml.KEYWORD_UNIQUE, problem.keyword());
    assertEquals("/bom/services/service[1]/@bom-ref", problem.pointer());
    assertEquals(Optional.of(new Position(8, 5)), problem.position());
    assertTrue(problem.message().contains("\"a\"") && problem.message().contains("/bom/components/component[1]"), problem.message());
    assertEquals(Optional.of(new Position(8, 5)), result.sbom().locator().positionOf(problem.pointer()));
  }

  @Test
  void schemaProblemsArePointedAtTheElementTheValidatorWasIn() {
    String xml =
        bom(
            "1.6",
            "  <metadata>\n"
                + "    <timestamp>yesterday</timestamp>\n"
                + "  </metadata>\n"
                + "  <components>\n"
                + "    <component type=\"library\"><name>a</name>\n"
                + "      <hashes><hash alg=\"SHA-256\">abc</hash></hashes>\n"
                + "      <bogus/>\n"
                + "    </component>\n"
                + "  </components>\n");
    List<JsonProblem> problems = parsed(read(xml)).schemaProblems();
    assertEquals(
        List.of(
            "/bom/metadata/timestamp",
            "/bom/metadata/timestamp",
            "/bom/components/component[1]/hashes/hash[1]",
            "/bom/components/component[1]/hashes/hash[1]",
            "/bom/components/component[1]/bogus"),
        problems.stream().map(JsonProblem::pointer).toList(),
        problems.toString());
    assertEquals(
        List.of("cvc-datatype-valid.1.2.1", "cvc-type.3.1.3", "cvc-pattern-valid", "cvc-complex-type.2.2", "cvc-complex-type.2.4.a"),
        problems.stream().map(JsonProblem::keyword).toList());
    // the validator's own positions: just after the text it rejects / the start tag it rejects
    assertEquals(Optional.of(new Position(4, 37)), problems.get(0).position());
    assertEquals(Optional.of(new Position(9, 15)), problems.get(4).position());
    assertTrue(problems.get(0).message().contains("'yesterday'"), problems.get(0).message());
  }

  @Test
  void legacyToolsVendorsAndManufacture() {
    String xml =
        bom(
            "1.4",
            "  <metadata>\n"
                + "    <tools>\n"
                + "      <tool><vendor>Acme</vendor><name>scanner</name><version>2.1</version></tool>\n"
                + "      <tool><vendor>Only Vendor Inc</vendor></tool>\n"
                + "      <tool><version>9</version></tool>\n"
                + "    </tools>\n"
                + "    <authors><author><name>  Jane Doe  </name></author><author><phone>123</phone></author></authors>\n"
                + "    <manufacture><url>https://acme.example</url></manufacture>\n"
                + "  </metadata>\n");
    SbomReadResult.Parsed result = parsed(read(xml));
    assertEquals(List.of(), result.schemaProblems());
    SbomMetadata metadata = result.sbom().metadata();
    assertEquals(
        List.of(
            new Party("scanner 2.1", Party.Kind.TOOL, "/bom/metadata/tools/tool[1]"),
            new Party("Only Vendor Inc", Party.Kind.TOOL, "/bom/metadata/tools/tool[2]")),
        metadata.tools());
    assertEquals(
        List.of(
            new Party("Jane Doe", Party.Kind.PERSON, "/bom/metadata/authors/author[1]"),
            new Party("https://acme.example", Party.Kind.ORGANIZATION, "/bom/metadata/manufacture")),
        metadata.authors(),
        "whitespace around values is not part of them; an author with neither name nor e-mail says nothing");
    assertEquals(Optional.empty(), metadata.timestamp());
    assertEquals("/bom/metadata/timestamp", metadata.timestampPointer());
  }

  @Test
  void nestedDependenciesBecomeEntriesOfTheirOwn() {
    String xml =
        bom(
            "1.6",
            "  <components>\n"
                + "    <component type=\"library\" bom-ref=\"a\"><name>a</name></component>\n"
                + "    <component type=\"library\" bom-ref=\"b\"><name>b</name></component>\n"
                + "    <component type=\"library\" bom-ref=\"c\"><name>c</name></component>\n"
                + "  </components>\n"
                + "  <dependencies>\n"
                + "    <dependency ref=\"a\">\n"
                + "      <dependency ref=\"b\"><dependency ref=\"c\"/></dependency>\n"
                + "      <dependency ref=\"c\"/>\n"
                + "    </dependency>\n"
                + "    <dependency ref=\"c\"/>\n"
                + "  </dependencies>\n");
    SbomReadResult.Parsed result = parsed(read(xml));
    assertEquals(List.of(), result.schemaProblems());
    assertEquals(
        List.of(
            new Dependency("a", List.of("b", "c"), "/bom/dependencies/dependency[1]"),
            new Dependency("b", List.of("c"), "/bom/dependencies/dependency[1]/dependency[1]"),
            new Dependency("c", List.of(), "/bom/dependencies/dependency[2]")),
        result.sbom().dependencies());
  }

  @Test
  void version11WithTheDependencyGraphExtension() {
    String xml =
        "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.1\" xmlns:dg=\"http://cyclonedx.org/schema/ext/dependency-graph/1.0\" version=\"1\">\n"
            + "  <components>\n"
            + "    <component type=\"library\" bom-ref=\"a\"><name>a</name><version>1</version></component>\n"
            + "    <component type=\"library\" bom-ref=\"b\"><name>b</name><version>1</version></component>\n"
            + "  </components>\n"
            + "  <dg:dependencies>\n"
            + "    <dg:dependency ref=\"a\"><dg:dependency ref=\"b\"/></dg:dependency>\n"
            + "  </dg:dependencies>\n"
            + "</bom>\n";
    SbomReadResult.Parsed result = parsed(read(xml));
    assertEquals(List.of(), result.schemaProblems());
    assertEquals("1.1", result.sbom().specVersion());
    assertEquals(
        List.of(new Dependency("a", List.of("b"), "/bom/dg:dependencies/dg:dependency[1]")),
        result.sbom().dependencies());
    assertEquals(Optional.of(new Position(7, 5)), result.sbom().locator().positionOf("/bom/dg:dependencies/dg:dependency[1]"));
  }

  @Test
  void prefixedCycloneDxElementsAndForeignExtensions() {
    String xml =
        "<c:bom xmlns:c=\"http://cyclonedx.org/schema/bom/1.6\" serialNumber=\"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79\">\n"
            + "  <c:components>\n"
            + "    <c:component type=\"library\"><c:name>a</c:name>\n"
            + "      <c:properties><c:property name=\"k\">  spaced value </c:property></c:properties>\n"
            + "      <x:note xmlns:x=\"urn:example:ext\">ignored</x:note>\n"
            + "      <note xmlns=\"urn:example:ext/two\">ignored too</note>\n"
            + "    </c:component>\n"
            + "  </c:components>\n"
            + "</c:bom>\n";
    SbomReadResult.Parsed result = parsed(read(xml));
    assertEquals(List.of(), result.schemaProblems());
    Sbom sbom = result.sbom();
    assertEquals(Optional.of("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79"), sbom.serialNumber());
    Component a = sbom.components().get(0);
    assertEquals("/bom/components/component[1]", a.pointer());
    assertEquals(List.of(Map.entry("k", "  spaced value ")), a.properties(), "property values are kept as written");
    assertEquals(Optional.of(new Position(5, 7)), sbom.locator().positionOf("/bom/components/component[1]/x:note"));
    assertEquals(
        Optional.of(new Position(6, 7)),
        sbom.locator().positionOf("/bom/components/component[1]/Q{urn:example:ext/two}note"));
  }

  @Test
  void unknownNamespaceVersionAndForeignRoot() {
    JsonProblem future = unreadable(read(bom("1.9", "")));
    assertEquals(SbomReader.KEYWORD_UNSUPPORTED_VERSION, future.keyword());
    assertEquals("/bom", future.pointer());
    assertEquals(Optional.of(2), future.position().map(Position::line));
    assertTrue(
        future.message().contains("\"1.9\"") && future.message().endsWith("1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7"),
        future.message());

    JsonProblem notBom = unreadable(read("<metadata xmlns=\"http://cyclonedx.org/schema/bom/1.6\"/>"));
    assertEquals(SbomReader.KEYWORD_UNKNOWN_FORMAT, notBom.keyword());
    assertTrue(notBom.message().contains("<metadata>"), notBom.message());
  }

  @Test
  void concurrentReadsGiveTheSameAnswer() throws Exception {
    byte[] xml = CycloneDxXmlEquivalenceTest.xmlFixture("equivalence-1.6.xml");
    Sbom expected = CycloneDxXmlEquivalenceTest.normalised(parsed(reader.read(xml)).sbom());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<SbomReadResult>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> reader.read(xml)));
      }
      for (Future<SbomReadResult> f : futures) {
        SbomReadResult.Parsed result = parsed(f.get());
        assertEquals(List.of(), result.schemaProblems());
        assertEquals(expected, CycloneDxXmlEquivalenceTest.normalised(result.sbom()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void supportedFormatsMessageNamesXml() {
    assertTrue(SbomReader.SUPPORTED.contains("CycloneDX XML 1.0–1.7"), SbomReader.SUPPORTED);
  }
}
