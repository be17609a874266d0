package org.cyberbaseline.sbom;

import static org.cyberbaseline.sbom.TestSupport.fixture;
import static org.cyberbaseline.sbom.TestSupport.parsed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.Position;
import org.junit.jupiter.api.Test;

/** Exact values mapped from hand-written CycloneDX fixtures, one per style of the spec. */
class CycloneDxMappingTest {
  private final SbomReader reader = new SbomReader();

  @Test
  void legacyToolsArrayDocument() {
    SbomReadResult.Parsed result = parsed(reader.read(fixture("cdx-1.4-tools-array.json")));
    assertEquals(List.of(), result.schemaProblems(), "fixture is schema-valid CycloneDX 1.4");
    Sbom sbom = result.sbom();

    assertEquals(SbomFormat.CYCLONEDX_JSON, sbom.format());
    assertEquals("1.4", sbom.specVersion());
    assertEquals(Optional.of("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79"), sbom.serialNumber());

    SbomMetadata metadata = sbom.metadata();
    assertEquals("/metadata", metadata.pointer());
    assertEquals(Optional.of("2024-03-01T10:15:30Z"), metadata.timestamp());
    assertEquals("/metadata/timestamp", metadata.timestampPointer());
    assertEquals(
        List.of(
            new Party("cyclonedx-maven-plugin 2.7.9", Party.Kind.TOOL, "/metadata/tools/0"),
            new Party("Acme Tools Inc", Party.Kind.TOOL, "/metadata/tools/1"),
            new Party("hand-edit", Party.Kind.TOOL, "/metadata/tools/2")),
        metadata.tools());
    assertEquals(
        List.of(
            new Party("Jane Doe", Party.Kind.PERSON, "/metadata/authors/0"),
            new Party("sbom-team@example.com", Party.Kind.PERSON, "/metadata/authors/1"),
            new Party("Acme Medical Devices", Party.Kind.ORGANIZATION, "/metadata/manufacture")),
        metadata.authors(),
        "authors and the 1.2-1.5 'manufacture'; metadata.supplier is not an author");
    assertEquals(List.of(), metadata.lifecycles());

    Component primary = metadata.primaryComponent().orElseThrow();
    assertEquals("/metadata/component", primary.pointer());
    assertEquals(0, primary.nestingDepth());
    assertEquals(Optional.of("device-fw"), primary.ref());
    assertEquals(Optional.of("firmware"), primary.type());
    assertEquals("Infusion Pump Firmware@4.2.0", primary.label());

    List<Component> components = sbom.components();
    assertEquals(
        List.of(
            "/components/0",
            "/components/0/components/0",
            "/components/0/components/0/components/0",
            "/components/0/components/1",
            "/components/1"),
        components.stream().map(Component::pointer).toList(),
        "nested components flattened parent-first; metadata.component's children are not included");
    assertEquals(List.of(0, 1, 2, 1, 0), components.stream().map(Component::nestingDepth).toList());
    assertEquals(
        List.of("app", "nested-a", "nested-a-x", "nested-b", "zlib"),
        components.stream().map(c -> c.name().orElseThrow()).toList());

    Component app = components.get(0);
    assertEquals(Optional.of("pkg:maven/org.example/app@1.0"), app.ref());
    assertEquals(Optional.of("application"), app.type());
    assertEquals(Optional.of("1.0"), app.version());
    assertEquals(Optional.of("Example Org"), app.supplier());
    assertEquals(Optional.of("pkg:maven/org.example/app@1.0"), app.purl());
    assertEquals(Optional.of("cpe:2.3:a:example:app:1.0:*:*:*:*:*:*:*"), app.cpe());
    assertEquals(Optional.of("swidgen-app-1.0"), app.swidTagId());
    assertEquals(List.of(), app.otherIdentifiers());
    assertEquals(
        List.of(
            new Hash(
                "SHA-256",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                "/components/0/hashes/0"),
            new Hash("MD5", "098f6bcd4621d373cade4e832627b4f6", "/components/0/hashes/1")),
        app.hashes());
    assertEquals(List.of("Apache-2.0", "Acme Proprietary License"), app.licenses());
    assertEquals(
        List.of(
            Map.entry("End-of-Support", "2030-12-31"),
            Map.entry("Level of Support", "Active"),
            Map.entry("End-of-Support", "2031-06-30")),
        app.properties());
    assertEquals(List.of("2030-12-31", "2031-06-30"), app.property("End-of-Support"));

    Component nestedLeaf = components.get(2);
    assertEquals(Optional.empty(), nestedLeaf.version());
    assertEquals(Optional.empty(), nestedLeaf.supplier(), "supplier is not inherited from the parent");
    assertEquals(List.of("MIT OR Apache-2.0"), components.get(3).licenses());

    Component zlib = components.get(4);
    assertEquals(Optional.empty(), zlib.supplier());
    assertEquals(List.of(), zlib.hashes());

    assertEquals(
        List.of(
            new Dependency("device-fw", List.of("pkg:maven/org.example/app@1.0"), "/dependencies/0"),
            new Dependency(
                "pkg:maven/org.example/app@1.0", List.of("nested-a", "nested-b", "zlib"), "/dependencies/1"),
            new Dependency("zlib", List.of(), "/dependencies/2")),
        sbom.dependencies());
    assertEquals(
        List.of(
            new Composition("complete", List.of("pkg:maven/org.example/app@1.0"), "/compositions/0"),
            new Composition("unknown", List.of(), "/compositions/1")),
        sbom.compositions());
  }

