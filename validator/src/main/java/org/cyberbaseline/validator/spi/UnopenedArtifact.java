package org.cyberbaseline.validator.spi;

import java.util.Objects;

/** An artifact the manifest lists that could not be opened, and why (missing, outside the folder, too large). */
public record UnopenedArtifact(String path, String reason) {
  public UnopenedArtifact {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(reason, "reason");
  }
}
