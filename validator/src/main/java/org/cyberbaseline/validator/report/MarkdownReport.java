package org.cyberbaseline.validator.report;

import java.util.List;
import java.util.Objects;
import org.cyberbaseline.rules.Citation;
import org.cyberbaseline.rules.Exclusion;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.RuleResult;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.ValidationReport;

/**
 * A GitHub-flavoured Markdown summary for a pull-request comment or a CI job summary: the verdict,
 * the counts, a table of the rules that fail or need review with their first citation, and the
 * first findings of each with {@code file:line} and JSON Pointer.
 *
 * <p>The verdict is FAIL when a rule fails or there is an error-level problem reading the
 * submission, NEEDS REVIEW when nothing fails but a rule needs a human, PASS otherwise; a rule whose
 * every finding a waiver accepts passes, and is listed with its waived findings. (The CLI's exit
 * code follows {@code --fail-on} instead, which this report does not know.)
 *
 * <p>Every piece of text that can come from a submitted document (messages, paths, pointers,
 * device names) or a pack is escaped: Markdown punctuation is backslash-escaped, {@code <}, {@code
 * >} and {@code &} become entities, line breaks become spaces, {@code |} cannot end a table cell,
 * and an {@code @} that starts a word is followed by a word joiner (U+2060) so a component such as
 * {@code @org/team} does not mention anyone. Code spans use a backtick fence longer than any run inside them.
 */
public final class MarkdownReport {
  private static final String WORD_JOINER = "\u2060";

  private MarkdownReport() {}

  /** Renders with at most {@code maxFindingsPerRule} findings listed under each rule. */
  public static String render(ValidationReport report, int maxFindingsPerRule) {
    Objects.requireNonNull(report, "report");
    if (maxFindingsPerRule < 0) {
      throw new IllegalArgumentException("maxFindingsPerRule must be >= 0: " + maxFindingsPerRule);
    }
    var rules = report.summary().rulesByStatus();
    var findings = report.summary().findingsBySeverity();
    StringBuilder out = new StringBuilder();
    out.append("## Cyber Baseline: ").append(verdict(report)).append("\n\n");

    out.append("Baseline ").append(code(report.baseline().ref().toString())).append(" (")
        .append(text(report.baseline().title())).append(")");
    report.device().ifPresent(
        d -> out.append(" · device ").append(text(d.deviceName())).append(", model ").append(text(d.model()))
            .append(", software ").append(text(d.softwareVersion())));
    if (report.mode() == ValidationReport.Mode.SBOM_ONLY) {
      out.append(" · a lone SBOM (only rules that read SBOMs alone run)");
    }
    out.append(" · cyber-baseline ").append(text(report.toolVersion())).append(" · ")
        .append(report.generatedAt()).append("\n\n");

    out.append("| Rules | Count |\n|---|---:|\n");
    out.append("| Fail | ").append(rules.get(Status.FAIL)).append(" |\n");
    out.append("| Needs review | ").append(rules.get(Status.NEEDS_REVIEW)).append(" |\n");
    out.append("| Pass | ").append(rules.get(Status.PASS)).append(" |\n");
    out.append("| Not applicable | ").append(rules.get(Status.NOT_APPLICABLE)).append(" |\n");
    out.append("| **Findings** | |\n");
    out.append("| Error | ").append(findings.get(Severity.ERROR)).append(" |\n");
    out.append("| Warning | ").append(findings.get(Severity.WARNING)).append(" |\n");
    out.append("| Info | ").append(findings.get(Severity.INFO)).append(" |\n");
    out.append("| Waived | ").append(report.summary().waivedFindings()).append(" |\n");

    if (!report.baseline().exclusions().isEmpty()) {
      out.append("\n### Rules the baseline leaves out\n\n| Rule | Excluded by | Reason |\n|---|---|---|\n");
      for (Exclusion exclusion : report.baseline().exclusions()) {
        out.append("| ").append(text(exclusion.ruleId())).append(" | ").append(code(exclusion.excludedBy().toString()))
            .append(" | ").append(text(exclusion.reason())).append(" |\n");
      }
    }

    if (!report.inputProblems().isEmpty()) {
      out.append("\n### Problems reading the submission\n\n");
      appendFindings(out, report.inputProblems(), maxFindingsPerRule, true);
    }

    List<RuleResult> attention =
        report.results().stream()
            .filter(r -> r.status() == Status.FAIL || r.status() == Status.NEEDS_REVIEW
                || r.findings().stream().anyMatch(Finding::waived))
            .toList();
    if (!attention.isEmpty()) {
      out.append("\n### Rules that fail, need review or have waived findings\n\n");
      out.append("| Rule | Status | Severity | Title | Findings | Citation |\n|---|---|---|---|---:|---|\n");
      for (RuleResult result : attention) {
        out.append("| ").append(text(result.ruleId()))
            .append(" | ").append(label(result))
            .append(" | ").append(result.severity().id())
            .append(" | ").append(text(result.title()))
            .append(" | ").append(result.findings().size())
            .append(" | ").append(result.citations().isEmpty() ? "" : citation(result.citations().get(0)))
            .append(" |\n");
      }
      for (RuleResult result : attention) {
        out.append("\n#### ").append(text(result.ruleId())).append(" ").append(text(result.title())).append("\n\n");
        out.append(paragraph(result.explanation())).append("\n\n");
        appendFindings(out, result.findings(), maxFindingsPerRule, false);
      }
    }
    appendVulnerabilities(out, report);
    return out.toString();
  }

