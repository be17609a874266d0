package org.cyberbaseline.validator.spi;

import java.util.Objects;
import java.util.Optional;
import org.cyberbaseline.sbom.Sbom;
import org.cyberbaseline.sbom.SbomReadResult;

/**
 * One SBOM of the submission and what reading it produced.
 *
 * @param path path relative to the submission folder (or the lone SBOM's file name)
 */
public record SbomArtifact(String path, SbomReadResult read) {
  public SbomArtifact {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(read, "read");
  }

  /** The parsed SBOM, when the document could be read (even if it violates its schema). */
  public Optional<Sbom> sbom() {
    return read instanceof SbomReadResult.Parsed parsed ? Optional.of(parsed.sbom()) : Optional.empty();
  }
}
