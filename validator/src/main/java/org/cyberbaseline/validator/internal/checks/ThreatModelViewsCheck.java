package org.cyberbaseline.validator.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.threatmodel.Vocabulary;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.DeclaredArtifact;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * TM-007: the four architecture views of §V.B.2 (global system, multi-patient harm, updatability and
 * patchability, at least one security use case) are present in the threat model, or each omitted
 * one is explained. Views the model lacks may live in a supplementary architecture document: then a
 * reviewer must confirm them there (NEEDS_REVIEW).
 */
public final class ThreatModelViewsCheck extends ThreatModelCheck {
  static final Set<String> ARCHITECTURE = Set.of("architecture");

  @Override
  public String name() {
    return "threat-model.views";
  }

  @Override
  Evaluation decide(Run run) {
    ThreatModel m = run.model;
    String viewsAt = m.format() == ThreatModel.SourceFormat.OTM ? "/representations" : "/views";
    List<String> absent = new ArrayList<>();
    for (ThreatModel.OmittedView o : m.omittedViews()) {
      if (o.rationale().isEmpty()) {
        run.add(o.pointer(), "the " + o.type() + " view is omitted without explaining why");
      }
    }
    for (String type : Vocabulary.VIEW_TYPES) {
      boolean present = m.views().stream().anyMatch(v -> v.type().equals(type));
      boolean explained = m.omittedViews().stream().anyMatch(o -> o.type().equals(type) && o.rationale().isPresent());
      if (!present && !explained) {
        absent.add(type);
      }
    }
    List<DeclaredArtifact> documents = run.supplementary(ARCHITECTURE);
    if (!absent.isEmpty() && documents.isEmpty()) {
      for (String type : absent) {
        run.add(viewsAt, "the " + type + " view is neither in the threat model nor explained as omitted");
      }
    }
    if (!run.findings.isEmpty()) {
      return new Evaluation.Fail("architecture views are missing without explanation", run.findings);
    }
    if (!absent.isEmpty()) {
      List<Finding> review = new ArrayList<>();
      for (DeclaredArtifact d : documents) {
        review.add(reviewDocument(run.context, d, "does it give the " + String.join(", ", absent) + " view(s) the threat model lacks?"));
      }
      return new Evaluation.NeedsReview("the threat model lacks " + String.join(", ", absent)
          + "; a reviewer must find them in the architecture document", review);
    }
    return new Evaluation.Pass("all four architecture views are present or explained as omitted");
  }
}
