package org.cyberbaseline.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One requirement of a baseline: stable id (the regulatory catalogue's, e.g. SBOM-003), what it
 * asks and why, how severe a failure is, where it comes from, and which check decides it.
 */
public record Rule(
    String id,
    String title,
    String rationale,
    Severity severity,
    List<Citation> citations,
    Optional<String> remediation,
    Optional<String> notes,
    AppliesTo appliesTo,
    CheckSpec check) {
  public Rule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(severity, "severity");
    citations = List.copyOf(citations);
    Objects.requireNonNull(remediation, "remediation");
    Objects.requireNonNull(notes, "notes");
    Objects.requireNonNull(appliesTo, "appliesTo");
    Objects.requireNonNull(check, "check");
  }
}
