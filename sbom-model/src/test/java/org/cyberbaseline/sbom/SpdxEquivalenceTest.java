package org.cyberbaseline.sbom;

import static org.cyberbaseline.sbom.SpdxTestSupport.spdxFixture;
import static org.cyberbaseline.sbom.SpdxTestSupport.spdxFixtureText;
import static org.cyberbaseline.sbom.TestSupport.parsed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cyberbaseline.schemas.Position;
import org.junit.jupiter.api.Test;

/**
 * One SBOM (an infusion-pump controller and five components) written by hand as SPDX 2.3 JSON,
 * SPDX 2.3 tag-value, SPDX 2.3 YAML and CycloneDX 1.6 JSON. The three SPDX serialisations must map
 * to the same model; the CycloneDX one must agree on the NTIA fields.
 */
class SpdxEquivalenceTest {
  private static final SbomReader READER = new SbomReader();

  private static SbomReadResult.Parsed read(String fixture) {
    return parsed(READER.read(spdxFixture(fixture)));
  }

  @Test
  void jsonTagValueAndYamlMapToTheSameModel() {
    SbomReadResult.Parsed json = read("equivalence-sbom.spdx.json");
    SbomReadResult.Parsed tagValue = read("equivalence-sbom.spdx");
    SbomReadResult.Parsed yaml = read("equivalence-sbom.spdx.yaml");
    assertEquals(List.of(), json.schemaProblems(), "the fixture is conformant (java-spdx-library verify)");
    assertEquals(List.of(), tagValue.schemaProblems());
    assertEquals(List.of(), yaml.schemaProblems());
    assertEquals(SbomFormat.SPDX_JSON, json.sbom().format());
    assertEquals(SbomFormat.SPDX_TAG_VALUE, tagValue.sbom().format());
    assertEquals(SbomFormat.SPDX_JSON, yaml.sbom().format(), "SbomFormat has no YAML constant");

    // Not vacuous: the fixture exercises every part of the mapping.
    Sbom sbom = json.sbom();
    assertEquals(5, sbom.components().size());
    assertEquals(6, sbom.dependencies().size());
    assertEquals(2, sbom.compositions().size());
    assertEquals(2, sbom.metadata().authors().size());
    assertEquals(1, sbom.metadata().tools().size());
    assertTrue(sbom.metadata().primaryComponent().isPresent());
    assertTrue(sbom.components().stream().anyMatch(c -> !c.properties().isEmpty()));
    assertTrue(sbom.components().stream().anyMatch(c -> c.support().endOfSupport().isPresent()));
    assertTrue(sbom.components().stream().anyMatch(c -> !c.otherIdentifiers().isEmpty()));

    // The tag-value reader builds the tree the JSON form would have, so even the pointers agree;
    // only the locator (which line and column each pointer is at) differs.
    for (SbomReadResult.Parsed other : List.of(tagValue, yaml)) {
      Sbom o = other.sbom();
      assertEquals(sbom.specVersion(), o.specVersion());
      assertEquals(sbom.serialNumber(), o.serialNumber());
      assertEquals(sbom.metadata(), o.metadata());
      assertEquals(sbom.components(), o.components());
      assertEquals(sbom.dependencies(), o.dependencies());
      assertEquals(sbom.compositions(), o.compositions());
    }
  }

  @Test
  void tagValuePointersAreLocatedAtTheirTagLines() {
    Sbom sbom = read("equivalence-sbom.spdx").sbom();
    List<String> lines = spdxFixtureText("equivalence-sbom.spdx").lines().toList();
    for (Component c : allComponents(sbom)) {
      assertEquals("PackageName: " + c.name().orElseThrow(), lineAt(lines, sbom, c.pointer()), c.pointer());
      assertEquals("PackageVersion: " + c.version().orElseThrow(), lineAt(lines, sbom, c.pointer() + "/versionInfo"));
      assertTrue(lineAt(lines, sbom, c.pointer() + "/supplier").startsWith("PackageSupplier: "));
      for (Hash h : c.hashes()) {
        assertTrue(lineAt(lines, sbom, h.pointer()).endsWith(h.content()), h.pointer());
      }
    }
    for (Dependency d : sbom.dependencies()) {
      String line = lineAt(lines, sbom, d.pointer());
      assertTrue(line.startsWith("Relationship: "), line);
      assertTrue(line.contains(d.ref()) && line.contains(d.dependsOn().get(0)), line);
    }
    assertEquals(
        "Relationship: SPDXRef-Package-bsp DEPENDS_ON NOASSERTION", lineAt(lines, sbom, sbom.compositions().get(1).pointer()));
    assertEquals("Created: 2025-03-14T09:26:53Z", lineAt(lines, sbom, sbom.metadata().timestampPointer()));
    assertEquals("Creator: Tool: syft-1.4.1", lineAt(lines, sbom, sbom.metadata().tools().get(0).pointer()));
    assertEquals(
        "AnnotationComment: <text>level of support: security fixes only</text>",
        lineAt(lines, sbom, "/packages/1/annotations/0/comment"));
  }

