package org.cyberbaseline.validator.internal.checks;

import java.util.ArrayList;
import java.util.List;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * TM-005: every threat has a mitigation or a documented risk acceptance or transfer with its
 * rationale; its risk is recorded before and after mitigation (exploitability pre and post, and the
 * severity of patient harm); and the model states an overall residual-risk conclusion.
 */
public final class ThreatModelRiskCheck extends ThreatModelCheck {
  @Override
  public String name() {
    return "threat-model.risk";
  }

  @Override
  Evaluation decide(Run run) {
    ThreatModel m = run.model;
    if (m.threats().isEmpty()) {
      run.add(run.list("threats"), "the threat model identifies no threat");
    }
    for (ThreatModel.Threat t : m.threats()) {
      String who = name("threat", t.id(), t.name());
      boolean accepted = t.riskAcceptance().flatMap(ThreatModel.RiskAcceptance::rationale).isPresent();
      if (t.mitigations().isEmpty() && !accepted) {
        run.add(t.pointer(), who + " has neither a mitigation nor a documented risk acceptance or transfer with its rationale");
      }
      List<String> missing = new ArrayList<>();
      String first = null;
      for (var entry : List.of(
          java.util.Map.entry(ThreatModel.Field.EXPLOITABILITY_PRE, t.exploitabilityPre().isPresent()),
          java.util.Map.entry(ThreatModel.Field.EXPLOITABILITY_POST, t.exploitabilityPost().isPresent()),
          java.util.Map.entry(ThreatModel.Field.SEVERITY, t.severity().isPresent()))) {
        if (!entry.getValue()) {
          missing.add(entry.getKey().nativeName());
          first = first == null ? run.field(t.pointer(), entry.getKey()) : first;
        }
      }
      if (!missing.isEmpty()) {
        run.add(first, who + " does not record its risk before and after mitigation: missing " + String.join(", ", missing));
      }
    }
    if (m.residualRiskConclusion().isEmpty()) {
      run.add(run.field("", ThreatModel.Field.RESIDUAL_RISK_CONCLUSION), "no overall residual-risk conclusion");
    }
    return Evaluation.failIfAny(run.findings, "threat risk is not fully assessed or treated",
        "each of the " + m.threats().size() + " threats is mitigated or accepted with rationale, with pre- and post-mitigation risk,"
            + " and the residual-risk conclusion is stated");
  }
}
