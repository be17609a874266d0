package org.cyberbaseline.validator.internal;

import java.util.Optional;

/** The rules an artifact path in a manifest must follow before anything is opened. */
public final class ArtifactPaths {
  private ArtifactPaths() {}

  /**
   * Why {@code path} may not be read from a submission, or empty when it is acceptable: relative,
   * '/'-separated, never climbing above the folder. Symbolic links are checked separately, on the
   * real file system.
   */
  public static Optional<String> whyUnsafe(String path) {
    if (path.isEmpty()) {
      return Optional.of("path is empty");
    }
    if (path.indexOf('\0') >= 0) {
      return Optional.of("path contains a NUL character");
    }
    if (path.indexOf('\\') >= 0) {
      return Optional.of("path uses '\\'; use '/' as the separator");
    }
    if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
      return Optional.of("path is absolute; artifact paths are relative to the submission folder");
    }
    int depth = 0;
    for (String segment : path.split("/", -1)) {
      if (segment.equals("..")) {
        depth--;
        if (depth < 0) {
          return Optional.of("path climbs out of the submission folder ('..')");
        }
      } else if (!segment.isEmpty() && !segment.equals(".")) {
        depth++;
      }
    }
    return Optional.empty();
  }
}
