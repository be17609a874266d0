package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.DeclaredArtifact;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * A requirement whose adequacy only a human can judge, but whose evidence the tool can look for:
 * the catalogue's "pres" rules. When the submission declares (and the tool can open) an artifact of
 * one of the accepted kinds, the rule is NEEDS_REVIEW with a finding pointing a reviewer at each
 * such document; when none is declared it FAILS, because the documentation element is missing.
 *
 * <p>Parameters: {@code artifacts} — accepted artifact types and supplementary kinds, as
 * "threat-model", "vex", "dqi-manifest", "sbom" or "supplementary:&lt;kind&gt;" (e.g.
 * "supplementary:cybersecurity-management-plan"); {@code what} — a short noun phrase naming the
 * evidence ("a cybersecurity management plan"), used in messages; {@code reviewFocus} — what the
 * reviewer must judge, quoted in the NEEDS_REVIEW explanation; optionally {@code facts} — the
 * structured facts the manifest must state about the document (see {@link DocumentFacts}): when
 * they are incomplete the rule FAILS with one finding per gap, located in submission.json, because
 * the structure is checkable even though the adequacy is not.
 */
public final class DocumentReviewCheck implements CheckType {
  @Override
  public String name() {
    return "review.document";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of("artifacts", "what", "reviewFocus", "facts"));
    DocumentFacts.parse(params.get("facts"));
    JsonNode artifacts = params.get("artifacts");
    if (artifacts == null || !artifacts.isArray() || artifacts.isEmpty()) {
      throw new IllegalArgumentException("'artifacts' must list at least one accepted artifact");
    }
    for (JsonNode a : artifacts) {
      String spec = a.asText();
      String type = spec.startsWith("supplementary:") ? "supplementary" : spec;
      ArtifactType.fromId(type);
      if (type.equals("supplementary") && spec.length() <= "supplementary:".length()) {
        throw new IllegalArgumentException("'supplementary:' needs a kind, e.g. supplementary:labeling");
      }
    }
    if (!params.path("what").isTextual() || !params.path("reviewFocus").isTextual()) {
      throw new IllegalArgumentException("'what' and 'reviewFocus' are required strings");
    }
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    ObjectNode params = context.params();
    List<String> accepted = new ArrayList<>();
    params.get("artifacts").forEach(a -> accepted.add(a.asText()));
    String what = params.get("what").asText();
    List<Finding> evidence = new ArrayList<>();
    List<DeclaredArtifact> documents = new ArrayList<>();
    for (DeclaredArtifact artifact : context.declaredArtifacts()) {
      if (artifact.opened() && accepts(accepted, artifact)) {
        documents.add(artifact);
        evidence.add(
            context.finding(
                org.cyberbaseline.rules.Severity.INFO,
                "review " + artifact.path() + artifact.title().map(t -> " (" + t + ")").orElse("") + ": "
                    + params.get("reviewFocus").asText(),
                org.cyberbaseline.validator.Location.ofArtifact(artifact.path())));
      }
    }
    if (evidence.isEmpty()) {
      return new Evaluation.Fail(
          "the submission declares no " + what.replaceFirst("^(a|an) ", ""),
          List.of(
              context.finding(
                  "the submission declares no " + what.replaceFirst("^(a|an) ", "") + " (accepted: "
                      + String.join(", ", accepted) + ")",
                  context.locateInManifest("/artifacts"))));
    }
    String present = what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1) + " is present";
    Optional<DocumentFacts> facts = DocumentFacts.parse(params.get("facts"));
    if (facts.isPresent()) {
      DocumentFacts.Outcome outcome = facts.get().check(context, documents, what);
      if (!outcome.gaps().isEmpty()) {
        return new Evaluation.Fail(
            present + ", but the manifest does not state all the facts this rule checks ("
                + SbomCheckSupport.plural(outcome.gaps().size(), "gap") + ")",
            outcome.gaps());
      }
      if (outcome.justification().isPresent()) {
        return new Evaluation.NeedsReview(
            present + " and gives a justification instead of the facts (" + outcome.justification().get()
                + "); a reviewer must judge it and: " + params.get("reviewFocus").asText(),
            evidence);
      }
      present += " and the manifest states the facts this rule checks";
    }
    return new Evaluation.NeedsReview(present + "; a reviewer must judge: " + params.get("reviewFocus").asText(), evidence);
  }

  private static boolean accepts(List<String> accepted, DeclaredArtifact artifact) {
    if (artifact.type() == ArtifactType.SUPPLEMENTARY) {
      return artifact.kind().map(k -> accepted.contains("supplementary:" + k)).orElse(false);
    }
    return accepted.contains(artifact.type().id());
  }
}
