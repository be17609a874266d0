package org.cyberbaseline.validator;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a finding is.
 *
 * @param artifact path of the artifact relative to the submission folder (or the SBOM's file name
 *     when a lone SBOM is validated); a vulnerability feed's file starts with {@link #FEED_PREFIX}
 * @param pointer RFC 6901 JSON Pointer inside the artifact; empty when the finding is about the
 *     artifact as a whole or the artifact is missing
 * @param line 1-based line where the parser saw the value, when known
 * @param column 1-based column, when known
 */
public record Location(String artifact, Optional<String> pointer, Optional<Integer> line, Optional<Integer> column) {
  /**
   * Prefix of {@link #artifact()} for a file of a vulnerability feed ({@code feed:osv/GHSA-....json},
   * {@code feed:kev.json}): feeds are configured beside the submission, not inside it.
   */
  public static final String FEED_PREFIX = "feed:";

  public Location {
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(line, "line");
    Objects.requireNonNull(column, "column");
  }

  public static Location ofArtifact(String artifact) {
    return new Location(artifact, Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** "sbom/fw.json:12:5 /components/3" style text. */
  public String display() {
    StringBuilder text = new StringBuilder(artifact);
    line.ifPresent(l -> text.append(':').append(l));
    column.ifPresent(c -> text.append(':').append(c));
    pointer.ifPresent(p -> text.append(' ').append(p.isEmpty() ? "/" : p));
    return text.toString();
  }
}