  @Test
  void jsonPointersAreLocatedAtTheirValues() {
    Sbom json = read("equivalence-sbom.spdx.json").sbom();
    Sbom tagValue = read("equivalence-sbom.spdx").sbom();
    List<String> lines = spdxFixtureText("equivalence-sbom.spdx.json").lines().toList();
    for (Component c : json.components()) {
      Position p = json.locator().positionOf(c.pointer()).orElseThrow();
      assertEquals('{', lines.get(p.line() - 1).charAt(p.column() - 1), c.pointer());
      assertTrue(lineAt(lines, json, c.pointer() + "/name").contains("\"name\": \"" + c.name().orElseThrow() + "\""));
      assertNotEquals(json.locator().positionOf(c.pointer()), tagValue.locator().positionOf(c.pointer()));
    }
    for (Dependency d : json.dependencies()) {
      assertTrue(lineAt(lines, json, d.pointer()).contains("\"relationshipType\""), d.pointer());
    }
  }

  /** The NTIA minimum elements, as CycloneDX and SPDX both can state them. */
  record Ntia(
      String name,
      Optional<String> version,
      Optional<String> supplier,
      Optional<String> purl,
      Optional<String> cpe,
      Set<String> hashes) {}

  @Test
  void cycloneDxOfTheSameSbomAgreesOnTheNtiaFields() {
    SbomReadResult.Parsed cdx = read("equivalence-sbom.cdx.json");
    assertEquals(List.of(), cdx.schemaProblems(), "the CycloneDX fixture is schema-valid");
    for (String spdx : List.of("equivalence-sbom.spdx.json", "equivalence-sbom.spdx", "equivalence-sbom.spdx.yaml")) {
      Sbom s = read(spdx).sbom();
      Sbom c = cdx.sbom();
      assertEquals(ntia(c.metadata().primaryComponent().orElseThrow()), ntia(s.metadata().primaryComponent().orElseThrow()), spdx);
      assertEquals(ntiaSet(c.components()), ntiaSet(s.components()), spdx);
      assertEquals(edges(c), edges(s), spdx);
      assertEquals(c.metadata().timestamp(), s.metadata().timestamp(), spdx);
      assertEquals(names(c.metadata().authors()), names(s.metadata().authors()), spdx);
      assertEquals(
          c.components().stream().map(Component::otherIdentifiers).toList(),
          s.components().stream().map(Component::otherIdentifiers).toList(),
          "swhid written the CycloneDX way");
    }
    assertTrue(edges(cdx.sbom()).size() >= 6, "not vacuous: " + edges(cdx.sbom()));
  }

  private static Ntia ntia(Component c) {
    return new Ntia(
        c.name().orElseThrow(),
        c.version(),
        // CycloneDX states an unknown supplier by leaving it out; SPDX writes NOASSERTION.
        c.supplier().filter(s -> !s.equals("NOASSERTION")),
        c.purl(),
        c.cpe(),
        c.hashes().stream().map(h -> h.algorithm() + ":" + h.content()).collect(Collectors.toSet()));
  }

  private static Set<Ntia> ntiaSet(List<Component> components) {
    return components.stream().map(SpdxEquivalenceTest::ntia).collect(Collectors.toSet());
  }

  /** Dependency edges as "from-name -> to-name": refs differ between the formats, names do not. */
  private static Set<String> edges(Sbom sbom) {
    Map<String, String> nameByRef = new HashMap<>();
    for (Component c : allComponents(sbom)) {
      nameByRef.put(c.ref().orElseThrow(), c.name().orElseThrow());
    }
    Set<String> out = new TreeSet<>();
    for (Dependency d : sbom.dependencies()) {
      for (String target : d.dependsOn()) {
        out.add(nameByRef.get(d.ref()) + " -> " + nameByRef.get(target));
      }
    }
    return out;
  }

  private static Set<String> names(List<Party> parties) {
    Set<String> out = new HashSet<>();
    parties.forEach(p -> out.add(p.name()));
    return out;
  }

  private static List<Component> allComponents(Sbom sbom) {
    List<Component> all = new ArrayList<>();
    sbom.metadata().primaryComponent().ifPresent(all::add);
    all.addAll(sbom.components());
    return all;
  }

  private static String lineAt(List<String> lines, Sbom sbom, String pointer) {
    Position p = sbom.locator().positionOf(pointer).orElseThrow(() -> new AssertionError("no position for " + pointer));
    return lines.get(p.line() - 1).strip();
  }
}
