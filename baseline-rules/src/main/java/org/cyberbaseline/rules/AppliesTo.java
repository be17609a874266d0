package org.cyberbaseline.rules;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The conditions under which a rule is evaluated.
 *
 * @param artifacts artifacts the rule reads; a rule reading only SBOMs also runs on a lone SBOM
 * @param cyberDevice when present, the rule applies only to devices with that 524B status
 * @param pathways when non-empty, the rule applies only to these premarket pathways
 */
public record AppliesTo(Set<ArtifactType> artifacts, Optional<Boolean> cyberDevice, Set<String> pathways) {
  public AppliesTo {
    artifacts = Set.copyOf(artifacts);
    Objects.requireNonNull(cyberDevice, "cyberDevice");
    pathways = Set.copyOf(pathways);
    if (artifacts.isEmpty()) {
      throw new IllegalArgumentException("a rule reads at least one artifact type");
    }
  }

  /** True when the rule needs nothing but SBOMs, so it can run without a submission manifest. */
  public boolean sbomOnly() {
    return artifacts.equals(Set.of(ArtifactType.SBOM));
  }

  /** True when the rule depends on facts only the submission manifest gives. */
  public boolean hasDeviceConditions() {
    return cyberDevice.isPresent() || !pathways.isEmpty();
  }
}
