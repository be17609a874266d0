package org.cyberbaseline.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A versioned baseline. When returned by {@link RulePackRepository#resolve}, {@link #rules()}
 * already includes the rules of every pack it extends, sorted by rule id.
 *
 * @param source where the pack was read from (classpath resource or file), for error messages
 */
public record RulePack(
    PackRef ref,
    String title,
    Optional<String> description,
    LocalDate effectiveDate,
    List<PackRef> extendsPacks,
    List<Rule> rules,
    String source) {
  public RulePack {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    extendsPacks = List.copyOf(extendsPacks);
    rules = List.copyOf(rules);
    Objects.requireNonNull(source, "source");
  }

  public Optional<Rule> rule(String ruleId) {
    return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
  }
}
