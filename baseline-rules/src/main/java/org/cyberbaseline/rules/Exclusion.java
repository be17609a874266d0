package org.cyberbaseline.rules;

import java.util.Objects;

/** An inherited rule a pack leaves out, and why; reports list it so nothing disappears silently. */
public record Exclusion(String ruleId, String reason, PackRef excludedBy) {
  public Exclusion {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(excludedBy, "excludedBy");
  }
}
