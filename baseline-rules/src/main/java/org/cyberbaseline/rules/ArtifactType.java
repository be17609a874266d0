package org.cyberbaseline.rules;

import java.util.Arrays;

/** The kinds of artifact a submission holds and a rule can read. */
public enum ArtifactType {
  SUBMISSION("submission"),
  SBOM("sbom"),
  THREAT_MODEL("threat-model"),
  VEX("vex"),
  DQI_MANIFEST("dqi-manifest"),
  SUPPLEMENTARY("supplementary"),
  /** The submission's waiver file: accepted findings, never read by rules. */
  WAIVERS("waivers");

  private final String id;

  ArtifactType(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static ArtifactType fromId(String id) {
    return Arrays.stream(values())
        .filter(t -> t.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown artifact type: " + id));
  }
}
