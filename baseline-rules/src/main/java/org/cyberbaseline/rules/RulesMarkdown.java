package org.cyberbaseline.rules;

import java.util.stream.Collectors;

/**
 * Renders packs as Markdown. {@code docs/rules.md} is generated from the bundled packs by this
 * class (a test fails when it is out of date), so the documentation cannot drift from the rules.
 */
public final class RulesMarkdown {
  private RulesMarkdown() {}

  public static String render(RulePackRepository repository) throws RulePackException {
    StringBuilder out = new StringBuilder();
    out.append("# Bundled rules\n\n")
        .append("Generated from the rule packs in `baseline-rules/src/main/resources/org/cyberbaseline/rules/packs/`")
        .append(" by `RulesMarkdown`; do not edit by hand. Regenerate with\n")
        .append("`mvn -B -pl baseline-rules -am test -Dtest=RulesDocTest -Dsurefire.failIfNoSpecifiedTests=false -Dcyberbaseline.updateDocs=true`.\n");
    for (PackRef ref : repository.packs()) {
      RulePack pack = repository.resolve(ref);
      out.append("\n## ").append(ref).append(": ").append(pack.title()).append("\n\n");
      out.append("Effective ").append(pack.effectiveDate());
      if (!pack.extendsPacks().isEmpty()) {
        out.append("; extends ").append(pack.extendsPacks().stream().map(PackRef::toString).collect(Collectors.joining(", ")));
      }
      out.append(".\n\n");
      pack.description().ifPresent(d -> out.append(d.strip()).append("\n\n"));
      for (Exclusion exclusion : pack.exclusions()) {
        out.append("- Excludes ").append(exclusion.ruleId()).append(" (").append(exclusion.excludedBy()).append("): ")
            .append(cell(exclusion.reason())).append('\n');
      }
      if (!pack.exclusions().isEmpty()) {
        out.append('\n');
      }
      out.append("| id | severity | title | reads | check | citations |\n|---|---|---|---|---|---|\n");
      for (Rule rule : pack.rules()) {
        out.append("| ").append(rule.id())
            .append(" | ").append(rule.severity().id())
            .append(" | ").append(cell(rule.title()))
            .append(" | ").append(rule.appliesTo().artifacts().stream().map(ArtifactType::id).sorted().collect(Collectors.joining(", ")))
            .append(" | `").append(rule.check().type()).append('`')
            .append(" | ").append(cell(rule.citations().stream().map(Citation::display).collect(Collectors.joining("; "))))
            .append(" |\n");
      }
      for (Rule rule : pack.rules()) {
        out.append("\n### ").append(rule.id()).append(" — ").append(rule.title()).append("\n\n");
        out.append(rule.rationale().strip()).append("\n\n");
        rule.remediation().ifPresent(r -> out.append("*Remediation:* ").append(r.strip()).append("\n\n"));
        rule.notes().ifPresent(n -> out.append("*Notes:* ").append(n.strip()).append("\n\n"));
        out.append("*Check:* `").append(rule.check().type()).append("` ").append(rule.check().params()).append("\n");
      }
    }
    return out.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
