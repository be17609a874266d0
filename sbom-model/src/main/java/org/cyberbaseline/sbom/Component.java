package org.cyberbaseline.sbom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One software component, normalised from whatever format described it. Absent fields are empty,
 * never empty strings: "the producer wrote nothing" and "the producer wrote an explicit unknown
 * (NOASSERTION, 'unknown')" must stay distinguishable, so explicit unknowns are kept as written.
 *
 * @param pointer JSON Pointer of the component in the source document
 * @param ref the document-local identifier other entries use to refer to it (CycloneDX bom-ref,
 *     SPDX SPDXID)
 * @param type CycloneDX component type or SPDX primary package purpose, lower case
 * @param supplier supplier (NTIA) / producer (CISA) name
 * @param purl package URL as written
 * @param cpe CPE 2.2 or 2.3 as written
 * @param swidTagId SWID tag id
 * @param otherIdentifiers other identifiers as "scheme:value" (omniborId, swhid)
 * @param licenses SPDX ids, expressions or license names as written
 * @param properties name/value properties (CycloneDX properties, SPDX annotations), in order
 * @param nestingDepth 0 for top-level components, 1 for their children, ...
 * @param manufacturer the organisation that made the component (CycloneDX 1.6+ manufacturer; CISA
 *     2026 maps "Component Producer" here)
 * @param scope CycloneDX scope (required, optional, excluded) as written
 * @param externalReferences links to outside resources, in document order
 * @param support level of support and end-of-support data, as written
 */
public record Component(
    String pointer,
    Optional<String> ref,
    Optional<String> type,
    Optional<String> name,
    Optional<String> version,
    Optional<String> supplier,
    Optional<String> purl,
    Optional<String> cpe,
    Optional<String> swidTagId,
    List<String> otherIdentifiers,
    List<Hash> hashes,
    List<String> licenses,
    List<Map.Entry<String, String>> properties,
    int nestingDepth,
    Optional<String> manufacturer,
    Optional<String> scope,
    List<ExternalReference> externalReferences,
    SupportInfo support) {
  public Component {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(supplier, "supplier");
    Objects.requireNonNull(purl, "purl");
    Objects.requireNonNull(cpe, "cpe");
    Objects.requireNonNull(swidTagId, "swidTagId");
    otherIdentifiers = List.copyOf(otherIdentifiers);
    hashes = List.copyOf(hashes);
    licenses = List.copyOf(licenses);
    properties = immutableEntries(properties);
    Objects.requireNonNull(manufacturer, "manufacturer");
    Objects.requireNonNull(scope, "scope");
    externalReferences = List.copyOf(externalReferences);
    Objects.requireNonNull(support, "support");
  }

  /** Values of every property with this name, in document order. */
  public List<String> property(String propertyName) {
    return properties.stream().filter(e -> e.getKey().equals(propertyName)).map(Map.Entry::getValue).toList();
  }

  /** A short label for messages: "name@version" or the pointer when unnamed. */
  public String label() {
    return name.map(n -> version.map(v -> n + "@" + v).orElse(n)).orElse(pointer);
  }

  /** This component with {@code newSupport} in place of what the SBOM said about its support. */
  public Component withSupport(SupportInfo newSupport) {
    return new Component(pointer, ref, type, name, version, supplier, purl, cpe, swidTagId, otherIdentifiers, hashes,
        licenses, properties, nestingDepth, manufacturer, scope, externalReferences, newSupport);
  }

  /** An immutable copy whose entries are immutable too (a caller may have passed mutable ones). */
  private static List<Map.Entry<String, String>> immutableEntries(List<Map.Entry<String, String>> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    List<Map.Entry<String, String>> copy = new ArrayList<>(entries.size());
    for (Map.Entry<String, String> entry : entries) {
      copy.add(Map.entry(entry.getKey(), entry.getValue()));
    }
    return Collections.unmodifiableList(copy);
  }
}
