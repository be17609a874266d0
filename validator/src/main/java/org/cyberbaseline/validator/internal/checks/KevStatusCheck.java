package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;
import org.cyberbaseline.vuln.VexStatus;
import org.cyberbaseline.vuln.VulnerabilityAssessment;
import org.cyberbaseline.vuln.VulnerabilityRow;

/**
 * VLN-004: a vulnerability of an SBOM component that is in the CISA KEV catalogue must be fixed, or
 * not_affected with a justification or impact statement. Affected, under investigation or not
 * assessed is an error; not_affected (even justified) is a warning, because FDA expects KEV entries
 * to be designed out and a reviewer will look at the reasoning.
 *
 * <p>Without a configured KEV catalogue the rule cannot be decided: NEEDS_REVIEW pointing at the
 * VEX documents, or FAIL when there are none.
 */
public final class KevStatusCheck implements CheckType {
  @Override
  public String name() {
    return "vulnerability.kev";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of());
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    VulnerabilityAssessment assessment = context.vulnerabilities();
    if (!assessment.kevConfigured()) {
      if (!VulnCheckSupport.vexDeclared(context) && assessment.documents().isEmpty()) {
        return VulnCheckSupport.missingVex(context);
      }
      List<Finding> pointers = new ArrayList<>();
      assessment.documents().forEach(d -> pointers.add(context.finding(Severity.INFO,
          "review " + d.path() + ": no CISA KEV catalogue was configured (--kev), so the tool cannot tell which"
              + " vulnerabilities are known to be exploited", Location.ofArtifact(d.path()))));
      return new Evaluation.NeedsReview(
          "no CISA KEV catalogue was configured: a reviewer must check that no known-exploited vulnerability is left"
              + " affected or unassessed (configure --kev to decide this automatically)",
          pointers);
    }
    List<Finding> findings = new ArrayList<>();
    int kevRows = 0;
    for (VulnerabilityRow row : assessment.rows()) {
      if (!row.kev()) {
        continue;
      }
      kevRows++;
      String what = VulnCheckSupport.vulnerability(row) + " on " + VulnCheckSupport.component(row.component())
          + " is in the CISA KEV catalogue " + assessment.kev().catalogVersion().orElse(assessment.kev().name());
      if (row.statement().isEmpty()) {
        findings.add(context.finding(what + " and has no VEX statement; it must be fixed or shown not to affect the device",
            VulnCheckSupport.row(context, row)));
        continue;
      }
      VexStatus status = row.status().orElse(null);
      String written = row.statement().get().statusAsWritten();
      if (status == VexStatus.FIXED) {
        continue;
      }
      if (status == VexStatus.NOT_AFFECTED) {
        boolean justified = row.statement().get().justification().isPresent() || row.statement().get().impactStatement().isPresent();
        findings.add(justified
            ? context.finding(Severity.WARNING, what + " and is stated not_affected (" + written
                + "): a reviewer should confirm the justification, since KEV entries are to be designed out",
                VulnCheckSupport.row(context, row))
            : context.finding(what + " and is stated not_affected without a justification or impact statement",
                VulnCheckSupport.row(context, row)));
        continue;
      }
      findings.add(context.finding(what + " and is still " + (status == null ? "'" + written + "'" : status.id())
          + " (" + written + "): it must be fixed, or not_affected with a justification", VulnCheckSupport.row(context, row)));
    }
    String explanation = kevRows == 0
        ? "none of the " + assessment.rows().size() + " vulnerabilities of the SBOM components is in the CISA KEV catalogue "
            + assessment.kev().catalogVersion().orElse(assessment.kev().name())
        : kevRows + " known-exploited (CISA KEV) vulnerabilities affect SBOM components";
    return Evaluation.failIfAny(findings, explanation, explanation + "; each is fixed");
  }
}
