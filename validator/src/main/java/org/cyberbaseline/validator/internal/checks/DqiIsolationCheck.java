package org.cyberbaseline.validator.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * DQI-007: the DQI is isolated from clinical function (a mechanism other than "none"), capped in
 * CPU, memory and bandwidth, rate-limited with excess requests rejected or throttled (never queued
 * or degrading the device), and backed by evidence naming its scenario and result. When all of that
 * is declared, whether the evidence shows essential performance unaffected is a reviewer's
 * judgement: NEEDS_REVIEW, pointing at each evidence entry.
 */
public final class DqiIsolationCheck extends DqiCheck {
  private static final Set<String> ACCEPTED_ON_EXCEED = Set.of("reject", "throttle");

  @Override
  public String name() {
    return "dqi.isolation";
  }

  @Override
  Evaluation decide(Run run) {
    if (run.dqi().isolation().isEmpty()) {
      run.add("/dqi/isolation", "no isolation declaration (dqi.isolation): mechanism, resource limits, rate limit and evidence");
      return new Evaluation.Fail("the DQI declares no isolation from clinical function", run.findings);
    }
    DqiManifest.Isolation iso = run.dqi().isolation().get();
    String b = "/dqi/isolation";
    if (iso.mechanism().isEmpty() || iso.mechanism().get().equals("none")) {
      run.add(b + "/mechanism", "no isolation mechanism between the DQI and clinical function");
    }
    if (iso.resourceLimits().isEmpty()) {
      run.add(b + "/resourceLimits", "no resource limits: cap the DQI's CPU, memory and bandwidth");
    }
    iso.resourceLimits().ifPresent(r -> {
      if (r.cpuPercentMax().isEmpty()) {
        run.add(b + "/resourceLimits/cpuPercentMax", "no CPU ceiling for the DQI");
      }
      if (r.memoryMiBMax().isEmpty()) {
        run.add(b + "/resourceLimits/memoryMiBMax", "no memory ceiling for the DQI");
      }
      if (r.bandwidthKbpsMax().isEmpty()) {
        run.add(b + "/resourceLimits/bandwidthKbpsMax", "no bandwidth ceiling for the DQI");
      }
    });
    if (iso.rateLimit().isEmpty()) {
      run.add(b + "/rateLimit", "no rate limit on DQI queries");
    }
    iso.rateLimit().ifPresent(r -> {
      if (r.requestsPerMinute().isEmpty()) {
        run.add(b + "/rateLimit/requestsPerMinute", "the rate limit declares no requests per minute");
      }
      if (r.burst().isEmpty()) {
        run.add(b + "/rateLimit/burst", "the rate limit declares no burst size");
      }
      if (r.onExceed().isEmpty()) {
        run.add(b + "/rateLimit/onExceed", "the rate limit does not say what happens to excess requests");
      } else if (!ACCEPTED_ON_EXCEED.contains(r.onExceed().get())) {
        run.add(b + "/rateLimit/onExceed", "excess requests are '" + r.onExceed().get()
            + "': they must be rejected or throttled, not queued or allowed to degrade the device");
      }
    });
    if (iso.evidence().isEmpty()) {
      run.add(b + "/evidence", "no evidence (test report) that the DQI leaves essential performance unaffected");
    }
    List<Finding> review = new ArrayList<>();
    for (int i = 0; i < iso.evidence().size(); i++) {
      DqiManifest.Evidence e = iso.evidence().get(i);
      String p = b + "/evidence/" + i;
      if (e.scenario().isEmpty() || e.result().isEmpty()) {
        run.add(p, "evidence '" + e.ref().orElse("#" + i) + "' does not state its scenario and result");
      } else {
        review.add(run.info(p, "review " + e.type().orElse("evidence") + " " + e.ref().orElse("#" + i) + " (" + e.scenario().get()
            + "): does it show essential performance unaffected at the maximum query rate and with malformed input during clinical use?"));
      }
    }
    if (!run.findings.isEmpty()) {
      return new Evaluation.Fail("the DQI's isolation from clinical function is incomplete", run.findings);
    }
    return new Evaluation.NeedsReview("isolation, resource limits, rate limit and evidence are declared; a reviewer must judge"
        + " whether the evidence shows clinical function unaffected", review);
  }
}
