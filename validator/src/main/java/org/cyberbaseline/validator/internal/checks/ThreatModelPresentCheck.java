package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.threatmodel.ThreatModelReadResult;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;
import org.cyberbaseline.validator.spi.ThreatModelArtifact;

/**
 * TM-001: a threat model is declared, readable (this project's format or Open Threat Model, an
 * unknown version named with the supported ones), valid against its format's schema, and models at
 * least one system element. Whether its elements cover the whole medical device system (device,
 * companion apps, servers and cloud, update infrastructure, facility network, connected devices)
 * is a reviewer's judgement: NEEDS_REVIEW, pointing at the components.
 *
 * <p>Parameter {@code maxSchemaFindings} (default 50) caps the schema violations listed.
 */
public final class ThreatModelPresentCheck implements CheckType {
  private static final String MAX = "maxSchemaFindings";

  @Override
  public String name() {
    return "threat-model.present";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    ArtifactCheckSupport.checkSchemaFindingsCap(params, MAX);
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    Optional<ThreatModelArtifact> artifact = context.threatModel();
    if (artifact.isEmpty()) {
      return ThreatModelCheck.missing(context);
    }
    ThreatModelArtifact tm = artifact.get();
    if (tm.read() instanceof ThreatModelReadResult.Unreadable unreadable) {
      JsonProblem p = unreadable.problem();
      return new Evaluation.Fail("the threat model is not readable",
          List.of(context.finding("not a readable threat model: " + p.message(), ArtifactCheckSupport.at(tm.path(), p))));
    }
    ThreatModelReadResult.Parsed parsed = (ThreatModelReadResult.Parsed) tm.read();
    ThreatModel model = parsed.model();
    String schema = model.format() == ThreatModel.SourceFormat.OTM ? "Open Threat Model 0.2.0" : "threat-model-1.0";
    int max = ArtifactCheckSupport.schemaFindingsCap(context, MAX);
    List<Finding> findings = new ArrayList<>();
    List<JsonProblem> problems = parsed.schemaProblems();
    ArtifactCheckSupport.schemaFindings(context, tm.path(), schema, problems, max, findings);
    if (model.components().isEmpty()) {
      findings.add(context.finding("the threat model models no system element (no components)", tm.locate("/components")));
    }
    if (!findings.isEmpty()) {
      return new Evaluation.Fail("the threat model is invalid or models no system element", findings);
    }
    return new Evaluation.NeedsReview(
        model.format().displayName() + " " + model.formatVersion() + " read with " + SbomCheckSupport.plural(model.components().size(), "component")
            + "; a reviewer must judge whether they cover every system element",
        List.of(context.finding(org.cyberbaseline.rules.Severity.INFO, "review whether the " + model.components().size()
            + " modelled components cover every medical device system element: the device, companion apps, manufacturer"
            + " servers and cloud, update infrastructure, facility network connections and other connected devices"
            + " (each modelled or marked not applicable)", tm.locate("/components"))));
  }

}
