package org.cyberbaseline.validator.internal.checks;

import java.util.List;
import java.util.Optional;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.DeclaredArtifact;
import org.cyberbaseline.validator.spi.Evaluation;

/** What the checks on a single declared artifact (threat model, DQI manifest) share. */
final class ArtifactCheckSupport {
  private ArtifactCheckSupport() {}

  /**
   * The evaluation when the artifact could not be opened: fail at its declaration when it is declared
   * but unreadable from disk, otherwise at {@code /artifacts} because it is not declared at all.
   *
   * @param noun e.g. "threat model"
   * @param member the manifest member that declares it, e.g. "artifacts.threatModel"
   */
  static Evaluation missing(CheckContext context, ArtifactType type, String noun, String member) {
    Optional<DeclaredArtifact> declared = context.declaredArtifacts().stream().filter(a -> a.type() == type).findFirst();
    if (declared.isPresent()) {
      return new Evaluation.Fail("the " + noun + " cannot be opened",
          List.of(context.finding(noun + " '" + declared.get().path() + "' cannot be opened, so this requirement cannot be shown",
              declared.get().declaredAt())));
    }
    return new Evaluation.Fail("the submission declares no " + noun,
        List.of(context.finding("the submission declares no " + noun + " (" + member + "), so this requirement cannot be shown",
            context.locateInManifest("/artifacts"))));
  }

  /**
   * Checks that a rule's parameters are at most {@code name}, a positive cap on the schema violations
   * listed (every "is this document valid" check takes one).
   */
  static void checkSchemaFindingsCap(com.fasterxml.jackson.databind.node.ObjectNode params, String name) {
    SbomCheckSupport.onlyKnownParams(params, java.util.Set.of(name));
    if (params.has(name) && (!params.get(name).canConvertToInt() || params.get(name).asInt() < 1)) {
      throw new IllegalArgumentException("'" + name + "' must be a positive integer");
    }
  }

  /** The cap {@code name} on schema violations listed; 50 unless the rule sets it. */
  static int schemaFindingsCap(CheckContext context, String name) {
    return context.params().path(name).asInt(50);
  }

  /** Adds one finding per schema problem, at most {@code max}, then one saying how many were left out. */
  static void schemaFindings(CheckContext context, String path, String schema, List<JsonProblem> problems, int max, List<Finding> out) {
    for (int i = 0; i < Math.min(max, problems.size()); i++) {
      out.add(context.finding("violates the " + schema + " schema: " + problems.get(i).message(), at(path, problems.get(i))));
    }
    if (problems.size() > max) {
      out.add(context.finding((problems.size() - max) + " more schema violations not listed (" + problems.size() + " in all)",
          Location.ofArtifact(path)));
    }
  }

  static Location at(String path, JsonProblem p) {
    return new Location(path, Optional.of(p.pointer()), p.position().map(x -> x.line()), p.position().map(x -> x.column()));
  }
}
