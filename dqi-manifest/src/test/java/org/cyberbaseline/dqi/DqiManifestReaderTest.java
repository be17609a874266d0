package org.cyberbaseline.dqi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.Position;
import org.junit.jupiter.api.Test;

class DqiManifestReaderTest {
  private final DqiManifestReader reader = new DqiManifestReader();

  private static byte[] example() throws Exception {
    Path root = Path.of(System.getProperty("cyberbaseline.repoRoot", ".."));
    return Files.readAllBytes(root.resolve("examples/infusion-pump/dqi/dqi-manifest.json"));
  }

  private DqiReadResult read(String json) {
    return reader.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsTheExampleManifestCompletelyAndValid() throws Exception {
    DqiReadResult.Parsed parsed = assertInstanceOf(DqiReadResult.Parsed.class, reader.read(example()));
    assertEquals(List.of(), parsed.schemaProblems());
    DqiManifest m = parsed.manifest();
    assertEquals("1.0", m.manifestVersion());
    assertEquals(Optional.of("VF-200"), m.device().model());
    assertEquals(Optional.of(true), m.dqi().supported());
    DqiManifest.Interface https = m.dqi().interfaces().get(0);
    assertEquals(Optional.of(8443), https.port());
    assertEquals(Optional.of("1.2"), https.transport().orElseThrow().tlsMinVersion());
    assertEquals(8, m.dqi().queries().size());
    assertEquals(Optional.of("software-inventory"), m.dqi().queries().get(1).category());
    assertEquals(Optional.of(5.0), m.dqi().isolation().orElseThrow().resourceLimits().orElseThrow().cpuPercentMax());
    assertEquals(Optional.of(List.of()), m.dqi().authentication().orElseThrow().unauthenticatedOperations());
    assertTrue(parsed.positionOf("/dqi/queries/1/formats").isPresent());
  }

  @Test
  void writerOutputReadsBackEqualAndIsStable() throws Exception {
    DqiManifest m = ((DqiReadResult.Parsed) reader.read(example())).manifest();
    byte[] written = DqiManifestWriter.toBytes(m);
    DqiReadResult.Parsed again = assertInstanceOf(DqiReadResult.Parsed.class, reader.read(written));
    assertEquals(List.of(), again.schemaProblems());
    assertEquals(m, again.manifest());
    assertEquals(new String(written, StandardCharsets.UTF_8), DqiManifestWriter.toJson(again.manifest()));
  }

  @Test
  void aManifestBuiltInJavaIsSchemaValid() {
    DqiManifest built = new DqiManifest("1.0",
        new DqiManifest.Device(Optional.of("M"), Optional.of("X-1"), Optional.empty(), Optional.of("2.0"), Optional.empty(), Optional.empty()),
        new DqiManifest.Dqi(Optional.of(true), Optional.of("1.0"), Optional.of("disabled"), Optional.of(true), List.of(),
            Optional.empty(), Optional.empty(),
            Optional.of(new DqiManifest.ReadOnly(Optional.of(true), Optional.of("GET only"), List.of())),
            Optional.empty(), Optional.empty(),
            List.of(new DqiManifest.Query(Optional.of("id"), Optional.of("device-identity"), Optional.of("GET /id"),
                List.of("application/json"), Optional.of("live"), Optional.of(false), Optional.empty(), Optional.of(true), Optional.of(true))),
            List.of(), Optional.empty(), Optional.empty()));
    DqiReadResult.Parsed parsed = assertInstanceOf(DqiReadResult.Parsed.class, reader.read(DqiManifestWriter.toBytes(built)));
    assertEquals(List.of(), parsed.schemaProblems());
    assertEquals(built, parsed.manifest());
  }

  @Test
  void anUnknownVersionNamesTheSupportedVersions() {
    JsonProblem p = assertInstanceOf(DqiReadResult.Unreadable.class,
        read("{\n  \"dqiManifestVersion\": \"2.0\",\n  \"device\": {}, \"dqi\": {}\n}")).problem();
    assertEquals("/dqiManifestVersion", p.pointer());
    assertEquals(Optional.of(new Position(2, 25)), p.position());
    assertTrue(p.message().contains("\"2.0\" is not supported") && p.message().contains("1.0"), p.message());
  }

  @Test
  void badInputIsAProblemNeverAnException() {
    assertEquals("syntax", assertInstanceOf(DqiReadResult.Unreadable.class, read("{\"dqiManifestVersion\": \"1.0\", ")).problem().keyword());
    assertTrue(assertInstanceOf(DqiReadResult.Unreadable.class, read("[1, 2]")).problem().message().contains("not a JSON object"));
    assertTrue(assertInstanceOf(DqiReadResult.Unreadable.class, read("{\"device\": {}}")).problem().message().contains("no dqiManifestVersion"));
    String deep = "{\"dqiManifestVersion\": \"1.0\", \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
    assertInstanceOf(DqiReadResult.Unreadable.class, read(deep));
    assertInstanceOf(DqiReadResult.Unreadable.class, read("{\"a\": 1, \"a\": 2}"));
  }

  @Test
  void wrongTypesAreSchemaProblemsAndReadAsAbsent() {
    DqiReadResult.Parsed parsed = assertInstanceOf(DqiReadResult.Parsed.class, read(
        "{\"dqiManifestVersion\": \"1.0\", \"device\": {\"manufacturer\": \"M\", \"model\": 7, \"softwareVersion\": \"1\"},\n"
            + " \"dqi\": {\"supported\": \"yes\", \"interfaces\": [ 3, {\"id\": \"i\", \"protocol\": \"https\", \"port\": 70000} ]}}"));
    assertEquals(Optional.empty(), parsed.manifest().device().model());
    assertEquals(Optional.empty(), parsed.manifest().dqi().supported());
    assertEquals(2, parsed.manifest().dqi().interfaces().size(), "indexes stay pointers");
    assertEquals(Optional.of(70000), parsed.manifest().dqi().interfaces().get(1).port());
    List<String> pointers = parsed.schemaProblems().stream().map(JsonProblem::pointer).toList();
    assertTrue(pointers.containsAll(List.of("/device/model", "/dqi/supported", "/dqi/interfaces/0", "/dqi/interfaces/1/port")), pointers.toString());
  }
}
