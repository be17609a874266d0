package org.cyberbaseline.validator.internal.checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.DeclaredArtifact;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * TM-008: each view has content — elements assigned to it; a security use-case view names the
 * operational and clinical states it covers; the multi-patient harm view is backed by at least one
 * threat marked as able to harm several patients or aimed at one of its elements. Whether the
 * content is complete (update path end to end, every clinical state) is a reviewer's judgement:
 * NEEDS_REVIEW, pointing at each view.
 */
public final class ThreatModelViewContentCheck extends ThreatModelCheck {
  @Override
  public String name() {
    return "threat-model.view-content";
  }

  @Override
  Evaluation decide(Run run) {
    ThreatModel m = run.model;
    List<DeclaredArtifact> documents = run.supplementary(ThreatModelViewsCheck.ARCHITECTURE);
    if (m.views().isEmpty()) {
      if (documents.isEmpty()) {
        run.add(m.format() == ThreatModel.SourceFormat.OTM ? "/representations" : "/views",
            "the threat model has no architecture view and no architecture document is declared");
        return new Evaluation.Fail("no architecture view to assess", run.findings);
      }
      List<Finding> review = new ArrayList<>();
      documents.forEach(d -> review.add(reviewDocument(run.context, d, "do its views carry the content §V.B.2 (a)-(d) asks for?")));
      return new Evaluation.NeedsReview("the views are in the architecture document; a reviewer must judge their content", review);
    }
    List<Finding> review = new ArrayList<>();
    for (ThreatModel.View v : m.views()) {
      String label = "the " + v.type() + " view" + v.id().map(id -> " '" + id + "'").orElse("");
      if (v.elements().isEmpty()) {
        run.add(v.pointer(), label + " has no element assigned to it");
      }
      if (v.type().equals("security-use-case") && v.states().isEmpty()) {
        run.add(v.pointer(), label + " names no operational or clinical state it covers (e.g. power on, standby, programming,"
            + " delivering therapy)");
      }
      if (v.type().equals("multi-patient-harm")) {
        Set<String> elements = new HashSet<>(v.elements());
        boolean backed = m.threats().stream().anyMatch(t -> t.multiPatientHarm() || t.targets().stream().anyMatch(elements::contains));
        if (!backed) {
          run.add(v.pointer(), label + " is backed by no threat to several patients or devices at once");
        }
      }
      review.add(run.info(v.pointer(), "review " + label + " (" + v.elements().size() + " elements) against §V.B.2"));
    }
    if (!run.findings.isEmpty()) {
      return new Evaluation.Fail("an architecture view lacks content", run.findings);
    }
    return new Evaluation.NeedsReview(m.views().size() + " views have content; a reviewer must judge its completeness", review);
  }
}
