package org.cyberbaseline.sbom;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an SBOM says about a component's support, as FDA's premarket guidance §V.A.4(b) asks for:
 * level of support and end-of-support date, or a justification when they are unknown. Values are
 * kept as written; whether they are valid dates or known levels is a rule's business.
 *
 * <p>Encodings read (see docs/sbom-formats.md): CycloneDX property taxonomy
 * {@code cdx:fda:level-of-support}, {@code cdx:fda:end-of-support-date},
 * {@code cdx:fda:end-of-life-date}, {@code cdx:fda:justification},
 * {@code cdx:lifecycle:milestone:endOfSupport} / {@code :endOfLife}; SPDX 2.3 {@code validUntilDate}.
 */
public record SupportInfo(
    Optional<String> levelOfSupport,
    Optional<String> endOfSupport,
    Optional<String> endOfLife,
    List<String> justifications) {

  public static final SupportInfo NONE = new SupportInfo(Optional.empty(), Optional.empty(), Optional.empty(), List.of());

  public SupportInfo {
    Objects.requireNonNull(levelOfSupport, "levelOfSupport");
    Objects.requireNonNull(endOfSupport, "endOfSupport");
    Objects.requireNonNull(endOfLife, "endOfLife");
    justifications = List.copyOf(justifications);
  }

  /** Reads the CycloneDX property-taxonomy encodings; the FDA names win over lifecycle milestones. */
  public static SupportInfo fromProperties(List<Map.Entry<String, String>> properties) {
    Optional<String> level = first(properties, "cdx:fda:level-of-support");
    Optional<String> eos = first(properties, "cdx:fda:end-of-support-date")
        .or(() -> first(properties, "cdx:lifecycle:milestone:endOfSupport"));
    Optional<String> eol = first(properties, "cdx:fda:end-of-life-date")
        .or(() -> first(properties, "cdx:lifecycle:milestone:endOfLife"));
    List<String> justifications = properties.stream()
        .filter(e -> e.getKey().equals("cdx:fda:justification") && !e.getValue().isBlank())
        .map(Map.Entry::getValue)
        .toList();
    return new SupportInfo(level, eos, eol, justifications);
  }

  private static Optional<String> first(List<Map.Entry<String, String>> properties, String name) {
    return properties.stream()
        .filter(e -> e.getKey().equals(name) && !e.getValue().isBlank())
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
