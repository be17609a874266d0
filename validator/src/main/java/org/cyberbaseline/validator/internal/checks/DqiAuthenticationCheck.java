package org.cyberbaseline.validator.internal.checks;

import java.util.List;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * DQI-003: every query requires authentication. Every query category returns security-relevant
 * data (even device identity carries the software version, ETSI EN 303 645 5.6-2 Example 3), so an
 * operation served without authentication may only be a discovery stub that is not a declared
 * query; an authentication method "none" is no authentication.
 */
public final class DqiAuthenticationCheck extends DqiCheck {
  @Override
  public String name() {
    return "dqi.authentication";
  }

  @Override
  Evaluation decide(Run run) {
    if (run.dqi().authentication().isEmpty()) {
      run.add("/dqi/authentication", "no authentication declaration (dqi.authentication)");
      return new Evaluation.Fail("the DQI declares no authentication", run.findings);
    }
    DqiManifest.Authentication a = run.dqi().authentication().get();
    if (a.methods().isEmpty()) {
      run.add("/dqi/authentication/methods", "no authentication method declared");
    }
    for (int i = 0; i < a.methods().size(); i++) {
      if (a.methods().get(i).equals("none")) {
        run.add("/dqi/authentication/methods/" + i, "authentication method 'none' lets anyone query the DQI");
      }
    }
    if (a.unauthenticatedOperations().isEmpty()) {
      run.add("/dqi/authentication/unauthenticatedOperations",
          "unauthenticatedOperations is absent: list the operations served without authentication (an empty list if none)");
    }
    List<String> open = a.unauthenticatedOperations().orElse(List.of());
    List<DqiManifest.Query> queries = run.dqi().queries();
    for (int i = 0; i < open.size(); i++) {
      String op = open.get(i).strip();
      for (int q = 0; q < queries.size(); q++) {
        DqiManifest.Query query = queries.get(q);
        if (op.equals(query.id().orElse(null)) || op.equals(query.operation().map(String::strip).orElse(null))
            || op.equals(query.category().orElse(null))) {
          run.add("/dqi/authentication/unauthenticatedOperations/" + i, "'" + op + "' is served without authentication but is "
              + queryName(query, q) + " (" + query.category().orElse("?") + "), which returns security-relevant data");
          break;
        }
      }
    }
    return Evaluation.failIfAny(run.findings, "a DQI query is reachable without authentication",
        "every DQI query requires authentication (" + String.join(", ", a.methods()) + ")");
  }
}
