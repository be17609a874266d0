package org.cyberbaseline.validator.internal.checks;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cyberbaseline.validator.spi.CheckType;
import org.junit.jupiter.api.Test;

/**
 * Parameter validation and the pure helpers of the checks the CISA and BSI packs use; what they
 * decide on whole documents is covered by the rule fixtures (RuleFixturesTest).
 */
class SbomMinimumElementChecksTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode params(String json) throws Exception {
    return (ObjectNode) JSON.readTree(json);
  }

  @Test
  void checksAcceptTheirParametersAndRejectOthers() throws Exception {
    Map<CheckType, List<String>> good = Map.of(
        new SbomToolCheck(), List.of("{}", "{\"requireVersion\": true}"),
        new SbomComponentProducerCheck(), List.of("{\"sources\": [\"manufacturer\", \"supplier\"], \"fallbackSeverity\": \"warning\"}"),
        new SbomUnknownInformationCheck(), List.of("{\"elements\": {\"version\": \"Component Version\"}, \"fieldNames\": [\"Component Version\"]}"),
        new SbomComponentHashCheck(), List.of("{}", "{\"algorithms\": [\"SHA-512\"], \"unknownField\": \"Component Hash Value\"}"),
        new SbomComponentPropertyCheck(), List.of("{\"properties\": [{\"name\": \"a\", \"values\": [\"x\"]}]}"),
        new SbomFormatVersionCheck(), List.of("{\"minimum\": {\"cyclonedx\": \"1.6\", \"spdx\": \"3.0.1\"}}"),
        new SbomSpdxLicenseCheck(), List.of("{}", "{\"unknownSeverity\": \"info\"}"),
        new SbomComponentIdentifierCheck(), List.of("{}", "{\"identifierProperties\": [\"cdx:cisa:component-identifier\"]}"));
    for (Map.Entry<CheckType, List<String>> e : good.entrySet()) {
      for (String json : e.getValue()) {
        assertDoesNotThrow(() -> e.getKey().checkParameters(params(json)), e.getKey().name() + " " + json);
      }
      assertThrows(IllegalArgumentException.class, () -> e.getKey().checkParameters(params(
          e.getValue().get(0).equals("{}") ? "{\"nope\": 1}" : e.getValue().get(0).replaceFirst("\\}$", ", \"nope\": 1}"))),
          e.getKey().name() + " accepts an unknown parameter");
    }
    Map<CheckType, List<String>> bad = Map.of(
        new SbomToolCheck(), List.of("{\"requireVersion\": \"yes\"}"),
        new SbomComponentProducerCheck(), List.of("{}", "{\"sources\": []}", "{\"sources\": [\"author\"]}",
            "{\"sources\": [\"supplier\", \"supplier\"]}", "{\"sources\": [\"supplier\"], \"unknownSeverity\": \"fatal\"}"),
        new SbomUnknownInformationCheck(), List.of("{}", "{\"elements\": {\"hash\": \"x\"}}", "{\"elements\": {\"version\": 3}}",
            "{\"elements\": {\"version\": \"V\"}, \"fieldNames\": [\"W\"]}", "{\"elements\": {\"version\": \"V\"}, \"requireFieldName\": 1}"),
        new SbomComponentHashCheck(), List.of("{\"algorithms\": []}", "{\"algorithms\": [\"--\"]}", "{\"unknownField\": \"\"}",
            "{\"weakSeverity\": \"loud\"}"),
        new SbomComponentPropertyCheck(), List.of("{}", "{\"properties\": [{\"values\": [\"x\"]}]}",
            "{\"properties\": [{\"name\": \"a\", \"values\": []}]}", "{\"properties\": [{\"name\": \"a\", \"other\": 1}]}"),
        new SbomFormatVersionCheck(), List.of("{}", "{\"minimum\": {\"swid\": \"1\"}}", "{\"minimum\": {\"spdx\": \"three\"}}"),
        new SbomSpdxLicenseCheck(), List.of("{\"unknownSeverity\": 1}"),
        new SbomComponentIdentifierCheck(), List.of("{\"identifierProperties\": \"x\"}", "{\"identifierProperties\": [\"\"]}"));
    for (Map.Entry<CheckType, List<String>> e : bad.entrySet()) {
      for (String json : e.getValue()) {
        assertThrows(IllegalArgumentException.class, () -> e.getKey().checkParameters(params(json)), e.getKey().name() + " " + json);
      }
    }
  }

  @Test
  void toolVersionsAreRecognisedByShape() {
    for (String versioned : List.of("syft 1.18.1", "syft-1.4.1", "cyclonedx-gomod v0.6.1", "tern 2", "tool (3)", "Microsoft.SBOMTool-2.1.18")) {
      assertTrue(SbomToolCheck.versioned(versioned), versioned);
    }
    for (String bare : List.of("syft", "tool2sbom", "sigs.k8s.io/bom/pkg/spdx", "Acme Signing Server")) {
      assertFalse(SbomToolCheck.versioned(bare), bare);
    }
  }

  @Test
  void formatVersionsCompareNumerically() {
    assertTrue(SbomFormatVersionCheck.compare("1.10", "1.9") > 0);
    assertEquals(0, SbomFormatVersionCheck.compare("1.6", "1.6.0"));
    assertTrue(SbomFormatVersionCheck.compare("2.3", "3.0.1") < 0);
    assertTrue(SbomFormatVersionCheck.compare("3.0.1", "3.0") > 0);
    assertTrue(SbomFormatVersionCheck.compare("SPDX-3", "1.0") < 0, "a version that is not dotted numbers never passes");
  }

  @Test
  void hashAlgorithmNamesIgnoreCaseAndPunctuation() {
    assertEquals(SbomComponentHashCheck.normalise("SHA-512"), SbomComponentHashCheck.normalise("sha512"));
    assertEquals(SbomComponentHashCheck.normalise("sha-256"), SbomComponentHashCheck.normalise("SHA_256"));
    assertFalse(SbomComponentHashCheck.normalise("SHA3-512").equals(SbomComponentHashCheck.normalise("SHA-512")));
  }

  @Test
  void spdxLicenseExpressions() {
    Set<String> listed = Set.of("mit", "apache-2.0", "gpl-2.0-only", "classpath-exception-2.0", "bsd-3-clause");
    for (String ok : List.of("MIT", "mit", "Apache-2.0 OR MIT", "(GPL-2.0-only WITH Classpath-exception-2.0) AND BSD-3-Clause",
        "LicenseRef-Acme-1", "DocumentRef-other:LicenseRef-x", "Apache-2.0+", "MIT and (Apache-2.0 or BSD-3-Clause)")) {
      assertEquals(java.util.Optional.empty(), SbomSpdxLicenseCheck.problem(ok, listed), ok);
    }
    for (String bad : List.of("Apache License 2.0", "GPL", "MIT AND", "(MIT", "MIT)", "MIT OR OR Apache-2.0", "WITH MIT", "MIT/BSD",
        "", "()", "(".repeat(10_000) + "MIT" + ")".repeat(10_000))) {
      assertTrue(SbomSpdxLicenseCheck.problem(bad, listed).isPresent(), bad.length() > 40 ? "deep nesting" : bad);
    }
  }

  @Test
  void producerUnknownsIncludeUnknownProvenance() {
    assertTrue(SbomComponentProducerCheck.isUnknown("unknown provenance"));
    assertTrue(SbomComponentProducerCheck.isUnknown("NOASSERTION"));
    assertFalse(SbomComponentProducerCheck.isUnknown("Unknown Provenance Labs GmbH"));
  }
}