  private static void appendVulnerabilities(StringBuilder out, ValidationReport report) {
    if (!VulnerabilityTable.present(report)) {
      return;
    }
    out.append("\n### Vulnerabilities\n\n");
    out.append(text(VulnerabilityTable.counts(report))).append(". Feeds: ")
        .append(text(String.join("; ", VulnerabilityTable.feeds(report)))).append(".\n");
    List<List<String>> rows = VulnerabilityTable.rows(report);
    if (rows.isEmpty()) {
      return;
    }
    out.append("\n| ").append(String.join(" | ", VulnerabilityTable.HEADERS)).append(" |\n|---|---|---|---|---|---|\n");
    for (List<String> row : rows) {
      out.append("|");
      for (String cell : row) {
        out.append(' ').append(text(cell)).append(" |");
      }
      out.append('\n');
    }
  }

  private static String verdict(ValidationReport report) {
    if (report.summary().rulesByStatus().get(Status.FAIL) > 0
        || report.inputProblems().stream().anyMatch(p -> p.severity() == Severity.ERROR && !p.waived())) {
      return "FAIL";
    }
    return report.summary().rulesByStatus().get(Status.NEEDS_REVIEW) > 0 ? "NEEDS REVIEW" : "PASS";
  }

  private static void appendFindings(StringBuilder out, List<Finding> findings, int max, boolean withCode) {
    int shown = Math.min(max, findings.size());
    for (int i = 0; i < shown; i++) {
      Finding f = findings.get(i);
      out.append("- **").append(f.severity().id()).append("** ");
      if (withCode) {
        out.append(code(f.ruleId())).append(' ');
      }
      out.append(code(fileAndLine(f.location())));
      f.location().pointer().filter(p -> !p.isEmpty()).ifPresent(p -> out.append(' ').append(code(p)));
      out.append(": ").append(text(f.message()));
      f.waiver().ifPresent(w -> out.append(" — *waived* until ").append(w.expires()).append(" by ")
          .append(text(w.owner())).append(": ").append(text(w.justification())));
      out.append('\n');
    }
    if (findings.size() > shown) {
      out.append("- … ").append(findings.size() - shown).append(" more in the full report\n");
    }
  }

  private static String fileAndLine(Location location) {
    return location.artifact() + location.line().map(l -> ":" + l).orElse("");
  }

  private static String citation(Citation citation) {
    String name = text(citation.display());
    return citation.url().map(url -> "[" + name + "](<" + url.replace(">", "%3E").replace("<", "%3C")
        .replace(" ", "%20").replace("|", "%7C") + ">)").orElse(name);
  }

  private static String label(RuleResult result) {
    return switch (result.status()) {
      case PASS -> result.findings().stream().anyMatch(Finding::waived) ? "pass (waived)" : "pass";
      case FAIL -> "**FAIL**";
      case NOT_APPLICABLE -> "not applicable";
      case NEEDS_REVIEW -> "needs review";
    };
  }

  /**
   * Plain text that renders as itself: inline Markdown punctuation backslash-escaped (including
   * {@code |}, so it is safe in table cells, and {@code $}, which GitHub reads as math), HTML
   * special characters as entities, line breaks as spaces, {@code @} unable to mention. For text
   * that starts a line use {@link #paragraph}.
   */
  static String text(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r', '\n', '\t', '\u2028', '\u2029' -> out.append(' ');
        case '@' -> out.append(i > 0 && Character.isLetterOrDigit(value.charAt(i - 1)) ? "@" : "@" + WORD_JOINER);
        case '\\', '`', '*', '_', '[', ']', '|', '~', '$' -> out.append('\\').append(c);
        default -> out.append(Character.isISOControl(c) ? ' ' : c);
      }
    }
    return out.toString();
  }

  /** {@link #text} that may start a line: a leading list, heading or underline marker is escaped. */
  static String paragraph(String value) {
    StringBuilder out = new StringBuilder(text(value));
    if (out.length() > 0 && "#+-=".indexOf(out.charAt(0)) >= 0) {
      out.insert(0, '\\');
    } else {
      int digits = 0;
      while (digits < out.length() && Character.isDigit(out.charAt(digits))) {
        digits++;
      }
      if (digits > 0 && digits < out.length() && (out.charAt(digits) == '.' || out.charAt(digits) == ')')) {
        out.insert(digits, '\\');
      }
    }
    return out.toString();
  }

  /**
   * A code span showing {@code value} literally: fenced by more backticks than any run inside,
   * padded when it starts or ends with a backtick, line breaks as spaces. (Not for table cells,
   * where GitHub splits cells on {@code |} before it parses code spans.)
   */
  static String code(String value) {
    String flat = value.replaceAll("[\\r\\n\\t\\u2028\\u2029\\p{Cc}]", " ");
    int longest = 0;
    int run = 0;
    for (int i = 0; i < flat.length(); i++) {
      run = flat.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = flat.startsWith("`") || flat.endsWith("`") || flat.isBlank();
    return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
  }
}
