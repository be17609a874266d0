package org.cyberbaseline.sbom;

import java.util.Optional;
import org.cyberbaseline.schemas.Position;

/** Maps a JSON Pointer of a document to where it appears in the source text. */
@FunctionalInterface
public interface SourceLocator {
  SourceLocator NONE = pointer -> Optional.empty();

  Optional<Position> positionOf(String pointer);
}
