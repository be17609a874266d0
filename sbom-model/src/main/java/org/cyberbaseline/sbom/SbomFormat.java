package org.cyberbaseline.sbom;

/** Serialisation of an SBOM document, detected from its content (never from the file name). */
public enum SbomFormat {
  CYCLONEDX_JSON("CycloneDX JSON"),
  CYCLONEDX_XML("CycloneDX XML"),
  SPDX_JSON("SPDX JSON"),
  SPDX_TAG_VALUE("SPDX tag-value"),
  SPDX_RDF("SPDX RDF/XML"),
  SPDX_JSON_LD("SPDX 3 JSON-LD");

  private final String displayName;

  SbomFormat(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
