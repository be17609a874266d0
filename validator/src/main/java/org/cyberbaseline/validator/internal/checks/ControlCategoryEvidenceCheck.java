package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.threatmodel.Vocabulary;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * A design control of one Appendix 1 category (CTL-004 logging, CTL-005 resilience): fails when no
 * mitigation of the category exists; otherwise a reviewer judges the controls against the rule's
 * focus (NEEDS_REVIEW, pointing at each). Parameters: {@code category} (required, canonical
 * Appendix 1 category) and {@code reviewFocus} (required).
 */
public final class ControlCategoryEvidenceCheck extends ThreatModelCheck {
  @Override
  public String name() {
    return "control.category-evidence";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of("category", "reviewFocus"));
    JsonNode category = params.get("category");
    if (category == null || !Vocabulary.CONTROL_CATEGORIES.contains(category.asText())) {
      throw new IllegalArgumentException("'category' must be one of " + Vocabulary.CONTROL_CATEGORIES);
    }
    if (!params.path("reviewFocus").isTextual()) {
      throw new IllegalArgumentException("'reviewFocus' is a required string");
    }
  }

  @Override
  Evaluation decide(Run run) {
    String category = run.context.params().get("category").asText();
    String focus = run.context.params().get("reviewFocus").asText();
    List<ThreatModel.Mitigation> controls = run.model.mitigations().stream()
        .filter(x -> x.controlCategories().contains(category)).toList();
    if (controls.isEmpty()) {
      run.add(run.list("mitigations"), "no mitigation is a '" + category + "' control");
      return new Evaluation.Fail("no " + category + " control is declared", run.findings);
    }
    List<Finding> review = new ArrayList<>();
    for (ThreatModel.Mitigation x : controls) {
      review.add(run.info(x.pointer(), "review " + name("mitigation", x.id(), x.name()) + ": " + focus));
    }
    return new Evaluation.NeedsReview(SbomCheckSupport.plural(controls.size(), category + " control")
        + " declared; a reviewer must judge: " + focus, review);
  }
}
