package org.cyberbaseline.validator.internal.checks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.threatmodel.ThreatModel.Kind;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * TM-010: traceability closes inside the threat model. Ids are unique; every reference (parents,
 * dataflow ends, threat targets and mitigations, view elements) resolves to an element of the kind
 * it needs; every mitigation answers at least one threat ("no control without a threat"); and every
 * mitigation names the tests that verify it. Asset-to-SBOM traceability is XART-004.
 */
public final class ThreatModelTraceabilityCheck extends ThreatModelCheck {
  @Override
  public String name() {
    return "threat-model.traceability";
  }

  @Override
  Evaluation decide(Run run) {
    ThreatModel m = run.model;
    Map<String, Set<Kind>> kinds = new HashMap<>();
    Map<String, String> firstPointer = new HashMap<>();
    register(run, kinds, firstPointer, Kind.TRUST_ZONE, m.trustZones().stream().map(z -> List.of(z.id(), z.pointer())).toList());
    register(run, kinds, firstPointer, Kind.COMPONENT, m.components().stream().map(c -> List.of(c.id(), c.pointer())).toList());
    register(run, kinds, firstPointer, Kind.INTERFACE, m.components().stream().flatMap(c -> c.interfaces().stream())
        .map(i -> List.of(i.id(), i.pointer())).toList());
    register(run, kinds, firstPointer, Kind.DATAFLOW, m.dataflows().stream().map(d -> List.of(d.id(), d.pointer())).toList());
    register(run, kinds, firstPointer, Kind.THREAT, m.threats().stream().map(t -> List.of(t.id(), t.pointer())).toList());
    register(run, kinds, firstPointer, Kind.MITIGATION, m.mitigations().stream().map(x -> List.of(x.id(), x.pointer())).toList());
    for (ThreatModel.Reference ref : m.references()) {
      Set<Kind> found = kinds.getOrDefault(ref.id(), Set.of());
      if (ref.expected().stream().noneMatch(found::contains)) {
        run.add(ref.pointer(), "'" + ref.id() + "' names no " + ref.expected().stream()
            .map(k -> k.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).toList() + " of the threat model");
      }
    }
    Set<String> used = new HashSet<>();
    m.threats().forEach(t -> used.addAll(t.mitigations()));
    for (ThreatModel.Mitigation x : m.mitigations()) {
      if (!used.contains(x.id())) {
        run.add(x.pointer(), name("mitigation", x.id(), x.name()) + " answers no threat");
      }
      if (x.testRefs().isEmpty()) {
        run.add(run.field(x.pointer(), ThreatModel.Field.TEST_REFS), name("mitigation", x.id(), x.name())
            + " names no test that verifies it");
      }
    }
    return Evaluation.failIfAny(run.findings, "traceability inside the threat model does not close",
        "ids are unique, every reference resolves, and every mitigation answers a threat and names its tests");
  }

  private static void register(Run run, Map<String, Set<Kind>> kinds, Map<String, String> first, Kind kind, List<List<String>> elements) {
    for (List<String> e : elements) {
      String id = e.get(0);
      String pointer = e.get(1);
      if (id.isEmpty()) {
        continue;
      }
      String previous = first.putIfAbsent(id, pointer);
      if (previous != null) {
        run.add(pointer, "id '" + id + "' is used again (first at " + previous + "), so references to it are ambiguous");
      }
      kinds.computeIfAbsent(id, k -> new HashSet<>()).add(kind);
    }
  }
}
