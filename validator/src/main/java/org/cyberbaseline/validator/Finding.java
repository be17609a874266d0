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
 * @param waiver the waiver that accepts this finding, if any; a waived finding stays in the report
 *     but does not count toward the verdict
 */
public record Finding(
    String ruleId,
    Severity severity,
    String message,
    Location location,
    List<Citation> citations,
    Optional<String> remediation,
    Optional<Waiver> waiver) {

  /** A finding no waiver covers. */
  public Finding(
      String ruleId, Severity severity, String message, Location location, List<Citation> citations,
      Optional<String> remediation) {
    this(ruleId, severity, message, location, citations, remediation, Optional.empty());
  }

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
    citations = List.copyOf(citations);
    Objects.requireNonNull(remediation, "remediation");
    Objects.requireNonNull(waiver, "waiver");
  }

  /** True when a waiver accepts this finding. */
  public boolean waived() {
    return waiver.isPresent();
  }

  /** This finding, accepted by {@code by}. */
  public Finding withWaiver(Waiver by) {
    return new Finding(ruleId, severity, message, location, citations, remediation, Optional.of(by));
  }
}
