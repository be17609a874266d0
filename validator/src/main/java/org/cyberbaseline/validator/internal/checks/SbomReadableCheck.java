package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyberbaseline.sbom.SbomReadResult;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.Submission;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;
import org.cyberbaseline.validator.spi.SbomArtifact;
import org.cyberbaseline.validator.spi.UnopenedArtifact;

/**
 * At least one SBOM, and every listed SBOM is machine-readable: parses in a supported format and
 * validates against the schema of the spec version it declares.
 *
 * <p>Parameter {@code maxSchemaFindingsPerDocument} (default 50) caps how many schema violations
 * of one document are listed; one more finding says how many were left out. A badly broken export
 * can violate its schema thousands of times, and the first few say what to fix.
 */
public final class SbomReadableCheck implements CheckType {
  private static final String MAX = "maxSchemaFindingsPerDocument";

  @Override
  public String name() {
    return "sbom.readable";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    ArtifactCheckSupport.checkSchemaFindingsCap(params, MAX);
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    int max = ArtifactCheckSupport.schemaFindingsCap(context, MAX);
    List<Finding> findings = new ArrayList<>();
    if (context.sboms().isEmpty() && context.unopenedSboms().isEmpty()) {
      findings.add(
          context.finding(
              "the submission lists no SBOM",
              new Location(Submission.MANIFEST_FILE, Optional.of("/artifacts/sboms"), Optional.empty(), Optional.empty())));
    }
    for (UnopenedArtifact unopened : context.unopenedSboms()) {
      findings.add(context.finding("SBOM cannot be opened: " + unopened.reason(), Location.ofArtifact(unopened.path())));
    }
    int readable = 0;
    for (SbomArtifact artifact : context.sboms()) {
      if (artifact.read() instanceof SbomReadResult.Unreadable unreadable) {
        JsonProblem problem = unreadable.problem();
        findings.add(context.finding("not a readable SBOM: " + problem.message(), at(artifact.path(), problem)));
        continue;
      }
      readable++;
      List<JsonProblem> problems = ((SbomReadResult.Parsed) artifact.read()).schemaProblems();
      String spec = artifact.sbom().map(s -> s.format().displayName() + " " + s.specVersion()).orElse("");
      for (int i = 0; i < Math.min(max, problems.size()); i++) {
        JsonProblem problem = problems.get(i);
        findings.add(
            context.finding(
                severityOf(problem, context.rule().severity()),
                (problem.keyword().equals("spdx-verify") ? "fails " + spec + " verification: " : "violates the " + spec + " schema: ")
                    + problem.message(),
                at(artifact.path(), problem)));
      }
      if (problems.size() > max) {
        findings.add(
            context.finding(
                (problems.size() - max) + " more " + spec + " schema violations not listed (" + problems.size() + " in all)",
                Location.ofArtifact(artifact.path())));
      }
    }
    return Evaluation.failIfAny(
        findings,
        "an SBOM is missing, unreadable, or not valid against its declared specification version",
        SbomCheckSupport.plural(readable, "SBOM") + " read and valid against the declared specification version");
  }

  /**
   * SPDX verification also reports advisories (a deprecated licence id, a "Warning:" note) that do
   * not make the document non-conformant; those are warnings, never above the rule's severity.
   */
  private static org.cyberbaseline.rules.Severity severityOf(JsonProblem problem, org.cyberbaseline.rules.Severity rule) {
    String message = problem.message().toLowerCase(java.util.Locale.ROOT);
    boolean advisory = problem.keyword().equals("spdx-verify")
        && (message.startsWith("warning") || message.contains("deprecated"));
    return advisory ? SbomCheckSupport.atMost(org.cyberbaseline.rules.Severity.WARNING, rule) : rule;
  }

  private static Location at(String path, JsonProblem problem) {
    return new Location(
        path,
        Optional.of(problem.pointer()),
        problem.position().map(p -> p.line()),
        problem.position().map(p -> p.column()));
  }
}
