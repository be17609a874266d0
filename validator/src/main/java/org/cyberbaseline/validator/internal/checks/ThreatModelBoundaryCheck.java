package org.cyberbaseline.validator.internal.checks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * TM-004: every dataflow that crosses a trust boundary (its two ends sit in different trust zones,
 * following component parents up to their zone) and every external interface (a component or
 * interface marked external) is the target of at least one threat.
 */
public final class ThreatModelBoundaryCheck extends ThreatModelCheck {
  @Override
  public String name() {
    return "threat-model.boundary-threats";
  }

  @Override
  Evaluation decide(Run run) {
    ThreatModel m = run.model;
    Set<String> threatened = new HashSet<>();
    m.threats().forEach(t -> threatened.addAll(t.targets()));
    Map<String, String> zoneOf = zones(m);
    if (m.trustZones().isEmpty()) {
      run.add(run.list("trustZones"), "the threat model defines no trust zone, so no trust boundary can be identified");
    }
    int crossing = 0;
    for (ThreatModel.Dataflow d : m.dataflows()) {
      String from = zoneOf.get(d.source());
      String to = zoneOf.get(d.destination());
      if (from != null && to != null && !from.equals(to)) {
        crossing++;
        if (!threatened.contains(d.id())) {
          run.add(d.pointer(), name("dataflow", d.id(), d.name()) + " crosses the trust boundary between '" + from + "' and '" + to
              + "' but no threat is identified for it");
        }
      }
    }
    int external = 0;
    for (ThreatModel.Component c : m.components()) {
      if (c.external()) {
        external++;
        if (!threatened.contains(c.id())) {
          run.add(c.pointer(), name("external interface", c.id(), c.name()) + " has no threat");
        }
      }
      for (ThreatModel.Interface i : c.interfaces()) {
        if (i.external()) {
          external++;
          if (!threatened.contains(i.id()) && !threatened.contains(c.id())) {
            run.add(i.pointer(), name("external interface", i.id(), i.name()) + " of " + name("component", c.id(), c.name())
                + " has no threat");
          }
        }
      }
    }
    return Evaluation.failIfAny(run.findings, "a boundary-crossing dataflow or an external interface has no threat",
        crossing + " boundary-crossing dataflow(s) and " + external + " external interface(s), each with a threat");
  }

  /** Trust zone of every component, interface and zone id (a component inherits its parent's zone). */
  static Map<String, String> zones(ThreatModel m) {
    Map<String, ThreatModel.Component> byId = new HashMap<>();
    m.components().forEach(c -> byId.putIfAbsent(c.id(), c));
    Map<String, String> out = new HashMap<>();
    m.trustZones().forEach(z -> out.put(z.id(), z.id()));
    for (ThreatModel.Component c : m.components()) {
      zoneOf(c, byId).ifPresent(zone -> {
        out.put(c.id(), zone);
        c.interfaces().forEach(i -> out.putIfAbsent(i.id(), zone));
      });
    }
    return out;
  }

  private static Optional<String> zoneOf(ThreatModel.Component start, Map<String, ThreatModel.Component> byId) {
    Set<String> seen = new HashSet<>();
    ThreatModel.Component c = start;
    while (c != null && seen.add(c.id())) {
      if (c.trustZone().isPresent()) {
        return c.trustZone();
      }
      c = c.parent().map(byId::get).orElse(null);
    }
    return Optional.empty();
  }
}
