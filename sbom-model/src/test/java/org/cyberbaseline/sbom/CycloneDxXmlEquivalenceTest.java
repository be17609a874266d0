package org.cyberbaseline.sbom;

import static org.cyberbaseline.sbom.TestSupport.parsed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyberbaseline.schemas.Position;
import org.junit.jupiter.api.Test;

/**
 * The same SBOM written as CycloneDX 1.6 JSON and as CycloneDX 1.6 XML maps to the same model:
 * everything but the pointers (and the format) is equal.
 */
class CycloneDxXmlEquivalenceTest {
  private final SbomReader reader = new SbomReader();

  static byte[] xmlFixture(String name) {
    String resource = "fixturesXml/" + name;
    try (InputStream in = CycloneDxXmlEquivalenceTest.class.getResourceAsStream(resource)) {
      assertNotNull(in, "test resource missing: " + resource);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void jsonAndXmlOfTheSameSbomMapToTheSameModel() {
    SbomReadResult.Parsed json = parsed(reader.read(xmlFixture("equivalence-1.6.json")));
    SbomReadResult.Parsed xml = parsed(reader.read(xmlFixture("equivalence-1.6.xml")));
    assertEquals(List.of(), json.schemaProblems(), "the JSON fixture is schema-valid");
    assertEquals(List.of(), xml.schemaProblems(), "the XML fixture is schema-valid");
    assertEquals(SbomFormat.CYCLONEDX_JSON, json.sbom().format());
    assertEquals(SbomFormat.CYCLONEDX_XML, xml.sbom().format());

    // Not vacuous: the fixture exercises every part of the model.
    Sbom sbom = xml.sbom();
    assertEquals(5, sbom.components().size());
    assertEquals(3, sbom.metadata().tools().size());
    assertEquals(3, sbom.metadata().authors().size());
    assertEquals(2, sbom.metadata().lifecycles().size());
    assertTrue(sbom.metadata().primaryComponent().isPresent());
    assertEquals(3, sbom.dependencies().size());
    assertEquals(2, sbom.compositions().size());
    Component app = sbom.components().get(0);
    assertEquals(2, app.hashes().size());
    assertEquals(List.of("Apache-2.0", "Acme Proprietary License"), app.licenses());
    assertEquals(4, app.properties().size());
    assertEquals(2, app.externalReferences().size());
    assertEquals(2, app.otherIdentifiers().size());
    assertEquals(Optional.of("active"), app.support().levelOfSupport());
    assertEquals(List.of("Zlib OR MIT"), sbom.components().get(4).licenses());
    assertEquals(Optional.of("2031-01-01"), sbom.components().get(4).support().endOfLife());

    assertEquals(normalised(json.sbom()), normalised(xml.sbom()));
  }

  @Test
  void xmlPointersMirrorTheDocumentWhereJsonPointersMirrorTheJson() {
    Sbom json = parsed(reader.read(xmlFixture("equivalence-1.6.json"))).sbom();
    Sbom xml = parsed(reader.read(xmlFixture("equivalence-1.6.xml"))).sbom();
    assertEquals(
        List.of(
            "/components/0",
            "/components/0/components/0",
            "/components/0/components/0/components/0",
            "/components/0/components/1",
            "/components/1"),
        json.components().stream().map(Component::pointer).toList());
    assertEquals(
        List.of(
            "/bom/components/component[1]",
            "/bom/components/component[1]/components/component[1]",
            "/bom/components/component[1]/components/component[1]/components/component[1]",
            "/bom/components/component[1]/components/component[2]",
            "/bom/components/component[2]"),
        xml.components().stream().map(Component::pointer).toList());
    assertEquals("/bom/metadata", xml.metadata().pointer());
    assertEquals("/bom/metadata/timestamp", xml.metadata().timestampPointer());
    assertEquals(
        "/bom/metadata/component[1]",
        xml.metadata().primaryComponent().orElseThrow().pointer(),
        "a list-item name is always indexed, even where it cannot repeat");
    assertEquals(
        List.of(
            "/bom/metadata/authors/author[1]", "/bom/metadata/authors/author[2]", "/bom/metadata/manufacturer"),
        xml.metadata().authors().stream().map(Party::pointer).toList());
    assertEquals(
        List.of(
            "/bom/metadata/tools/components/component[1]",
            "/bom/metadata/tools/components/component[2]",
            "/bom/metadata/tools/services/service[1]"),
        xml.metadata().tools().stream().map(Party::pointer).toList());
    assertEquals(
        List.of("/bom/components/component[1]/hashes/hash[1]", "/bom/components/component[1]/hashes/hash[2]"),
        xml.components().get(0).hashes().stream().map(Hash::pointer).toList());
    assertEquals(
        List.of(
            "/bom/components/component[1]/externalReferences/reference[1]",
            "/bom/components/component[1]/externalReferences/reference[2]"),
        xml.components().get(0).externalReferences().stream().map(ExternalReference::pointer).toList());
    assertEquals(
        List.of("/bom/dependencies/dependency[1]", "/bom/dependencies/dependency[2]", "/bom/dependencies/dependency[3]"),
        xml.dependencies().stream().map(Dependency::pointer).toList());
    assertEquals(
        List.of("/bom/compositions/composition[1]", "/bom/compositions/composition[2]"),
        xml.compositions().stream().map(Composition::pointer).toList());

    // Every pointer the model hands out resolves, in both formats.
    for (Sbom sbom : List.of(json, xml)) {
      for (String pointer : allPointers(sbom)) {
        assertTrue(sbom.locator().positionOf(pointer).isPresent(), sbom.format() + " cannot locate " + pointer);
      }
    }
  }

  @Test
  void exactPositionsAreTheOpeningAngleBracketOfTheStartTag() {
    Sbom xml = parsed(reader.read(xmlFixture("equivalence-1.6.xml"))).sbom();
    SourceLocator locator = xml.locator();
    // line 5: "    <timestamp>2025-01-15T10:00:00Z</timestamp>"
    assertEquals(Optional.of(new Position(5, 5)), locator.positionOf(xml.metadata().timestampPointer()));
    // line 34: "    <component type="application" bom-ref="app">"
    assertEquals(Optional.of(new Position(34, 5)), locator.positionOf(xml.components().get(0).pointer()));
    // line 42: "        <hash alg="SHA-1">...</hash>"
    assertEquals(Optional.of(new Position(42, 9)), locator.positionOf(xml.components().get(0).hashes().get(1).pointer()));
    // line 68, nested two levels deep, after other markup on the line
    assertEquals(Optional.of(new Position(68, 13)), locator.positionOf(xml.components().get(2).pointer()));
    // line 91: the second dependency
    assertEquals(Optional.of(new Position(91, 5)), locator.positionOf(xml.dependencies().get(1).pointer()));
    // the root, by "" and by name; an attribute resolves to its element
    assertEquals(Optional.of(new Position(3, 1)), locator.positionOf(""));
    assertEquals(Optional.of(new Position(3, 1)), locator.positionOf("/bom"));
    assertEquals(Optional.of(new Position(34, 5)), locator.positionOf("/bom/components/component[1]/@bom-ref"));
    // "[1]" may be left out; a missing element has no position
    assertEquals(Optional.of(new Position(34, 5)), locator.positionOf("/bom/components/component"));
    assertEquals(Optional.empty(), locator.positionOf("/bom/components/component[3]"));
    assertEquals(Optional.empty(), locator.positionOf("/components/0"));
    assertEquals(Optional.empty(), locator.positionOf("bom"));
  }

  private static List<String> allPointers(Sbom sbom) {
    List<String> out = new ArrayList<>();
    SbomMetadata m = sbom.metadata();
    m.authors().forEach(p -> out.add(p.pointer()));
    m.tools().forEach(p -> out.add(p.pointer()));
    List<Component> components = new ArrayList<>(sbom.components());
    m.primaryComponent().ifPresent(components::add);
    for (Component c : components) {
      out.add(c.pointer());
      c.hashes().forEach(h -> out.add(h.pointer()));
      c.externalReferences().forEach(r -> out.add(r.pointer()));
    }
    sbom.dependencies().forEach(d -> out.add(d.pointer()));
    sbom.compositions().forEach(c -> out.add(c.pointer()));
    out.add(m.pointer());
    out.add(m.timestampPointer());
    return out;
  }

  /** The SBOM with every pointer blanked, the locator dropped and the format fixed. */
  static Sbom normalised(Sbom s) {
    SbomMetadata m = s.metadata();
    return new Sbom(
        SbomFormat.CYCLONEDX_JSON,
        s.specVersion(),
        s.serialNumber(),
        new SbomMetadata(
            m.timestamp(),
            "",
            m.authors().stream().map(p -> new Party(p.name(), p.kind(), "")).toList(),
            m.tools().stream().map(p -> new Party(p.name(), p.kind(), "")).toList(),
            m.primaryComponent().map(CycloneDxXmlEquivalenceTest::normalised),
            m.lifecycles(),
            ""),
        s.components().stream().map(CycloneDxXmlEquivalenceTest::normalised).toList(),
        s.dependencies().stream().map(d -> new Dependency(d.ref(), d.dependsOn(), "")).toList(),
        s.compositions().stream().map(c -> new Composition(c.aggregate(), c.assemblies(), "")).toList(),
        SourceLocator.NONE);
  }

  private static Component normalised(Component c) {
    return new Component(
        "",
        c.ref(),
        c.type(),
        c.name(),
        c.version(),
        c.supplier(),
        c.purl(),
        c.cpe(),
        c.swidTagId(),
        c.otherIdentifiers(),
        c.hashes().stream().map(h -> new Hash(h.algorithm(), h.content(), "")).toList(),
        c.licenses(),
        c.properties(),
        c.nestingDepth(),
        c.manufacturer(),
        c.scope(),
        c.externalReferences().stream().map(r -> new ExternalReference(r.type(), r.url(), "")).toList(),
        c.support());
  }
}
