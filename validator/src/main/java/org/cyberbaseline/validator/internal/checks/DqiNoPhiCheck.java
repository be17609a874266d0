package org.cyberbaseline.validator.internal.checks;

import java.util.ArrayList;
import java.util.List;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * DQI-012: every query declares {@code containsPhi = false}. A query that returns patient data with
 * a justification is for a reviewer to accept (NEEDS_REVIEW); without one it fails.
 */
public final class DqiNoPhiCheck extends DqiCheck {
  @Override
  public String name() {
    return "dqi.no-phi";
  }

  @Override
  Evaluation decide(Run run) {
    List<DqiManifest.Query> queries = run.dqi().queries();
    if (queries.isEmpty()) {
      run.add("/dqi/queries", "no query declared, so no response is shown to be free of patient data");
    }
    List<Finding> review = new ArrayList<>();
    for (int q = 0; q < queries.size(); q++) {
      DqiManifest.Query query = queries.get(q);
      String p = "/dqi/queries/" + q;
      if (query.containsPhi().isEmpty()) {
        run.add(p + "/containsPhi", queryName(query, q) + " does not declare containsPhi");
      } else if (query.containsPhi().get()) {
        if (query.phiJustification().isEmpty()) {
          run.add(p + "/containsPhi", queryName(query, q) + " returns patient information without a justification");
        } else {
          review.add(run.info(p + "/phiJustification", "review why " + queryName(query, q)
              + " returns patient information, and its controls: " + query.phiJustification().get()));
        }
      }
    }
    if (!run.findings.isEmpty()) {
      return new Evaluation.Fail("a DQI response may carry patient information", run.findings);
    }
    if (!review.isEmpty()) {
      return new Evaluation.NeedsReview("a DQI query returns patient information with a justification a reviewer must judge", review);
    }
    return new Evaluation.Pass("each of the " + queries.size() + " DQI queries declares containsPhi = false");
  }
}
