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
 * @param exclusions inherited rules left out (after resolution: by this pack or any it extends)
 * @param overrides changes this pack makes to inherited rules (applied by resolution)
 * @param includes single rules taken from packs this one does not extend (applied by resolution)
 */
public record RulePack(
    PackRef ref,
    String title,
    Optional<String> description,
    LocalDate effectiveDate,
    List<PackRef> extendsPacks,
    List<Rule> rules,
    String source,
    List<Exclusion> exclusions,
    List<Override> overrides,
    List<Inclusion> includes) {
  public RulePack {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    extendsPacks = List.copyOf(extendsPacks);
    rules = List.copyOf(rules);
    Objects.requireNonNull(source, "source");
    exclusions = List.copyOf(exclusions);
    overrides = List.copyOf(overrides);
    includes = List.copyOf(includes);
  }

  /** A pack that takes no single rules from other packs. */
  public RulePack(
      PackRef ref,
      String title,
      Optional<String> description,
      LocalDate effectiveDate,
      List<PackRef> extendsPacks,
      List<Rule> rules,
      String source,
      List<Exclusion> exclusions,
      List<Override> overrides) {
    this(ref, title, description, effectiveDate, extendsPacks, rules, source, exclusions, overrides, List.of());
  }

  /**
   * Rules taken one by one from a pack this one does not extend: a company baseline that extends
   * the NTIA elements but also wants, say, the FDA pack's patch-cycle rule without the rest of it.
   *
   * @param pointer where the inclusion is written in the pack, for error messages
   */
  public record Inclusion(PackRef pack, List<String> ruleIds, String pointer) {
    public Inclusion {
      Objects.requireNonNull(pack, "pack");
      ruleIds = List.copyOf(ruleIds);
      Objects.requireNonNull(pointer, "pointer");
    }
  }

  /**
   * A change to an inherited rule; empty fields keep the inherited value.
   *
   * @param pointer where the override is written in the pack, for error messages
   */
  public record Override(
      String ruleId,
      java.util.Optional<Severity> severity,
      java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> params,
      java.util.Optional<List<Citation>> citations,
      java.util.Optional<String> notes,
      String pointer) {
    public Override {
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(severity, "severity");
      params = params.map(p -> p.deepCopy());
      citations = citations.map(List::copyOf);
      Objects.requireNonNull(notes, "notes");
      Objects.requireNonNull(pointer, "pointer");
    }

    @java.lang.Override
    public java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> params() {
      return params.map(p -> p.deepCopy());
    }
  }

  public Optional<Rule> rule(String ruleId) {
    return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
  }
}