  @Test
  void positionsAreLineAndColumnOfTheValue() {
    Sbom sbom = parsed(reader.read(fixture("cdx-1.4-tools-array.json"))).sbom();
    assertEquals(Optional.of(new Position(7, 18)), sbom.locator().positionOf(sbom.metadata().timestampPointer()));
    assertEquals(Optional.of(new Position(65, 13)), sbom.locator().positionOf(sbom.components().get(2).pointer()));
    assertEquals(
        Optional.of(new Position(47, 9)), sbom.locator().positionOf(sbom.components().get(0).hashes().get(1).pointer()));
    assertEquals(Optional.of(new Position(86, 5)), sbom.locator().positionOf(sbom.dependencies().get(2).pointer()));
    assertEquals(Optional.of(new Position(77, 18)), sbom.locator().positionOf("/components/1/bom-ref"));
  }

  @Test
  void toolsObjectStyleAndLifecycles() {
    SbomReadResult.Parsed result = parsed(reader.read(fixture("cdx-1.5-tools-object.json")));
    assertEquals(List.of(), result.schemaProblems(), "fixture is schema-valid CycloneDX 1.5");
    Sbom sbom = result.sbom();
    assertEquals("1.5", sbom.specVersion());
    assertEquals(Optional.empty(), sbom.serialNumber());
    assertEquals(Optional.empty(), sbom.metadata().timestamp());
    assertEquals("/metadata/timestamp", sbom.metadata().timestampPointer(), "where it would be");
    assertEquals(Optional.empty(), sbom.metadata().primaryComponent());
    assertEquals(
        List.of(
            new Party("cyclonedx-npm 1.19.3", Party.Kind.TOOL, "/metadata/tools/components/0"),
            new Party("cyclonedx-library", Party.Kind.TOOL, "/metadata/tools/components/1"),
            new Party("sbom-enrichment-service 2024.1", Party.Kind.TOOL, "/metadata/tools/services/0")),
        sbom.metadata().tools());
    assertEquals(
        List.of(new Party("John Roe", Party.Kind.PERSON, "/metadata/authors/0")), sbom.metadata().authors());
    assertEquals(List.of("build", "device-integration"), sbom.metadata().lifecycles());
    Component lodash = sbom.components().get(0);
    assertEquals("lodash@4.17.21", lodash.label());
    assertEquals("SHA-512", lodash.hashes().get(0).algorithm());
    assertEquals(List.of("node_modules/lodash"), lodash.property("cdx:npm:package:path"));
  }

