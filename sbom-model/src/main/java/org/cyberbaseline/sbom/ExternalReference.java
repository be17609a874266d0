package org.cyberbaseline.sbom;

import java.util.Objects;

/**
 * A link from a component to something outside the SBOM (CycloneDX externalReferences, SPDX
 * externalRefs other than identifiers).
 *
 * @param type as written, e.g. "vcs", "website", "security-contact", "threat-model"
 */
public record ExternalReference(String type, String url, String pointer) {
  public ExternalReference {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(pointer, "pointer");
  }
}
