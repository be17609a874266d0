package org.cyberbaseline.validator.internal.checks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * Comparing the labeling's ports list is not automated (a labeling document is prose).
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

  @Override
  Evaluation decide(Run run) {
    boolean deep = run.context.params().path("mode").asText().equals("threat-modelled");
    Optional<DqiManifestArtifact> dqi = run.context.dqiManifest();
    if (dqi.isEmpty() || dqi.get().manifest().isEmpty()) {
      return deep
          ? new Evaluation.NotApplicable("no readable DQI manifest, so there is no DQI to find in the threat model (see DQI-001)")
          : new Evaluation.Pass("no readable DQI manifest; the threat model's interfaces have nothing to be compared with");
    }
    ThreatModel m = run.model;
    List<DqiManifest.Interface> interfaces = dqi.get().manifest().get().dqi().interfaces();
    List<Finding> findings = new ArrayList<>();
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
        deep ? "the DQI is not threat-modelled" : "a DQI interface is missing from the threat model",
        resolved + " DQI interface(s) found in the threat model" + (deep ? ", each with mitigated or accepted threats" : ""));
  }
}
