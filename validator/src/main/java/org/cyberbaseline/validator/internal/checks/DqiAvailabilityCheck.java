package org.cyberbaseline.validator.internal.checks;

import java.util.ArrayList;
import java.util.List;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * DQI-008: a DQI failure is contained (the declared failure mode keeps clinical function running;
 * "other" needs its restart behaviour) and the DQI is usable during clinical use without a service
 * mode, or the windows when it is usable are documented. Whether the declared behaviour is adequate
 * stays a reviewer's judgement (NEEDS_REVIEW).
 */
public final class DqiAvailabilityCheck extends DqiCheck {
  @Override
  public String name() {
    return "dqi.availability";
  }

  @Override
  Evaluation decide(Run run) {
    String failure = run.dqi().isolation().flatMap(DqiManifest.Isolation::failureMode).orElse(null);
    if (failure == null) {
      run.add(run.dqi().isolation().isPresent() ? "/dqi/isolation/failureMode" : "/dqi/isolation",
          "no failure mode declared: say what happens to the DQI and to clinical function when the DQI fails");
    } else if (failure.equals("clinical-function-affected")) {
      run.add("/dqi/isolation/failureMode", "a DQI failure affects clinical function");
    } else if (failure.equals("other") && run.dqi().isolation().get().restartBehaviour().isEmpty()) {
      run.add("/dqi/isolation/restartBehaviour", "failure mode 'other' without restartBehaviour describing it");
    }
    if (run.dqi().availability().isEmpty()) {
      run.add("/dqi/availability", "no availability declaration (duringClinicalUse, requiresServiceMode, windows)");
    }
    run.dqi().availability().ifPresent(a -> {
      if (a.duringClinicalUse().isEmpty()) {
        run.add("/dqi/availability/duringClinicalUse", "availability does not say whether queries work during clinical use");
      }
      boolean restricted = !a.duringClinicalUse().orElse(true) || a.requiresServiceMode().orElse(false);
      if (restricted && a.windows().isEmpty()) {
        run.add("/dqi/availability/windows", "the DQI is not usable during clinical use (or needs a service mode) and no windows are documented");
      }
    });
    if (!run.findings.isEmpty()) {
      return new Evaluation.Fail("DQI failure containment or availability is undeclared or affects clinical function", run.findings);
    }
    List<Finding> review = new ArrayList<>();
    review.add(run.info("/dqi/isolation/failureMode", "review the declared failure mode '" + failure
        + "' and restart behaviour against the isolation evidence"));
    return new Evaluation.NeedsReview("failure containment and availability are declared; a reviewer must judge them", review);
  }
}
