package org.cyberbaseline.threatmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.Position;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ThreatModelReaderTest {
  private final ThreatModelReader reader = new ThreatModelReader();

  static Path repoRoot() {
    return Path.of(System.getProperty("cyberbaseline.repoRoot", "..")).toAbsolutePath().normalize();
  }

  private ThreatModelReadResult read(String text) {
    return reader.read(text.getBytes(StandardCharsets.UTF_8));
  }

  private static final String NATIVE = """
      {
        "threatModelFormat": "1.0",
        "project": { "id": "p", "name": "P", "manufacturer": "M", "model": "X-1", "softwareVersion": "2.0" },
        "methodology": { "name": "STRIDE", "rationale": "per element" },
        "trustZones": [ { "id": "z-dev", "name": "Device", "trustRating": 90 }, { "id": "z-lan", "name": "LAN", "trustRating": 10 } ],
        "components": [
          { "id": "fw", "name": "Firmware", "trustZone": "z-dev", "sbomRefs": ["pkg:generic/m/fw@2.0"],
            "interfaces": [ { "id": "jtag", "kind": "debug", "used": false, "state": "disabled" } ], "views": ["global-system"] },
          { "id": "app", "name": "App", "trustZone": "z-lan", "external": true }
        ],
        "dataflows": [ { "id": "df", "source": "app", "destination": "fw", "carries": ["commands"], "views": ["security-use-case"] } ],
        "threats": [ { "id": "t1", "name": "Spoofed command", "stride": ["spoofing"], "targets": ["df", "ghost"],
                       "mitigations": ["m1"], "lifecyclePhase": "interoperation", "severity": "serious",
                       "exploitabilityPre": "high", "exploitabilityPost": "low" } ],
        "mitigations": [ { "id": "m1", "name": "mTLS", "controlCategories": ["authentication", "updatability-patchability"] } ],
        "views": [ { "id": "v-g", "type": "global-system", "elements": ["app"] } ],
        "omittedViews": [ { "type": "multi-patient-harm", "rationale": "single patient device" } ]
      }
      """;

  @Test
  void readsTheNativeFormatWithPointersAndCanonicalVocabularies() {
    ThreatModelReadResult.Parsed parsed = assertInstanceOf(ThreatModelReadResult.Parsed.class, read(NATIVE));
    assertEquals(List.of(), parsed.schemaProblems());
    ThreatModel m = parsed.model();
    assertEquals(ThreatModel.SourceFormat.CYBER_BASELINE, m.format());
    assertEquals(Optional.of("X-1"), m.project().model());
    assertEquals(List.of("authentication", "firmware-software-updates"), m.mitigations().get(0).controlCategories());
    assertEquals(List.of("spoofing"), m.threats().get(0).stride());
    assertEquals("/components/0/interfaces/0", m.components().get(0).interfaces().get(0).pointer());
    // The declared global view gains the tagged firmware; the tagged use-case view is created.
    assertEquals(List.of("app", "fw"), m.views().get(0).elements());
    assertEquals("security-use-case", m.views().get(1).type());
    assertEquals("/dataflows/0/views", m.views().get(1).pointer());
    assertTrue(m.references().contains(new ThreatModel.Reference("ghost", "/threats/0/targets/1",
        List.of(ThreatModel.Kind.COMPONENT, ThreatModel.Kind.INTERFACE, ThreatModel.Kind.DATAFLOW))));
    assertEquals("/threats/0/exploitabilityPre", m.fieldPointer("/threats/0", ThreatModel.Field.EXPLOITABILITY_PRE));
    assertTrue(parsed.positionOf("/threats/0/targets/1").isPresent());
  }

  @Test
  void readsTheExampleOtmWithFdaAttributes() throws Exception {
    byte[] bytes = Files.readAllBytes(repoRoot().resolve("examples/infusion-pump/threat-model/threat-model.otm.json"));
    ThreatModelReadResult.Parsed parsed = assertInstanceOf(ThreatModelReadResult.Parsed.class, reader.read(bytes));
    assertEquals(List.of(), parsed.schemaProblems());
    ThreatModel m = parsed.model();
    assertEquals(ThreatModel.SourceFormat.OTM, m.format());
    assertEquals(Optional.of("VF-200"), m.project().model());
    ThreatModel.Threat spoofed = m.threats().stream().filter(t -> t.id().equals("t-spoofed-infusion-order")).findFirst().orElseThrow();
    assertEquals(List.of("spoofing", "tampering"), spoofed.stride());
    assertTrue(spoofed.targets().contains("df-app-pump"), spoofed.targets().toString());
    assertTrue(spoofed.mitigations().contains("m-mutual-tls"));
    assertEquals(Optional.of("interoperation"), spoofed.lifecyclePhase());
    ThreatModel.Mitigation tls = m.mitigations().stream().filter(x -> x.id().equals("m-mutual-tls")).findFirst().orElseThrow();
    assertEquals(List.of("authentication", "cryptography", "confidentiality"), tls.controlCategories());
    assertEquals("/project/attributes/fda:residualRiskConclusion", m.fieldPointer("", ThreatModel.Field.RESIDUAL_RISK_CONCLUSION));
    assertEquals("/threats/0/attributes/fda:severity", m.fieldPointer("/threats/0", ThreatModel.Field.SEVERITY));
  }

  @Test
  void unknownVersionsNameTheSupportedOnes() {
    JsonProblem p = assertInstanceOf(ThreatModelReadResult.Unreadable.class,
        read("{\n  \"threatModelFormat\": \"2.0\", \"project\": {}\n}")).problem();
    assertEquals("/threatModelFormat", p.pointer());
    assertEquals(Optional.of(new Position(2, 24)), p.position());
    assertTrue(p.message().contains("\"2.0\" is not supported") && p.message().contains("1.0"), p.message());
    JsonProblem otm = assertInstanceOf(ThreatModelReadResult.Unreadable.class,
        read("{\"otmVersion\": \"9.9.9\", \"project\": {\"id\": \"a\", \"name\": \"b\"}}")).problem();
    assertTrue(otm.message().contains("0.1.0, 0.2.0"), otm.message());
  }

  @Test
  void otherFormatsAndBadInputAreNamedNeverThrown() {
    assertTrue(assertInstanceOf(ThreatModelReadResult.Unreadable.class,
        read("{\"summary\": {}, \"detail\": {}}")).problem().message().contains("Threat Dragon"));
    assertTrue(assertInstanceOf(ThreatModelReadResult.Unreadable.class,
        read("threagile_version: 1.0.0\ntitle: x\n")).problem().message().contains("Threagile"));
    assertEquals("syntax", assertInstanceOf(ThreatModelReadResult.Unreadable.class, read("{\"otmVersion\": ")).problem().keyword());
    assertInstanceOf(ThreatModelReadResult.Unreadable.class, read("a: &a [*a, *a]\nb: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]"));
    assertInstanceOf(ThreatModelReadResult.Unreadable.class, read("[" .repeat(10000)));
    assertInstanceOf(ThreatModelReadResult.Unreadable.class, read("- 1\n- 2\n"));
    assertInstanceOf(ThreatModelReadResult.Unreadable.class, read(""));
  }

  @Test
  void yamlOtmIsRead() {
    ThreatModelReadResult.Parsed parsed = assertInstanceOf(ThreatModelReadResult.Parsed.class, read(
        "otmVersion: 0.2.0\nproject:\n  name: P\n  id: p\ntrustZones:\n  - id: z\n    name: Z\n    risk:\n      trustRating: 10\n"));
    assertEquals(List.of(), parsed.schemaProblems());
    assertEquals(Optional.of(new Position(6, 9)), parsed.positionOf("/trustZones/0/id"));
  }

  /** Every file of the shared threat-model corpus: OTM files are read, other tools' files are named. */
  @TestFactory
  Stream<DynamicTest> corpus() throws Exception {
    Path dir = repoRoot().resolveSibling("shared").resolve("corpus/threat-model");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(Files::isRegularFile).sorted().forEach(files::add);
    }
    assertTrue(files.size() >= 17, "corpus incomplete: " + files);
    return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
      ThreatModelReadResult result = reader.read(Files.readAllBytes(file));
      String name = file.getFileName().toString();
      if (name.contains(".otm") || name.startsWith("otm-")) {
        ThreatModelReadResult.Parsed parsed = assertInstanceOf(ThreatModelReadResult.Parsed.class, result, name);
        assertEquals(List.of(), parsed.schemaProblems(), name);
        assertEquals(ThreatModel.SourceFormat.OTM, parsed.model().format());
      } else {
        String message = assertInstanceOf(ThreatModelReadResult.Unreadable.class, result, name).problem().message();
        assertTrue(message.matches(".*(Threat Dragon|Threagile|CycloneDX|Threat Model Library).*"), name + ": " + message);
      }
    }));
  }
}
