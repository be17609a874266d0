package org.cyberbaseline.validator.internal.checks;

import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.threatmodel.Vocabulary;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * TM-006: each mitigation names its Appendix 1 security-control category (A–H; "updatability and
 * patchability" is read as H, firmware and software updates), and each of the eight categories is
 * covered by at least one mitigation or declared not applicable with a rationale.
 */
public final class ThreatModelControlCategoriesCheck extends ThreatModelCheck {
  @Override
  public String name() {
    return "threat-model.control-categories";
  }

  @Override
  Evaluation decide(Run run) {
    ThreatModel m = run.model;
    for (ThreatModel.Mitigation x : m.mitigations()) {
      String p = run.field(x.pointer(), ThreatModel.Field.CONTROL_CATEGORIES);
      if (!x.unrecognisedCategories().isEmpty()) {
        run.add(p, name("mitigation", x.id(), x.name()) + " names no Appendix 1 category in " + x.unrecognisedCategories()
            + " (known: " + String.join(", ", Vocabulary.CONTROL_CATEGORIES) + ", updatability-patchability, or the letters A-H)");
      } else if (x.controlCategories().isEmpty()) {
        run.add(p, name("mitigation", x.id(), x.name()) + " is not tagged with its Appendix 1 security-control category");
      }
    }
    String statements = m.format() == ThreatModel.SourceFormat.OTM ? "/project/attributes/fda:controlCategories" : "/controlCategories";
    for (String category : Vocabulary.CONTROL_CATEGORIES) {
      boolean covered = m.mitigations().stream().anyMatch(x -> x.controlCategories().contains(category));
      boolean excused = m.controlCategories().stream()
          .anyMatch(s -> s.category().equals(category) && s.status().equals("not-applicable") && s.rationale().isPresent());
      if (!covered && !excused) {
        run.add(statements, "no mitigation addresses the Appendix 1 category '" + category
            + "' and it is not declared not applicable with a rationale");
      }
    }
    return Evaluation.failIfAny(run.findings, "security-control categories are untagged or uncovered",
        "every mitigation is tagged and all eight Appendix 1 categories are addressed or justified");
  }
}
