package org.cyberbaseline.validator.internal.checks;

import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.threatmodel.Vocabulary;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * TM-003: every threat names the lifecycle phase of its source, and each phase (supply chain,
 * manufacturing, deployment, interoperation, maintenance/update, decommissioning) has at least one
 * threat or is declared not applicable with a rationale.
 */
public final class ThreatModelLifecycleCheck extends ThreatModelCheck {
  @Override
  public String name() {
    return "threat-model.lifecycle";
  }

  @Override
  Evaluation decide(Run run) {
    ThreatModel m = run.model;
    for (ThreatModel.Threat t : m.threats()) {
      String p = run.field(t.pointer(), ThreatModel.Field.LIFECYCLE_PHASE);
      if (t.lifecyclePhase().isEmpty()) {
        run.add(p, name("threat", t.id(), t.name()) + " does not name the lifecycle phase of its threat source");
      } else if (!Vocabulary.LIFECYCLE_PHASES.contains(t.lifecyclePhase().get())) {
        run.add(p, name("threat", t.id(), t.name()) + " names an unknown lifecycle phase '" + t.lifecyclePhase().get()
            + "' (known: " + String.join(", ", Vocabulary.LIFECYCLE_PHASES) + ")");
      }
    }
    for (String phase : Vocabulary.LIFECYCLE_PHASES) {
      boolean threatened = m.threats().stream().anyMatch(t -> t.lifecyclePhase().filter(phase::equals).isPresent());
      boolean excused = m.lifecyclePhasesNotApplicable().stream()
          .anyMatch(n -> n.phase().equals(phase) && n.rationale().isPresent());
      if (!threatened && !excused) {
        run.add(run.list("threats"), "no threat has its source in the " + phase + " phase, and the phase is not declared"
            + " not applicable with a rationale");
      }
    }
    return Evaluation.failIfAny(run.findings, "threat sources are not covered across the device lifecycle",
        "every threat names its lifecycle phase and every phase is covered or justified");
  }
}
