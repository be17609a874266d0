package org.cyberbaseline.validator;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cyberbaseline.rules.Severity;

/**
 * Counts for a quick verdict; derived from the results, never set independently.
 *
 * @param findingsBySeverity findings that count toward the verdict (waived ones excluded)
 * @param waivedFindings findings a valid waiver accepts
 */
public record Summary(Map<Status, Integer> rulesByStatus, Map<Severity, Integer> findingsBySeverity, int waivedFindings) {
  public Summary {
    rulesByStatus = Collections.unmodifiableMap(new EnumMap<>(rulesByStatus));
    findingsBySeverity = Collections.unmodifiableMap(new EnumMap<>(findingsBySeverity));
  }

  /** Derives the counts from results and input problems. */
  public static Summary of(List<RuleResult> results, List<Finding> inputProblems) {
    Map<Status, Integer> byStatus = new EnumMap<>(Status.class);
    for (Status s : Status.values()) {
      byStatus.put(s, 0);
    }
    int waived = 0;
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      bySeverity.put(s, 0);
    }
    for (RuleResult result : results) {
      byStatus.merge(result.status(), 1, Integer::sum);
      for (Finding f : result.findings()) {
        if (f.waived()) {
          waived++;
        } else {
          bySeverity.merge(f.severity(), 1, Integer::sum);
        }
      }
    }
    for (Finding f : inputProblems) {
      bySeverity.merge(f.severity(), 1, Integer::sum);
    }
    return new Summary(byStatus, bySeverity, waived);
  }
}
