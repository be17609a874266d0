package org.cyberbaseline.validator.spi;

import java.util.Objects;
import java.util.Optional;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.dqi.DqiReadResult;
import org.cyberbaseline.schemas.Position;
import org.cyberbaseline.validator.Location;

/**
 * The submission's DQI conformance manifest and what reading it produced.
 *
 * @param path path relative to the submission folder
 */
public record DqiManifestArtifact(String path, DqiReadResult read) {
  public DqiManifestArtifact {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(read, "read");
  }

  /** The manifest, when the document could be read (even if it violates its schema). */
  public Optional<DqiManifest> manifest() {
    return read instanceof DqiReadResult.Parsed parsed ? Optional.of(parsed.manifest()) : Optional.empty();
  }

  /** Location of {@code pointer} in this document, with line and column where known. */
  public Location locate(String pointer) {
    Optional<Position> position =
        read instanceof DqiReadResult.Parsed parsed ? parsed.positionOf(pointer) : Optional.empty();
    return new Location(path, Optional.of(pointer), position.map(Position::line), position.map(Position::column));
  }
}
