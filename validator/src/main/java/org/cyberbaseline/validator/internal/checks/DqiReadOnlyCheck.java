package org.cyberbaseline.validator.internal.checks;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * DQI-002: {@code readOnly.guaranteed = true} with its enforcing mechanism, no mutating operation
 * listed, and no query whose operation has mutating semantics (its leading verb is HTTP POST, PUT, PATCH or
 * DELETE, SNMP SET, or WRITE). POST is flagged even for read-style APIs: a reviewer cannot tell from the
 * declaration that it mutates nothing, and a GET-only interface is what the guarantee rests on.
 */
public final class DqiReadOnlyCheck extends DqiCheck {
  private static final Pattern MUTATING =
      Pattern.compile("^\\s*(POST|PUT|PATCH|DELETE|SET|WRITE)\\b", Pattern.CASE_INSENSITIVE);

  @Override
  public String name() {
    return "dqi.read-only";
  }

  @Override
  Evaluation decide(Run run) {
    if (run.dqi().readOnly().isEmpty()) {
      run.add("/dqi/readOnly", "no read-only declaration (dqi.readOnly): the DQI must guarantee it cannot change the device");
    }
    run.dqi().readOnly().ifPresent(r -> {
      if (!r.guaranteed().orElse(false)) {
        run.add("/dqi/readOnly/guaranteed", "readOnly.guaranteed is " + r.guaranteed().map(String::valueOf).orElse("absent")
            + "; the DQI must guarantee read-only operation");
      }
      if (r.mechanism().isEmpty()) {
        run.add("/dqi/readOnly/mechanism", "readOnly.mechanism is absent: say how read-only operation is enforced");
      }
      List<String> ops = r.mutatingOperations();
      for (int i = 0; i < ops.size(); i++) {
        run.add("/dqi/readOnly/mutatingOperations/" + i, "the DQI offers a mutating operation: '" + ops.get(i) + "'");
      }
    });
    List<DqiManifest.Query> queries = run.dqi().queries();
    for (int i = 0; i < queries.size(); i++) {
      String op = queries.get(i).operation().orElse("");
      if (MUTATING.matcher(op).find()) {
        run.add("/dqi/queries/" + i + "/operation", queryName(queries.get(i), i) + " uses an operation with mutating semantics: '"
            + op.strip().toUpperCase(Locale.ROOT).split("\\s+")[0] + "' (" + op + ")");
      }
    }
    return Evaluation.failIfAny(run.findings, "the DQI is not shown to be read-only",
        "the DQI guarantees read-only operation, names its mechanism and offers only non-mutating operations");
  }
}
