package org.cyberbaseline.validator.internal.checks;

import java.util.List;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.validator.spi.Evaluation;

/** DQI-013: every query is audit-logged on the device, and the audit records can be exported. */
public final class DqiAuditCheck extends DqiCheck {
  @Override
  public String name() {
    return "dqi.audit";
  }

  @Override
  Evaluation decide(Run run) {
    if (run.dqi().logging().isEmpty()) {
      run.add("/dqi/logging", "no logging declaration (dqi.logging: queryAudit, exportFormats)");
    }
    run.dqi().logging().ifPresent(l -> {
      if (!l.queryAudit().orElse(false)) {
        run.add("/dqi/logging/queryAudit", "DQI queries are not declared audit-logged (logging.queryAudit)");
      }
      if (l.exportFormats().isEmpty()) {
        run.add("/dqi/logging/exportFormats", "no export format for the DQI audit records");
      }
    });
    List<DqiManifest.Query> queries = run.dqi().queries();
    for (int q = 0; q < queries.size(); q++) {
      if (!queries.get(q).auditLogged().orElse(false)) {
        run.add("/dqi/queries/" + q + "/auditLogged", queryName(queries.get(q), q) + " is not declared audit-logged");
      }
    }
    return Evaluation.failIfAny(run.findings, "DQI queries are not all audit-logged with exportable records",
        "every DQI query is audit-logged and the records are exportable");
  }
}
