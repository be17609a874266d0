package org.cyberbaseline.sbom;

import java.util.List;
import java.util.Objects;
import org.cyberbaseline.schemas.JsonProblem;

/** What reading one SBOM document produced. */
public sealed interface SbomReadResult {

  /**
   * The document was understood. It may still violate its format's schema: real producers publish
   * such files, and the remaining rules are still worth running on them.
   *
   * @param schemaProblems violations of the declared spec version's schema, in document order
   */
  record Parsed(Sbom sbom, List<JsonProblem> schemaProblems) implements SbomReadResult {
    public Parsed {
      Objects.requireNonNull(sbom, "sbom");
      schemaProblems = List.copyOf(schemaProblems);
    }
  }

  /**
   * The document could not be turned into an SBOM: not well-formed, truncated, over a limit, not an
   * SBOM, or a format/version this library does not read.
   */
  record Unreadable(JsonProblem problem) implements SbomReadResult {
    public Unreadable {
      Objects.requireNonNull(problem, "problem");
    }
  }
}
