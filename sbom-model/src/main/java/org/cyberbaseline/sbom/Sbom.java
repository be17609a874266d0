package org.cyberbaseline.sbom;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One SBOM, normalised: the same record whether it came from CycloneDX or SPDX, in any
 * serialisation. Components are flattened (nested CycloneDX components included) in document
 * order; the primary component is in {@link SbomMetadata#primaryComponent()}, not in
 * {@link #components()}.
 *
 * @param serialNumber CycloneDX serialNumber or SPDX documentNamespace
 * @param locator maps pointers of this document to line and column
 */
public record Sbom(
    SbomFormat format,
    String specVersion,
    Optional<String> serialNumber,
    SbomMetadata metadata,
    List<Component> components,
    List<Dependency> dependencies,
    List<Composition> compositions,
    SourceLocator locator) {
  public Sbom {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(specVersion, "specVersion");
    Objects.requireNonNull(serialNumber, "serialNumber");
    Objects.requireNonNull(metadata, "metadata");
    components = List.copyOf(components);
    dependencies = List.copyOf(dependencies);
    compositions = List.copyOf(compositions);
    Objects.requireNonNull(locator, "locator");
  }

  /**
   * This SBOM with every component, the primary component included, replaced by {@code change}'s
   * result; positions and everything else stay as read.
   */
  public Sbom mapComponents(java.util.function.UnaryOperator<Component> change) {
    SbomMetadata m = metadata;
    SbomMetadata newMetadata = new SbomMetadata(m.timestamp(), m.timestampPointer(), m.authors(), m.tools(),
        m.primaryComponent().map(change), m.lifecycles(), m.pointer());
    return new Sbom(format, specVersion, serialNumber, newMetadata, components.stream().map(change).toList(),
        dependencies, compositions, locator);
  }
}
