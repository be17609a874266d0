package org.cyberbaseline.bench;

import java.util.List;
import org.cyberbaseline.bench.SyntheticSbom.SyntheticComponent;

/**
 * How a {@link SyntheticSbom} reads in SPDX 2.3, shared by the JSON and tag-value writers: one
 * package per component (nesting flattened; the enclosing component DEPENDS_ON its nested ones as
 * in the CycloneDX graph), the primary component DESCRIBED by the document, supplier as
 * "Organization: ...", declared licence as the ids joined with AND (NOASSERTION when there is none),
 * package URL and CPE as external references.
 */
final class Spdx {
  static final String DOCUMENT = "SPDXRef-DOCUMENT";
  static final String TOOL = "Tool: cyber-baseline-bench-generator-1.0.0";
  static final String ORGANIZATION = "Organization: Example Medical Devices Inc.";
  static final String PERSON = "Person: Jane Example (jane@devices.example.com)";
  /** The primary component's licence, declared in the document as extracted licensing info. */
  static final String PROPRIETARY = "LicenseRef-Proprietary";
  static final String PROPRIETARY_TEXT = "Proprietary firmware of Example Medical Devices Inc.";

  private Spdx() {}

  /** An SPDXID for a bom-ref: "SPDXRef-" and the ref with every character SPDX does not allow replaced. */
  static String id(String ref) {
    StringBuilder out = new StringBuilder("SPDXRef-");
    for (int i = 0; i < ref.length(); i++) {
      char c = ref.charAt(i);
      out.append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ? c : '-');
    }
    return out.toString();
  }

  static String namespace(SyntheticSbom sbom) {
    return "https://devices.example.com/spdxdocs/infusion-pump-firmware-4.2.0-"
        + sbom.serialNumber().substring("urn:uuid:".length());
  }

  static String documentName() {
    return "infusion-pump-firmware-4.2.0";
  }

  static String supplier(SyntheticComponent c) {
    return "Organization: " + c.supplier().orElseThrow();
  }

  static String declaredLicense(SyntheticComponent c) {
    if (c.licenseExpression().isPresent()) {
      return c.licenseExpression().get();
    }
    List<String> ids = c.licenseIds();
    return ids.isEmpty() ? "NOASSERTION" : String.join(" AND ", ids);
  }

  static String purpose(SyntheticComponent c) {
    return c.type().equals("firmware") ? "FIRMWARE" : "LIBRARY";
  }
}
