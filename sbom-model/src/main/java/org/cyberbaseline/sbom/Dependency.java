package org.cyberbaseline.sbom;

import java.util.List;
import java.util.Objects;

/**
 * One dependency-graph entry: {@code ref} directly depends on each of {@code dependsOn}.
 *
 * @param pointer JSON Pointer of the entry in the source document
 */
public record Dependency(String ref, List<String> dependsOn, String pointer) {
  public Dependency {
    Objects.requireNonNull(ref, "ref");
    dependsOn = List.copyOf(dependsOn);
    Objects.requireNonNull(pointer, "pointer");
  }
}
