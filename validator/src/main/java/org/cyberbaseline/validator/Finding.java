package org.cyberbaseline.validator;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cyberbaseline.rules.Citation;
import org.cyberbaseline.rules.Severity;

/**
 * One concrete problem.
 *
 * @param ruleId catalogue rule id (e.g. SBOM-004), or an {@code input.*} code for problems reading
 *     the submission itself (missing file, invalid manifest)
 * @param severity may be lower than the rule's (an explicit "unknown" is a warning where absence is
 *     an error)
 * @param remediation what to change to resolve it
 */
public record Finding(
    String ruleId,
    Severity severity,
    String message,
    Location location,
    List<Citation> citations,
    Optional<String> remediation) {
  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
    citations = List.copyOf(citations);
    Objects.requireNonNull(remediation, "remediation");
  }
}