  @Test
  void manufacturerIsAnAuthorButSupplierIsNot() {
    SbomReadResult.Parsed result = parsed(reader.read(fixture("cdx-1.6-manufacturer.json")));
    assertEquals(List.of(), result.schemaProblems(), "fixture is schema-valid CycloneDX 1.6");
    Sbom sbom = result.sbom();
    assertEquals(
        List.of(new Party("Acme Medical Devices", Party.Kind.ORGANIZATION, "/metadata/manufacturer")),
        sbom.metadata().authors());
    assertEquals(List.of(new Party("syft 1.4.1", Party.Kind.TOOL, "/metadata/tools/components/0")), sbom.metadata().tools());
    assertEquals(Optional.of("device"), sbom.metadata().primaryComponent().orElseThrow().type());

    Component openssl = sbom.components().get(0);
    assertEquals(Optional.empty(), openssl.supplier(), "a component's manufacturer is not its supplier");
    assertEquals(
        List.of(
            "omniborId:gitoid:blob:sha1:261eeb9e9f8b2b4b0d119366dda99c6fd7d35c64",
            "swhid:swh:1:cnt:94a9ed024d3859793618152ea559a168bbcbb5e2"),
        openssl.otherIdentifiers());
    assertEquals(List.of("Apache-2.0"), openssl.licenses());
  }

  @Test
  void cycloneDx17IsReadAndValidated() {
    SbomReadResult.Parsed result = parsed(reader.read(fixture("cdx-1.7-minimal.json")));
    assertEquals(List.of(), result.schemaProblems());
    assertEquals("1.7", result.sbom().specVersion());
    assertEquals(Optional.of("pkg:generic/curl@8.11.0"), result.sbom().components().get(0).purl());
    assertEquals(List.of(new Dependency("c1", List.of(), "/dependencies/0")), result.sbom().dependencies());
    assertEquals(
        List.of(new Party("Release Engineering", Party.Kind.PERSON, "/metadata/authors/0")),
        result.sbom().metadata().authors());
  }

  @Test
  void wrongTypedMembersAreAbsentAndReportedBySchema() {
    SbomReadResult.Parsed result = parsed(reader.read(fixture("cdx-1.6-odd-types.json")));
    Sbom sbom = result.sbom();
    assertEquals(Optional.empty(), sbom.serialNumber());
    assertEquals(Optional.empty(), sbom.metadata().timestamp());
    assertEquals(List.of(), sbom.metadata().authors());
    assertEquals(List.of(), sbom.metadata().tools());
    assertEquals(Optional.empty(), sbom.metadata().primaryComponent());
    assertEquals(List.of(), sbom.metadata().lifecycles());

    assertEquals(
        List.of("/components/0", "/components/2"), sbom.components().stream().map(Component::pointer).toList());
    Component first = sbom.components().get(0);
    assertEquals(Optional.empty(), first.name());
    assertEquals(Optional.empty(), first.version());
    assertEquals(List.of(), first.hashes());
    assertEquals(List.of(), first.licenses());
    assertEquals(List.of(Map.entry("only-name", "")), first.properties());
    assertEquals(Optional.empty(), sbom.components().get(1).supplier());

    assertEquals(List.of(new Dependency("ok", List.of("zlib"), "/dependencies/1")), sbom.dependencies());
    assertEquals(List.of(new Composition("incomplete", List.of(), "/compositions/1")), sbom.compositions());

    List<String> pointers = result.schemaProblems().stream().map(JsonProblem::pointer).toList();
    for (String expected :
        List.of("/serialNumber", "/metadata/timestamp", "/metadata/authors", "/components/0/name", "/components/1")) {
      assertTrue(pointers.contains(expected), expected + " not among " + pointers);
    }
    assertTrue(result.schemaProblems().stream().allMatch(p -> p.position().isPresent()));
  }

  @Test
  void containersOfTheWrongTypeYieldAnEmptyModel() {
    SbomReadResult.Parsed result = parsed(reader.read(fixture("cdx-1.6-components-object.json")));
    assertEquals(List.of(), result.sbom().components());
    assertEquals(List.of(), result.sbom().dependencies());
    assertEquals(List.of(), result.sbom().compositions());
    assertEquals(List.of(), result.sbom().metadata().authors());
    List<String> pointers = result.schemaProblems().stream().map(JsonProblem::pointer).toList();
    assertTrue(pointers.contains("/components"), pointers.toString());
    assertTrue(pointers.contains("/metadata"), pointers.toString());
    assertFalse(result.schemaProblems().isEmpty());
  }
}
