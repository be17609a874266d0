package org.cyberbaseline.validator.report;

import java.util.List;
import java.util.Locale;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.RuleResult;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.ValidationReport;

/**
 * A human-readable summary for a terminal or a CI log: one line per rule, the first findings of
 * each failed rule with location and citation, and the counts. The JSON report has everything.
 */
public final class TextReport {
  private TextReport() {}

  /** Renders with at most {@code maxFindingsPerRule} findings shown under each rule. */
  public static String render(ValidationReport report, int maxFindingsPerRule) {
    StringBuilder out = new StringBuilder();
    out.append("Cyber Baseline ").append(report.toolVersion()).append(" - baseline ")
        .append(report.baseline().ref()).append(": ").append(report.baseline().title()).append('\n');
    report.device().ifPresentOrElse(
        d -> out.append("Device: ").append(d.deviceName()).append(", model ").append(d.model())
            .append(", software ").append(d.softwareVersion()).append(" (").append(d.manufacturer()).append(")\n"),
        () -> out.append(report.mode() == ValidationReport.Mode.SBOM_ONLY
            ? "Input: a lone SBOM (only rules that read SBOMs alone run)\n"
            : "Device: unknown (the manifest does not identify it)\n"));
    out.append("Artifacts: ");
    out.append(String.join(", ", report.artifacts().stream().map(a -> a.path() + a.format().map(f -> " [" + f + "]").orElse("")).toList()));
    out.append("\n\n");

    if (!report.inputProblems().isEmpty()) {
      out.append("Problems reading the submission:\n");
      appendFindings(out, report.inputProblems(), maxFindingsPerRule, false);
      out.append('\n');
    }
    out.append("Rules:\n");
    for (RuleResult result : report.results()) {
      out.append(String.format(Locale.ROOT, "  %-14s %-9s %s\n", label(result.status()), result.ruleId(), result.title()));
      if (result.status() == Status.FAIL || result.status() == Status.NEEDS_REVIEW
          || result.status() == Status.NOT_APPLICABLE) {
        out.append("                 ").append(result.explanation()).append('\n');
      }
      appendFindings(out, result.findings(), maxFindingsPerRule, true);
    }
    appendVulnerabilities(out, report);
    out.append('\n').append(summaryLine(report)).append('\n');
    return out.toString();
  }

  /** The counts in one line, as the text report ends. */
  public static String summaryLine(ValidationReport report) {
    var rules = report.summary().rulesByStatus();
    var findings = report.summary().findingsBySeverity();
    return String.format(Locale.ROOT,
        "Summary: %d rules: %d pass, %d fail, %d need review, %d not applicable; findings: %d error, %d warning, %d info",
        report.results().size(), rules.get(Status.PASS), rules.get(Status.FAIL), rules.get(Status.NEEDS_REVIEW),
        rules.get(Status.NOT_APPLICABLE), findings.get(Severity.ERROR), findings.get(Severity.WARNING),
        findings.get(Severity.INFO))
        + (report.summary().waivedFindings() > 0 ? "; waived: " + report.summary().waivedFindings() : "");
  }

  private static void appendVulnerabilities(StringBuilder out, ValidationReport report) {
    if (!VulnerabilityTable.present(report)) {
      return;
    }
    out.append("\nVulnerability feeds:\n");
    VulnerabilityTable.feeds(report).forEach(f -> out.append("  ").append(f).append('\n'));
    out.append("Vulnerabilities: ").append(VulnerabilityTable.counts(report)).append('\n');
    List<List<String>> rows = VulnerabilityTable.rows(report);
    if (rows.isEmpty()) {
      return;
    }
    int[] widths = new int[VulnerabilityTable.HEADERS.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = VulnerabilityTable.HEADERS.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.min(40, Math.max(widths[i], row.get(i).length()));
      }
    }
    appendRow(out, VulnerabilityTable.HEADERS, widths);
    rows.forEach(row -> appendRow(out, row, widths));
  }

  /** Fixed-width columns; long cells are cut (the JSON report has them whole), the last is not padded. */
  private static void appendRow(StringBuilder out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder("  ");
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      if (i < cells.size() - 1) {
        cell = cell.length() > widths[i] ? cell.substring(0, widths[i] - 1) + "~" : cell;
        line.append(String.format(Locale.ROOT, "%-" + widths[i] + "s  ", cell));
      } else {
        line.append(cell.length() > 80 ? cell.substring(0, 79) + "~" : cell);
      }
    }
    out.append(line.toString().stripTrailing()).append('\n');
  }

  private static void appendFindings(StringBuilder out, List<Finding> findings, int max, boolean cite) {
    int shown = Math.min(max, findings.size());
    for (int i = 0; i < shown; i++) {
      Finding f = findings.get(i);
      out.append("                 ").append(String.format(Locale.ROOT, "%-7s", f.severity().name()))
          .append(' ').append(f.location().display()).append('\n');
      out.append("                         ").append(f.message()).append('\n');
      f.waiver().ifPresent(w -> out.append("                         WAIVED until ").append(w.expires())
          .append(" by ").append(w.owner()).append(": ").append(w.justification()).append('\n'));
      if (cite && !f.citations().isEmpty()) {
        out.append("                         cites ")
            .append(String.join("; ", f.citations().stream().map(c -> c.display()).toList())).append('\n');
      }
    }
    if (findings.size() > shown) {
      out.append("                 ... ").append(findings.size() - shown)
          .append(" more (see the JSON report)\n");
    }
  }

  private static String label(Status status) {
    return switch (status) {
      case PASS -> "PASS";
      case FAIL -> "FAIL";
      case NOT_APPLICABLE -> "NOT APPLICABLE";
      case NEEDS_REVIEW -> "NEEDS REVIEW";
    };
  }
}
