package org.cyberbaseline.validator.spi;

import java.util.Objects;
import java.util.Optional;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.validator.Location;

/**
 * An artifact the submission manifest lists.
 *
 * @param kind for supplementary documents, what the manifest says it is (e.g.
 *     "cybersecurity-management-plan", "labeling", "test-report")
 * @param opened whether the file could be read (missing, outside the folder or too large otherwise)
 * @param declaredAt where the manifest lists it (the path's pointer, line and column)
 */
public record DeclaredArtifact(
    ArtifactType type, String path, Optional<String> kind, Optional<String> title, boolean opened, Location declaredAt) {
  public DeclaredArtifact {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(declaredAt, "declaredAt");
  }
}
