package org.cyberbaseline.bench;

import org.cyberbaseline.sbom.SbomReadResult;

/** Guards that a benchmark measures what it claims: a valid document of the stated size. */
final class Checks {
  private Checks() {}

  static void requireValid(SbomReadResult read, int components) {
    if (!(read instanceof SbomReadResult.Parsed parsed)) {
      throw new IllegalStateException("generated SBOM is unreadable: " + read);
    }
    if (!parsed.schemaProblems().isEmpty()) {
      throw new IllegalStateException(
          "generated SBOM violates its schema (" + parsed.schemaProblems().size() + " problems), first: "
              + parsed.schemaProblems().get(0));
    }
    int count = parsed.sbom().components().size();
    if (count != components) {
      throw new IllegalStateException("generated SBOM has " + count + " components, expected " + components);
    }
  }
}
