package org.cyberbaseline.threatmodel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.Position;

/** What reading one threat-model document produced. */
public sealed interface ThreatModelReadResult {

  /**
   * A threat model of a supported format and version. It may still violate that format's schema
   * ({@code threat-model-1.0} or OTM 0.2.0); its members were mapped leniently so the rules can
   * report on the rest.
   */
  record Parsed(ThreatModel model, List<JsonProblem> schemaProblems, Function<String, Optional<Position>> locator)
      implements ThreatModelReadResult {
    public Parsed {
      Objects.requireNonNull(model, "model");
      schemaProblems = List.copyOf(schemaProblems);
      Objects.requireNonNull(locator, "locator");
    }

    public Optional<Position> positionOf(String pointer) {
      return locator.apply(pointer);
    }
  }

  /**
   * Not a threat model this library reads: malformed, over a limit, another format (Threat Dragon,
   * Threagile, a CycloneDX threat-model BOM: the problem names it), or an unknown version.
   */
  record Unreadable(JsonProblem problem) implements ThreatModelReadResult {
    public Unreadable {
      Objects.requireNonNull(problem, "problem");
    }
  }
}
