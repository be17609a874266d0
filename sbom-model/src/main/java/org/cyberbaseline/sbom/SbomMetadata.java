package org.cyberbaseline.sbom;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Document-level facts.
 *
 * @param timestamp creation time exactly as written (validity is a rule's business, not the
 *     reader's)
 * @param timestampPointer where the timestamp is (or would be) in the document
 * @param authors authors of the SBOM data: people and organisations; tools are listed separately
 * @param tools tools that generated the SBOM, as "name" or "name version"
 * @param primaryComponent the component the SBOM describes (CycloneDX metadata.component, SPDX
 *     DESCRIBES)
 * @param lifecycles generation context (CycloneDX metadata.lifecycles phases or names)
 * @param pointer JSON Pointer of the metadata object ("" when the format has none)
 */
public record SbomMetadata(
    Optional<String> timestamp,
    String timestampPointer,
    List<Party> authors,
    List<Party> tools,
    Optional<Component> primaryComponent,
    List<String> lifecycles,
    String pointer) {
  public SbomMetadata {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(timestampPointer, "timestampPointer");
    authors = List.copyOf(authors);
    tools = List.copyOf(tools);
    Objects.requireNonNull(primaryComponent, "primaryComponent");
    lifecycles = List.copyOf(lifecycles);
    Objects.requireNonNull(pointer, "pointer");
  }
}
