package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;
import org.cyberbaseline.vuln.VexDocument;
import org.cyberbaseline.vuln.VexStatement;
import org.cyberbaseline.vuln.VexStatus;

/**
 * VLN-005: every VEX statement is complete. not_affected needs a justification or an impact
 * statement (OpenVEX 0.2.0's rule; CSAF test 6.1.27.9); affected needs an action (OpenVEX
 * action_statement; CSAF remediation, test 6.1.27.10; CycloneDX response, with a detail describing
 * it); a status outside the format's vocabulary is reported too.
 */
public final class VexStatementCheck implements CheckType {
  @Override
  public String name() {
    return "vex.statement-completeness";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of());
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    List<VexDocument> documents = context.vulnerabilities().documents();
    if (documents.stream().allMatch(d -> d.statements().stream().allMatch(VexStatement::reportedOnly))
        && !VulnCheckSupport.vexDeclared(context)) {
      return VulnCheckSupport.missingVex(context);
    }
    if (documents.isEmpty()) {
      return VulnCheckSupport.unreadableVex(context);
    }
    List<Finding> findings = new ArrayList<>();
    int statements = 0;
    for (VexDocument document : documents) {
      for (VexStatement s : document.statements()) {
        if (s.reportedOnly()) {
          continue;
        }
        statements++;
        String what = s.vulnerability() + " in " + document.path();
        if (s.status().isEmpty()) {
          findings.add(context.finding(what + ": status '" + s.statusAsWritten() + "' is not one of the "
              + document.format().displayName() + " statuses", VulnCheckSupport.at(document.path(), s.pointer(), s.position())));
          continue;
        }
        VexStatus status = s.status().get();
        if (status == VexStatus.NOT_AFFECTED && s.justification().isEmpty() && s.impactStatement().isEmpty()) {
          findings.add(context.finding(what + " is " + s.statusAsWritten() + " without a justification or impact statement",
              VulnCheckSupport.at(document.path(), s.pointer(), s.position())));
        }
        if (status == VexStatus.AFFECTED) {
          if (s.action().isEmpty()) {
            findings.add(context.finding(what + " is " + s.statusAsWritten() + " without an action ("
                + switch (document.format()) {
                  case CYCLONEDX -> "analysis.response";
                  case OPENVEX -> "action_statement";
                  case CSAF -> "a remediation for the product";
                } + ") saying what is done about it", VulnCheckSupport.at(document.path(), s.pointer(), s.position())));
          } else if (document.format() == VexDocument.VexFormat.CYCLONEDX && s.detail().isEmpty()) {
            findings.add(context.finding(what + " is " + s.statusAsWritten() + " with a response but no analysis.detail"
                + " describing the fix or compensating controls", VulnCheckSupport.at(document.path(), s.pointer(), s.position())));
          }
        }
      }
    }
    String explanation = statements + " VEX statements in " + documents.size() + " documents";
    return Evaluation.failIfAny(findings, explanation + "; some are incomplete", explanation + " are complete");
  }
}
