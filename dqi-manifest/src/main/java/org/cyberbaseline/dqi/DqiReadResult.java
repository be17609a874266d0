package org.cyberbaseline.dqi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.Position;

/** What reading one DQI manifest produced. */
public sealed interface DqiReadResult {

  /**
   * The document is a DQI manifest of a supported version. It may still violate the schema: its
   * members were mapped leniently (a value of the wrong type is left out), so the rules can still
   * report on the rest.
   *
   * @param schemaProblems violations of {@code dqi-manifest-1.0.schema.json}, in pointer order
   * @param locator line and column of a JSON Pointer in the source (of its nearest located ancestor)
   */
  record Parsed(DqiManifest manifest, List<JsonProblem> schemaProblems, Function<String, Optional<Position>> locator)
      implements DqiReadResult {
    public Parsed {
      Objects.requireNonNull(manifest, "manifest");
      schemaProblems = List.copyOf(schemaProblems);
      Objects.requireNonNull(locator, "locator");
    }

    public Optional<Position> positionOf(String pointer) {
      return locator.apply(pointer);
    }
  }

  /**
   * Not a DQI manifest this library reads: not well-formed JSON, over a read limit, not an object,
   * no {@code dqiManifestVersion}, or a version not in {@link DqiManifest#SUPPORTED_VERSIONS}.
   */
  record Unreadable(JsonProblem problem) implements DqiReadResult {
    public Unreadable {
      Objects.requireNonNull(problem, "problem");
    }
  }
}
