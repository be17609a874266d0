package org.cyberbaseline.validator;

import java.util.List;
import java.util.Objects;
import org.cyberbaseline.rules.Citation;
import org.cyberbaseline.rules.Severity;

/**
 * The outcome of one rule of the baseline.
 *
 * @param severity the rule's declared severity
 * @param explanation why the status is what it is, in one sentence (what was checked, what was
 *     missing, why the rule did not apply, what a reviewer must judge)
 * @param findings the problems found; empty unless FAIL or NEEDS_REVIEW
 */
public record RuleResult(
    String ruleId,
    String title,
    Severity severity,
    Status status,
    String explanation,
    List<Citation> citations,
    List<Finding> findings) {
  public RuleResult {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(explanation, "explanation");
    citations = List.copyOf(citations);
    findings = List.copyOf(findings);
  }
}
