package org.cyberbaseline.validator.spi;

import java.util.Objects;
import java.util.Optional;
import org.cyberbaseline.schemas.Position;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.threatmodel.ThreatModelReadResult;
import org.cyberbaseline.validator.Location;

/**
 * The submission's threat model and what reading it produced.
 *
 * @param path path relative to the submission folder
 */
public record ThreatModelArtifact(String path, ThreatModelReadResult read) {
  public ThreatModelArtifact {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(read, "read");
  }

  /** The model, when the document could be read (even if it violates its schema). */
  public Optional<ThreatModel> model() {
    return read instanceof ThreatModelReadResult.Parsed parsed ? Optional.of(parsed.model()) : Optional.empty();
  }

  /** Location of {@code pointer} in this document, with line and column where known. */
  public Location locate(String pointer) {
    Optional<Position> position =
        read instanceof ThreatModelReadResult.Parsed parsed ? parsed.positionOf(pointer) : Optional.empty();
    return new Location(path, Optional.of(pointer), position.map(Position::line), position.map(Position::column));
  }
}
