package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.DeclaredArtifact;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * A device with software that answers FD&C Act 524B(c) prong (2), "has the ability to connect to the
 * internet", with "no" must show that none of its interfaces is of a kind that confers that ability.
 * A "yes" passes (the prong is conceded); a device without software is not affected. For a "no",
 * the documents that list the device's interfaces (threat model, architecture views, labeling) are
 * put before a reviewer with the interface types to look for; without any such document the "no"
 * is unsupported and the rule FAILS. The interface list will be read automatically once the threat
 * model reader lands.
 *
 * <p>Parameters: {@code artifacts} (required) — documents accepted as listing the interfaces, as for
 * {@code review.document}; {@code interfaceTypes} (required) — the kinds of interface that count as
 * an ability to connect, quoted in messages.
 */
public final class SubmissionInternetConnectivityCheck implements CheckType {
  private static final String PRONG = "/device/cyberDeviceDetermination/canConnectToInternet";

  @Override
  public String name() {
    return "submission.internet-connectivity";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of("artifacts", "interfaceTypes"));
    SubmissionDocumentationElementsCheck.artifactSpecs(params.get("artifacts"), "artifacts");
    interfaceTypes(params);
  }

  private static List<String> interfaceTypes(ObjectNode params) {
    return SubmissionDocumentationElementsCheck.stringList(params, "interfaceTypes");
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    Optional<JsonNode> determination = context.manifest()
        .map(m -> m.path("device").path("cyberDeviceDetermination"))
        .filter(JsonNode::isObject);
    if (determination.isEmpty()) {
      return new Evaluation.NotApplicable("the manifest records no cyber-device determination to check (see SUB-002)");
    }
    JsonNode software = determination.get().path("includesSoftware");
    if (software.isBoolean() && !software.booleanValue()) {
      return new Evaluation.NotApplicable("the device declares no software (524B(c) prong (1)), so prong (2) does not"
          + " decide its cyber-device status");
    }
    JsonNode prong = determination.get().path("canConnectToInternet");
    if (prong.isBoolean() && prong.booleanValue()) {
      return new Evaluation.Pass("the device declares the ability to connect to the internet (524B(c) prong (2))");
    }
    String types = String.join("; ", interfaceTypes(context.params()));
    List<String> specs = SubmissionDocumentationElementsCheck.artifactSpecs(context.params().get("artifacts"), "artifacts");
    List<DeclaredArtifact> documents = SubmissionDocumentationElementsCheck.evidence(context, specs);
    Location at = context.locateInManifest(prong.isMissingNode() ? "/device/cyberDeviceDetermination" : PRONG);
    String answer = prong.isBoolean() ? "declares no ability to connect to the internet" : "does not answer 524B(c) prong (2)";
    if (documents.isEmpty()) {
      return new Evaluation.Fail(
          "the device " + answer + ", and no document lists its interfaces to support that",
          List.of(context.finding("the device " + answer + " (524B(c) prong (2)), but the submission declares no"
              + " document listing its interfaces (accepted: " + String.join(", ", specs) + "); FDA counts any of these"
              + " as an ability to connect: " + types, at)));
    }
    List<Finding> findings = new ArrayList<>();
    findings.add(context.finding(Severity.INFO, "the device " + answer + " (524B(c) prong (2)); confirm against the"
        + " interface lists below", at));
    for (DeclaredArtifact document : documents) {
      findings.add(context.finding(Severity.INFO, "review " + SubmissionDocumentationElementsCheck.describe(document)
          + ": if any interface is one of these, prong (2) is true: " + types, Location.ofArtifact(document.path())));
    }
    return new Evaluation.NeedsReview(
        "the device " + answer + "; a reviewer must confirm that none of its documented interfaces is one FDA counts as"
            + " an ability to connect to the internet",
        findings);
  }
}
