package org.cyberbaseline.validator;

import java.util.Objects;
import java.util.Optional;
import org.cyberbaseline.rules.ArtifactType;

/**
 * An artifact the run looked at.
 *
 * @param format detected format and spec version (e.g. "CycloneDX JSON 1.6"), when recognised
 * @param sha256 digest of the bytes validated, so a reviewer can tie the report to the file; empty
 *     when the file could not be read
 */
public record ArtifactSummary(String path, ArtifactType type, Optional<String> format, Optional<String> sha256) {
  public ArtifactSummary {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sha256, "sha256");
  }
}
