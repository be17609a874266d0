package org.cyberbaseline.sbom;

import java.util.ArrayList;
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
    if (properties.isEmpty()) {
      return NONE;
    }
    // One plain pass: this runs for every component of every SBOM, so it avoids streams.
    String level = null;
    String fdaEndOfSupport = null;
    String milestoneEndOfSupport = null;
    String fdaEndOfLife = null;
    String milestoneEndOfLife = null;
    List<String> justifications = new ArrayList<>(0);
    for (Map.Entry<String, String> property : properties) {
      String value = property.getValue();
      if (value.isBlank()) {
        continue;
      }
      switch (property.getKey()) {
        case "cdx:fda:level-of-support" -> level = level == null ? value : level;
        case "cdx:fda:end-of-support-date" -> fdaEndOfSupport = fdaEndOfSupport == null ? value : fdaEndOfSupport;
        case "cdx:lifecycle:milestone:endOfSupport" ->
            milestoneEndOfSupport = milestoneEndOfSupport == null ? value : milestoneEndOfSupport;
        case "cdx:fda:end-of-life-date" -> fdaEndOfLife = fdaEndOfLife == null ? value : fdaEndOfLife;
        case "cdx:lifecycle:milestone:endOfLife" ->
            milestoneEndOfLife = milestoneEndOfLife == null ? value : milestoneEndOfLife;
        case "cdx:fda:justification" -> justifications.add(value);
        default -> { }
      }
    }
    return new SupportInfo(
        Optional.ofNullable(level),
        Optional.ofNullable(fdaEndOfSupport != null ? fdaEndOfSupport : milestoneEndOfSupport),
        Optional.ofNullable(fdaEndOfLife != null ? fdaEndOfLife : milestoneEndOfLife),
        justifications);
  }
}
