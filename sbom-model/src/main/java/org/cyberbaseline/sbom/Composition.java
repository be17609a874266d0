package org.cyberbaseline.sbom;

import java.util.List;
import java.util.Objects;

/**
 * A completeness statement (CycloneDX composition; SPDX NOASSERTION relationships map here too).
 *
 * @param aggregate complete, incomplete, unknown, not_specified, ... as written
 * @param assemblies refs the statement covers; empty means the whole document
 */
public record Composition(String aggregate, List<String> assemblies, String pointer) {
  public Composition {
    Objects.requireNonNull(aggregate, "aggregate");
    assemblies = List.copyOf(assemblies);
    Objects.requireNonNull(pointer, "pointer");
  }
}
