package org.cyberbaseline.validator.internal.checks;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * XART-004: the threat model's software assets trace to the SBOM. Every {@code sbomRefs} entry
 * (OTM {@code fda:sbomRef}) names a component of a submitted SBOM by bom-ref, purl, CPE or SPDX id,
 * and at least one component carries such a reference. Whether components with known
 * vulnerabilities appear in the risk assessment is not checked here.
 */
public final class CrossSbomTraceCheck extends ThreatModelCheck {
  @Override
  public String name() {
    return "cross.sbom-trace";
  }

  @Override
  Evaluation decide(Run run) {
    List<SbomCheckSupport.ReadableSbom> sboms = SbomCheckSupport.readable(run.context);
    if (sboms.isEmpty()) {
      return new Evaluation.NotApplicable(SbomCheckSupport.NO_READABLE_SBOM);
    }
    Set<String> known = new HashSet<>();
    for (SbomCheckSupport.ReadableSbom s : sboms) {
      for (Component c : SbomCheckSupport.allComponents(s.sbom())) {
        c.ref().ifPresent(known::add);
        c.purl().ifPresent(known::add);
        c.cpe().ifPresent(known::add);
      }
    }
    int traced = 0;
    for (ThreatModel.Component c : run.model.components()) {
      for (int i = 0; i < c.sbomRefs().size(); i++) {
        String ref = c.sbomRefs().get(i);
        String base = run.field(c.pointer(), ThreatModel.Field.SBOM_REFS);
        String at = run.model.format() == ThreatModel.SourceFormat.OTM && c.sbomRefs().size() == 1 ? base : base + "/" + i;
        if (known.contains(ref)) {
          traced++;
        } else {
          run.add(at, name("component", c.id(), c.name()) + " refers to SBOM component '" + ref + "', which no submitted SBOM lists");
        }
      }
    }
    if (traced == 0 && run.findings.isEmpty()) {
      run.add(run.list("components"), "no threat-model component refers to an SBOM component (bom-ref or purl), so assets do not"
          + " trace to the SBOM");
    }
    return Evaluation.failIfAny(run.findings, "threat-model assets do not all trace to SBOM components",
        traced + " threat-model reference(s) resolve to SBOM components");
  }
}
