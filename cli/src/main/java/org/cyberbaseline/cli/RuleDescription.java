package org.cyberbaseline.cli;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cyberbaseline.rules.AppliesTo;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.rules.Citation;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.Rule;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.rules.RulePackRepository;

/** One rule in full, as {@code rules show} and {@code explain} print it. */
final class RuleDescription {
  private static final int MAX_LISTED_IDS = 20;

  private RuleDescription() {}

  /** The rule {@code id} of {@code pack} (exact, else case-insensitive); a usage error naming the known ids. */
  static Rule find(RulePack pack, String id) {
    Optional<Rule> exact = pack.rule(id);
    if (exact.isPresent()) {
      return exact.get();
    }
    List<Rule> ignoringCase = pack.rules().stream().filter(r -> r.id().equalsIgnoreCase(id)).toList();
    if (ignoringCase.size() == 1) {
      return ignoringCase.get(0);
    }
    List<String> ids = pack.rules().stream().map(Rule::id).toList();
    String known =
        ids.size() <= MAX_LISTED_IDS
            ? "its rules: " + String.join(", ", ids)
            : "it has " + ids.size() + " rules; 'cyber-baseline rules list --baseline " + pack.ref() + "' lists them";
    throw new CliException("no rule '" + id + "' in baseline " + pack.ref() + "; " + known);
  }

  /** Rationale, citations, applicability, check, remediation and notes of {@code rule}. */
  static void print(PrintWriter out, RulePack pack, RulePackRepository repository, Rule rule) {
    out.println(rule.id() + "  " + rule.title());
    out.println();
    field(out, "Baseline", pack.ref() + " (" + pack.title() + ")");
    definedBy(repository, pack.ref(), rule.id())
        .filter(owner -> !owner.equals(pack.ref()))
        .ifPresent(owner -> field(out, "Defined in", owner + " (inherited)"));
    field(out, "Severity", rule.severity().id());
    field(out, "Applies to", appliesTo(rule.appliesTo()));
    field(out, "Check", rule.check().type() + (rule.check().params().isEmpty() ? "" : " " + rule.check().params()));
    out.println();
    out.println("Rationale:");
    Text.paragraph(out, rule.rationale());
    out.println();
    out.println("Citations:");
    for (Citation citation : rule.citations()) {
      out.println("  - " + citation.document() + (citation.section().isEmpty() ? "" : ", " + citation.section()));
      citation.url().ifPresent(url -> out.println("    " + url));
    }
    rule.remediation().ifPresent(
        text -> {
          out.println();
          out.println("Remediation:");
          Text.paragraph(out, text);
        });
    rule.notes().ifPresent(
        text -> {
          out.println();
          out.println("Notes:");
          Text.paragraph(out, text);
        });
    out.flush();
  }

  /** Which pack declares the rule that wins in the baseline: the baseline itself, else the nearest parent. */
  private static Optional<PackRef> definedBy(RulePackRepository repository, PackRef start, String ruleId) {
    Deque<PackRef> queue = new ArrayDeque<>(List.of(start));
    Set<PackRef> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      PackRef ref = queue.removeFirst();
      if (!seen.add(ref)) {
        continue;
      }
      Optional<RulePack> declared = repository.declared(ref);
      if (declared.isEmpty()) {
        continue;
      }
      if (declared.get().rule(ruleId).isPresent()) {
        return Optional.of(ref);
      }
      queue.addAll(declared.get().extendsPacks());
    }
    return Optional.empty();
  }

  private static String appliesTo(AppliesTo appliesTo) {
    StringBuilder text =
        new StringBuilder(
            "artifacts: "
                + appliesTo.artifacts().stream()
                    .sorted(Comparator.naturalOrder())
                    .map(ArtifactType::id)
                    .collect(Collectors.joining(", ")));
    if (appliesTo.sbomOnly()) {
      text.append(" (also runs on a lone SBOM)");
    }
    appliesTo.cyberDevice().ifPresent(
        cyber -> text.append(cyber ? "; cyber devices only (FD&C Act 524B)" : "; devices that are not cyber devices only"));
    if (!appliesTo.pathways().isEmpty()) {
      text.append("; pathways: ").append(appliesTo.pathways().stream().sorted().collect(Collectors.joining(", ")));
    }
    return text.toString();
  }

  private static void field(PrintWriter out, String name, String value) {
    out.printf(Locale.ROOT, "%-12s %s%n", name + ":", value);
  }
}
