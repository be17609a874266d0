package org.cyberbaseline.validator.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.validator.ValidationReport;

/**
 * A self-contained HTML page for a human reviewer: the verdict, device and baseline, counts, the
 * artifacts read, problems reading the submission, and every rule of the baseline grouped by area
 * with its status, explanation, citations (linked), rationale, remediation and findings.
 *
 * <p>The page needs nothing from the network: the stylesheet and a small script are inline, and a
 * Content-Security-Policy forbids loading anything and allows only those two by hash. The script
 * only adds status/severity filters; with scripting disabled the whole report is shown. A print
 * stylesheet hides the filters and expands every collapsed section. Every status and severity is
 * written as text, so nothing depends on colour.
 *
 * <p>Every string taken from the submission or the rule pack is HTML-escaped by the template
 * engine (Mustache, {@code {{value}}}); only {@code http}/{@code https} citation URLs become links.
 * Output is deterministic: the same report and baseline give the same string. Thread-safe; the
 * template is compiled once per JVM.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /**
   * Renders the report.
   *
   * @param baseline the resolved baseline the report was produced against ({@code
   *     Validator.baseline()}), for each rule's rationale, remediation and notes
   * @return a complete HTML document; write it as UTF-8
   */
  public static String render(ValidationReport report, RulePack baseline) {
    return render(report, baseline, report.vulnerabilities().stream().map(HtmlVulnerabilityRow::of).toList());
  }

  /** As {@link #render(ValidationReport, RulePack)}, with the vulnerability rows given (tests). */
  static String render(ValidationReport report, RulePack baseline, List<HtmlVulnerabilityRow> vulnerabilities) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(vulnerabilities, "vulnerabilities");
    HtmlTemplates templates = HtmlTemplates.get();
    StringWriter out = new StringWriter(64 * 1024);
    try {
      templates.report().execute(out, HtmlModel.of(report, baseline, vulnerabilities, templates)).flush();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return out.toString();
  }
}
