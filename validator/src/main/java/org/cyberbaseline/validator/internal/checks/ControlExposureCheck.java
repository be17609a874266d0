package org.cyberbaseline.validator.internal.checks;

import java.util.Locale;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * CTL-003: the exposed and unused interfaces are declared. At least one component declares its
 * interfaces (or, in OTM, its unused interfaces in {@code fda:unusedInterfaces}); no debug port
 * (JTAG, UART) and no unused interface is left enabled. Deny-by-default behaviour itself is not
 * machine-checkable from the model and is left to TM-009 and a reviewer.
 */
public final class ControlExposureCheck extends ThreatModelCheck {
  @Override
  public String name() {
    return "control.exposure";
  }

  @Override
  Evaluation decide(Run run) {
    ThreatModel m = run.model;
    int declared = 0;
    for (ThreatModel.Component c : m.components()) {
      if (!c.interfaces().isEmpty() || c.unusedInterfaces().isPresent()) {
        declared++;
      }
      for (ThreatModel.Interface i : c.interfaces()) {
        String who = name("interface", i.id(), i.name()) + " of " + name("component", c.id(), c.name());
        boolean enabled = i.state().map(s -> s.equals("enabled")).orElse(true);
        boolean debug = i.kind().map(k -> k.toLowerCase(Locale.ROOT).equals("debug")).orElse(false)
            || i.name().map(n -> n.toLowerCase(Locale.ROOT).matches(".*\\b(jtag|uart|swd)\\b.*")).orElse(false);
        if (debug && enabled) {
          run.add(i.pointer() + "/state", who + " is a test or debug port that is " + (i.state().isPresent() ? "enabled" : "not declared disabled or restricted"));
        } else if (!i.used().orElse(true) && enabled) {
          run.add(i.pointer() + "/state", who + " is unused but " + (i.state().isPresent() ? "enabled" : "not declared disabled or restricted"));
        }
      }
    }
    if (declared == 0) {
      run.add(run.list("components"), "no component declares its interfaces, including unused interfaces and test or debug ports");
    }
    return Evaluation.failIfAny(run.findings, "unused interfaces or debug ports are not shown disabled",
        declared + " component(s) declare their interfaces; no unused interface or debug port is enabled");
  }
}
