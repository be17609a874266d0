package org.cyberbaseline.validator;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A team's documented acceptance of a finding: which findings it covers (rule, and optionally
 * artifact and JSON Pointer), why, who owns the decision, and until when. A waived finding stays in
 * the report, marked with its waiver, and no longer counts toward the verdict.
 *
 * @param id the waiver's own identifier, if the file gives one
 * @param artifact when present, only findings in this artifact are covered
 * @param pointer when present, only findings at this JSON Pointer or below it are covered
 * @param declaredAt where the waiver is written (the waiver file, pointer, line, column)
 */
public record Waiver(
    Optional<String> id,
    String ruleId,
    Optional<String> artifact,
    Optional<String> pointer,
    String justification,
    String owner,
    LocalDate expires,
    Location declaredAt) {
  public Waiver {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(justification, "justification");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(expires, "expires");
    Objects.requireNonNull(declaredAt, "declaredAt");
  }

  /** True when this waiver covers {@code finding} (whatever its expiry). */
  public boolean covers(Finding finding) {
    if (!finding.ruleId().equals(ruleId)) {
      return false;
    }
    if (artifact.isPresent() && !artifact.get().equals(finding.location().artifact())) {
      return false;
    }
    if (pointer.isPresent()) {
      String at = finding.location().pointer().orElse(null);
      return at != null && (at.equals(pointer.get()) || at.startsWith(pointer.get() + "/"));
    }
    return true;
  }
}
