package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.DqiManifestArtifact;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * XART-002 ({@code mode: listed}): every network interface of the DQI manifest names, in its
 * {@code threatModelRef}, an element of the threat model (component, interface or dataflow,
 * written {@code tm:component/ID}, {@code tm:interface/ID}, {@code tm:dataflow/ID} or as a bare id).
 * XART-003 ({@code mode: threat-modelled}): in addition, each such element — or a dataflow that
 * starts or ends at it — is the target of a threat that is mitigated or accepted with a rationale.
 * In {@code listed} mode, when the labeling declares its ports list as facts
 * ({@code artifacts.supplementary[kind=labeling].facts.ports}, docs/documentation-elements.md), the
 * port numbers are compared too: every labeled port is used by a threat-model dataflow or interface,
 * and every port of a boundary-crossing dataflow, of an external interface and of a DQI interface is
 * in the labeling's list.
 */
public final class CrossDqiInterfacesCheck extends ThreatModelCheck {
  @Override
  public String name() {
    return "cross.dqi-interfaces";
  }

  @Override
  public void checkParameters(com.fasterxml.jackson.databind.node.ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of("mode"));
    String mode = params.path("mode").asText("");
    if (!mode.equals("listed") && !mode.equals("threat-modelled")) {
      throw new IllegalArgumentException("'mode' must be 'listed' or 'threat-modelled'");
    }
  }

  private static final Pattern PORT = Pattern.compile("(\\d{1,5})(?:\\s*-\\s*(\\d{1,5}))?\\s*/\\s*(?:tcp|udp|sctp)", Pattern.CASE_INSENSITIVE);

  /** Port numbers written in a ports text such as "67-68/udp, 53/udp+tcp, 123/udp outbound" (ranges up to 64 ports). */
  static Set<Integer> ports(String text) {
    Set<Integer> out = new TreeSet<>();
    String t = text.strip();
    if (t.matches("\\d{1,5}")) {
      out.add(Integer.parseInt(t));
      return out;
    }
    Matcher m = PORT.matcher(t);
    while (m.find()) {
      int from = Integer.parseInt(m.group(1));
      int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
      for (int p = from; p <= to && p - from < 64; p++) {
        out.add(p);
      }
    }
    return out;
  }

  @Override
  Evaluation decide(Run run) {
    boolean deep = run.context.params().path("mode").asText().equals("threat-modelled");
    List<Finding> portFindings = deep ? List.of() : comparePorts(run);
    Optional<DqiManifestArtifact> dqi = run.context.dqiManifest();
    if (dqi.isEmpty() || dqi.get().manifest().isEmpty()) {
      return deep
          ? new Evaluation.NotApplicable("no readable DQI manifest, so there is no DQI to find in the threat model (see DQI-001)")
          : Evaluation.failIfAny(portFindings, "the labeling's ports and the threat model's interfaces differ",
              "no readable DQI manifest; the labeling's ports, where declared, match the threat model");
    }
    ThreatModel m = run.model;
    List<DqiManifest.Interface> interfaces = dqi.get().manifest().get().dqi().interfaces();
    List<Finding> findings = new ArrayList<>(portFindings);
    int resolved = 0;
    for (int i = 0; i < interfaces.size(); i++) {
      DqiManifest.Interface iface = interfaces.get(i);
      String p = "/dqi/interfaces/" + i;
      String who = "DQI interface '" + iface.id().orElse("#" + i) + "'";
      if (iface.threatModelRef().isEmpty()) {
        findings.add(run.context.finding(who + " names no threat-model element (threatModelRef)", dqi.get().locate(p + "/threatModelRef")));
        continue;
      }
      String ref = iface.threatModelRef().get();
      String id = ref.replaceFirst("^tm:(component|interface|dataflow)/", "");
      Set<String> elements = new HashSet<>();
      m.components().stream().filter(c -> c.id().equals(id)).forEach(c -> {
        elements.add(c.id());
        c.interfaces().forEach(x -> elements.add(x.id()));
      });
      m.components().forEach(c -> c.interfaces().stream().filter(x -> x.id().equals(id)).forEach(x -> elements.add(x.id())));
      m.dataflows().stream().filter(d -> d.id().equals(id)).forEach(d -> elements.add(d.id()));
      if (elements.isEmpty()) {
        findings.add(run.context.finding(who + " refers to '" + ref + "', which is not an element of the threat model "
            + run.artifact.path(), dqi.get().locate(p + "/threatModelRef")));
        continue;
      }
      resolved++;
      if (deep) {
        Set<String> scope = new HashSet<>(elements);
        m.dataflows().stream().filter(d -> elements.contains(d.source()) || elements.contains(d.destination()))
            .forEach(d -> scope.add(d.id()));
        boolean modelled = m.threats().stream().anyMatch(t -> t.targets().stream().anyMatch(scope::contains)
            && (!t.mitigations().isEmpty() || t.riskAcceptance().flatMap(ThreatModel.RiskAcceptance::rationale).isPresent()));
        if (!modelled) {
          findings.add(run.context.finding(who + " is in the threat model as '" + id + "', but no threat on it or its dataflows is"
              + " mitigated or accepted", dqi.get().locate(p + "/threatModelRef")));
        }
      }
    }
    if (interfaces.isEmpty()) {
      findings.add(run.context.finding("the DQI manifest declares no interface to find in the threat model", dqi.get().locate("/dqi/interfaces")));
    }
    return Evaluation.failIfAny(findings,
        deep ? "the DQI is not threat-modelled" : "a DQI interface or a port is missing from the threat model or the labeling",
        resolved + " DQI interface(s) found in the threat model" + (deep ? ", each with mitigated or accepted threats"
            : "; the labeling's ports, where declared, match the threat model"));
  }

  /** Labeling ports list (facts) against the threat model's and the DQI's ports; empty when the labeling declares none. */
  private static List<Finding> comparePorts(Run run) {
    List<Finding> out = new ArrayList<>();
    JsonNode supplementary = run.context.manifest().map(m -> m.path("artifacts").path("supplementary")).orElse(null);
    Map<Integer, List<String>> labeled = new TreeMap<>();
    List<String> entryPointers = new ArrayList<>();
    List<Set<Integer>> entryPorts = new ArrayList<>();
    List<String> entryNames = new ArrayList<>();
    if (supplementary != null && supplementary.isArray()) {
      for (int i = 0; i < supplementary.size(); i++) {
        JsonNode entry = supplementary.get(i);
        if (!entry.path("kind").asText().equals("labeling") || !entry.path("facts").path("ports").isArray()) {
          continue;
        }
        JsonNode list = entry.path("facts").path("ports");
        for (int j = 0; j < list.size(); j++) {
          JsonNode port = list.get(j).path("port");
          Set<Integer> numbers = port.isIntegralNumber() ? Set.of(port.intValue()) : port.isTextual() ? ports(port.asText()) : Set.of();
          String pointer = "/artifacts/supplementary/" + i + "/facts/ports/" + j;
          numbers.forEach(n -> labeled.computeIfAbsent(n, k -> new ArrayList<>()).add(pointer));
          entryPointers.add(pointer);
          entryPorts.add(numbers);
          entryNames.add(list.get(j).path("function").asText(list.get(j).path("interface").asText("?")));
        }
      }
    }
    if (entryPointers.isEmpty()) {
      return out;
    }
    ThreatModel m = run.model;
    Map<String, String> zones = ThreatModelBoundaryCheck.zones(m);
    Set<Integer> modelled = new TreeSet<>();
    for (ThreatModel.Dataflow d : m.dataflows()) {
      Set<Integer> numbers = d.ports().map(CrossDqiInterfacesCheck::ports).orElse(Set.of());
      modelled.addAll(numbers);
      String from = zones.get(d.source());
      String to = zones.get(d.destination());
      if (from != null && to != null && !from.equals(to)) {
        for (Integer n : numbers) {
          if (!labeled.containsKey(n)) {
            out.add(run.context.finding(name("dataflow", d.id(), d.name()) + " crosses a trust boundary on port " + n
                + ", which the labeling's ports list does not list", run.artifact.locate(run.field(d.pointer(), ThreatModel.Field.PORTS))));
          }
        }
      }
    }
    for (ThreatModel.Component c : m.components()) {
      for (ThreatModel.Interface i : c.interfaces()) {
        Set<Integer> numbers = i.ports().map(CrossDqiInterfacesCheck::ports).orElse(Set.of());
        modelled.addAll(numbers);
        if (i.external() && !i.state().filter("disabled"::equals).isPresent()) {
          for (Integer n : numbers) {
            if (!labeled.containsKey(n)) {
              out.add(run.context.finding(name("external interface", i.id(), i.name()) + " uses port " + n
                  + ", which the labeling's ports list does not list", run.artifact.locate(i.pointer() + "/ports")));
            }
          }
        }
      }
    }
    run.context.dqiManifest().flatMap(DqiManifestArtifact::manifest).ifPresent(q -> {
      List<DqiManifest.Interface> interfaces = q.dqi().interfaces();
      for (int i = 0; i < interfaces.size(); i++) {
        Optional<Integer> port = interfaces.get(i).port();
        if (port.isPresent() && !labeled.containsKey(port.get())) {
          out.add(run.context.finding("DQI interface '" + interfaces.get(i).id().orElse("#" + i) + "' listens on port " + port.get()
              + ", which the labeling's ports list does not list", run.context.dqiManifest().get().locate("/dqi/interfaces/" + i + "/port")));
        }
      }
    });
    for (int e = 0; e < entryPointers.size(); e++) {
      for (Integer n : entryPorts.get(e)) {
        if (!modelled.contains(n)) {
          out.add(run.context.finding("the labeling lists port " + n + " (" + entryNames.get(e) + ") but no threat-model dataflow or"
              + " interface uses it", run.context.locateInManifest(entryPointers.get(e))));
        }
      }
    }
    return out;
  }
}
