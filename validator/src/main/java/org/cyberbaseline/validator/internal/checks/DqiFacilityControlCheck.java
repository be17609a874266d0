package org.cyberbaseline.validator.internal.checks;

import java.util.List;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * DQI-014: the healthcare facility can disable the DQI, its default state and API version are
 * declared, each interface declares how it is discovered, and the labeling ports list that shows
 * its endpoint is referenced.
 */
public final class DqiFacilityControlCheck extends DqiCheck {
  @Override
  public String name() {
    return "dqi.facility-control";
  }

  @Override
  Evaluation decide(Run run) {
    DqiManifest.Dqi dqi = run.dqi();
    if (!dqi.hdoCanDisable().orElse(false)) {
      run.add("/dqi/hdoCanDisable", dqi.hdoCanDisable().isPresent()
          ? "the healthcare facility cannot disable the DQI" : "hdoCanDisable is absent: declare whether the facility can disable the DQI");
    }
    if (dqi.defaultState().isEmpty()) {
      run.add("/dqi/defaultState", "the DQI's default state (enabled or disabled) is not declared");
    }
    if (dqi.apiVersion().isEmpty()) {
      run.add("/dqi/apiVersion", "the DQI's API version is not declared");
    }
    List<DqiManifest.Interface> interfaces = dqi.interfaces();
    for (int i = 0; i < interfaces.size(); i++) {
      if (interfaces.get(i).discovery().isEmpty()) {
        run.add("/dqi/interfaces/" + i + "/discovery", "interface '" + interfaces.get(i).id().orElse("#" + i)
            + "' does not declare how it is discovered (RFC 9472 MUD, DNS-SD, fixed port...)");
      }
    }
    if (dqi.documentation().flatMap(DqiManifest.Documentation::labelingPortsListRef).isEmpty()) {
      run.add(dqi.documentation().isPresent() ? "/dqi/documentation/labelingPortsListRef" : "/dqi/documentation",
          "no reference to the labeling ports list that shows the DQI endpoint");
    }
    return Evaluation.failIfAny(run.findings, "the facility's control over the DQI, or how to find it, is not declared",
        "the facility can disable the DQI; default state, API version, discovery and ports-list reference are declared");
  }
}
