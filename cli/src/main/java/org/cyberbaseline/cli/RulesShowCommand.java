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
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.cyberbaseline.rules.AppliesTo;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.rules.Citation;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.Rule;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.rules.RulePackRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cyber-baseline rules show ID}: everything the baseline says about one rule. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = "Shows one rule in full: rationale, citations, applicability, check, remediation, notes.")
final class RulesShowCommand implements Callable<Integer> {
  private static final int MAX_LISTED_IDS = 20;

  private final Io io;

  @Parameters(index = "0", paramLabel = "RULE-ID", description = "Rule id, e.g. SBOM-004.")
  String ruleId;

  @Mixin BaselineOptions baselineOptions;

  @Mixin VerboseOption verbose;

  RulesShowCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    RulePack pack = baselineOptions.validator(java.time.Clock.systemUTC()).baseline();
    Rule rule = find(pack, ruleId.strip());
    RulePackRepository repository = baselineOptions.checkedRepository();
    PrintWriter out = io.out();
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
    return ExitCodes.OK;
  }

  private static Rule find(RulePack pack, String id) {
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
