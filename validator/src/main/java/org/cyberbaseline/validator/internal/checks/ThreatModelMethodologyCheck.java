package org.cyberbaseline.validator.internal.checks;

import java.util.List;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * TM-002: the methodology is named and the environment assumptions are stated. Whether the
 * rationale is adequate and the assumptions include a hostile network (or a justified alternative)
 * is a reviewer's judgement: NEEDS_REVIEW.
 */
public final class ThreatModelMethodologyCheck extends ThreatModelCheck {
  @Override
  public String name() {
    return "threat-model.methodology";
  }

  @Override
  Evaluation decide(Run run) {
    ThreatModel m = run.model;
    if (m.methodology().isEmpty()) {
      run.add(run.field("", ThreatModel.Field.METHODOLOGY), "the threat-modelling methodology is not named");
    }
    if (m.assumptions().isEmpty()) {
      run.add(run.field("", ThreatModel.Field.ASSUMPTIONS), "no environment assumptions are stated (e.g. that the network is hostile)");
    }
    if (!run.findings.isEmpty()) {
      return new Evaluation.Fail("the methodology or the assumptions are missing", run.findings);
    }
    return new Evaluation.NeedsReview("methodology '" + m.methodology().get() + "' and " + m.assumptions().size()
        + " assumption(s) stated; a reviewer must judge the rationale and the hostile-network assumption",
        List.of(run.info(run.field("", ThreatModel.Field.ASSUMPTIONS), "review the methodology rationale and whether the"
            + " assumptions treat the network as hostile (or justify an alternative): " + String.join(" / ", m.assumptions()))));
  }
}
