package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;
import org.cyberbaseline.vuln.ComponentRef;
import org.cyberbaseline.vuln.VexProduct;
import org.cyberbaseline.vuln.VulnerabilityAssessment;
import org.cyberbaseline.vuln.VulnerabilityAssessment.ReferenceResolution;

/**
 * VLN-008: every product or subcomponent reference of every VEX statement (bom-ref, BOM-Link, purl,
 * CPE, CSAF product id with its identification helper) resolves to exactly one SBOM component
 * (or primary component) of the submission.
 */
public final class VexReferenceCheck implements CheckType {
  @Override
  public String name() {
    return "vex.references";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of());
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    VulnerabilityAssessment assessment = context.vulnerabilities();
    if (assessment.documents().isEmpty() && !VulnCheckSupport.vexDeclared(context)) {
      return VulnCheckSupport.missingVex(context);
    }
    if (assessment.documents().isEmpty()) {
      return VulnCheckSupport.unreadableVex(context);
    }
    List<Finding> findings = new ArrayList<>();
    for (ReferenceResolution r : assessment.references()) {
      VexProduct p = r.product();
      int n = r.components().size();
      if (n == 1) {
        continue;
      }
      String what = r.statement().vulnerability() + " names '" + p.reference() + "'" + identifiers(p);
      String message = n == 0
          ? what + ", which matches no component of the submitted SBOMs"
          : what + ", which matches " + n + " components ("
              + String.join(", ", r.components().stream().map(ComponentRef::label).distinct().toList())
              + "): the statement cannot be traced to one component";
      findings.add(context.finding(message, VulnCheckSupport.at(r.document().path(), p.pointer(), p.position())));
    }
    String explanation = assessment.references().size() + " VEX product references";
    return Evaluation.failIfAny(findings, explanation + "; some do not resolve to exactly one SBOM component",
        explanation + " each resolve to exactly one SBOM component");
  }

  private static String identifiers(VexProduct p) {
    List<String> ids = new ArrayList<>();
    p.purl().filter(x -> !x.equals(p.reference())).ifPresent(x -> ids.add("purl " + x));
    p.cpe().filter(x -> !x.equals(p.reference())).ifPresent(x -> ids.add("CPE " + x));
    if (p.bomRef().isEmpty() && p.purl().isEmpty() && p.cpe().isEmpty()) {
      ids.add("no bom-ref, purl or CPE to resolve it by");
    }
    return ids.isEmpty() ? "" : " (" + String.join("; ", ids) + ")";
  }
}
