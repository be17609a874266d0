package org.cyberbaseline.validator.report;

import java.io.ByteArrayOutputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cyberbaseline.rules.Exclusion;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.RuleResult;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.ValidationReport;

/**
 * Writes a {@link ValidationReport} as JUnit XML for CI test-result views (Jenkins, GitLab, Azure
 * DevOps, GitHub test-reporter actions): one {@code <testsuite name="cyber-baseline ID@VERSION">}
 * inside {@code <testsuites>}, with one {@code <testcase>} per rule of the baseline
 * ({@code classname} the baseline id, {@code name} "RULE-ID title") and a first test case named
 * {@code input} for reading the submission itself.
 *
 * <ul>
 *   <li>PASS: an empty test case; when waivers accept all its findings (so it passes), they are
 *       listed in {@code <system-out>}.
 *   <li>FAIL: {@code <failure message="..." type="SEVERITY">} whose text lists every finding with
 *       location, message, citations, remediation and any waiver; {@code type} is the most severe
 *       severity among the findings no waiver accepts.
 *   <li>NEEDS_REVIEW: {@code <skipped message="needs review: ...">}, findings in {@code
 *       <system-out>}. CI servers count skipped tests as not failed, which is right: only a human
 *       can decide these rules.
 *   <li>NOT_APPLICABLE: {@code <skipped message="not applicable: ...">}.
 *   <li>A rule the baseline excludes from a pack it extends: {@code <skipped message="excluded by
 *       PACK: reason">}, named "RULE-ID (excluded)".
 *   <li>{@code input}: fails when the submission could not be read as listed (input problems),
 *       passes otherwise, so the number of test cases is the same from run to run.
 * </ul>
 *
 * <p>Text is escaped by {@link XMLStreamWriter}; characters XML 1.0 cannot carry (control
 * characters, lone surrogates) are replaced by U+FFFD first. Output is UTF-8 with '\n' line ends
 * and deterministic: the only time is the report's {@code generatedAt}, and {@code time} is 0.
 */
public final class JUnitXmlReport {
  /** Name of the test case reporting problems reading the submission. */
  public static final String INPUT_TEST_CASE = "input";

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private JUnitXmlReport() {}

  public static byte[] toBytes(ValidationReport report) {
    Objects.requireNonNull(report, "report");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
      write(report, xml);
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing XML to memory failed", e);
    }
    return out.toByteArray();
  }

  private static void write(ValidationReport report, XMLStreamWriter xml) throws XMLStreamException {
    List<RuleResult> results = report.results();
    long failures = results.stream().filter(r -> r.status() == Status.FAIL).count()
        + (report.inputProblems().isEmpty() ? 0 : 1);
    List<Exclusion> excluded = report.baseline().exclusions();
    long skipped =
        results.stream().filter(r -> r.status() == Status.NEEDS_REVIEW || r.status() == Status.NOT_APPLICABLE).count()
            + excluded.size();
    String tests = Integer.toString(1 + results.size() + excluded.size());
    String suiteName = "cyber-baseline " + report.baseline().ref();
    String classname = report.baseline().ref().id();

    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    xml.writeStartElement("testsuites");
    attribute(xml, "name", "cyber-baseline");
    attribute(xml, "tests", tests);
    attribute(xml, "failures", Long.toString(failures));
    attribute(xml, "errors", "0");
    attribute(xml, "skipped", Long.toString(skipped));
    attribute(xml, "time", "0");
    xml.writeCharacters("\n  ");
    xml.writeStartElement("testsuite");
    attribute(xml, "name", suiteName);
    attribute(xml, "tests", tests);
    attribute(xml, "failures", Long.toString(failures));
    attribute(xml, "errors", "0");
    attribute(xml, "skipped", Long.toString(skipped));
    attribute(xml, "time", "0");
    // The JUnit schema's timestamp has no zone; it is UTC.
    attribute(xml, "timestamp", TIMESTAMP.format(LocalDateTime.ofInstant(report.generatedAt(), ZoneOffset.UTC)));

    xml.writeCharacters("\n    ");
    xml.writeStartElement("properties");
    property(xml, "baseline", report.baseline().ref().toString());
    property(xml, "baseline.title", report.baseline().title());
    property(xml, "tool.version", report.toolVersion());
    property(xml, "mode", report.mode().id());
    if (report.device().isPresent()) {
      var d = report.device().get();
      property(xml, "device", d.deviceName() + ", model " + d.model() + ", software " + d.softwareVersion());
    }
    if (VulnerabilityTable.present(report)) {
      property(xml, "vulnerabilities", VulnerabilityTable.counts(report));
      List<String> feeds = VulnerabilityTable.feeds(report);
      for (int i = 0; i < feeds.size(); i++) {
        property(xml, "vulnerability.feed." + (i + 1), feeds.get(i));
      }
    }
    xml.writeCharacters("\n    ");
    xml.writeEndElement();

    inputCase(xml, classname, report.inputProblems());
    for (RuleResult result : results) {
      ruleCase(xml, classname, result);
    }
    for (Exclusion exclusion : excluded) {
      startCase(xml, classname, exclusion.ruleId() + " (excluded)");
      skipped(xml, "excluded by " + exclusion.excludedBy() + ": " + exclusion.reason());
      xml.writeCharacters("\n    ");
      xml.writeEndElement();
    }
    if (!report.vulnerabilities().isEmpty()) {
      // The vulnerability table, one tab-separated line per row, as the suite's own output.
      StringBuilder table = new StringBuilder(String.join("\t", VulnerabilityTable.HEADERS)).append('\n');
      VulnerabilityTable.rows(report).forEach(row -> table.append(String.join("\t", row)).append('\n'));
      xml.writeCharacters("\n    ");
      xml.writeStartElement("system-out");
      xml.writeCharacters(table.toString());
      xml.writeEndElement();
    }
    xml.writeCharacters("\n  ");
    xml.writeEndElement();
    xml.writeCharacters("\n");
    xml.writeEndElement();
    xml.writeCharacters("\n");
    xml.writeEndDocument();
  }

  private static void inputCase(XMLStreamWriter xml, String classname, List<Finding> problems)
      throws XMLStreamException {
    startCase(xml, classname, INPUT_TEST_CASE + " The submission is read as listed");
    if (problems.isEmpty()) {
      xml.writeEndElement();
      return;
    }
    failure(xml, problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " reading the submission: "
        + problems.get(0).message(), worst(problems), problems);
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
  }

  private static void ruleCase(XMLStreamWriter xml, String classname, RuleResult result) throws XMLStreamException {
    startCase(xml, classname, result.ruleId() + " " + result.title());
    switch (result.status()) {
      case PASS -> {
        if (result.findings().isEmpty()) {
          xml.writeEndElement();
          return;
        }
        systemOut(xml, result.findings()); // findings waivers accept
      }
      case FAIL -> {
        List<Finding> open = result.findings().stream().filter(f -> !f.waived()).toList();
        failure(xml, result.explanation(), open.isEmpty() ? result.severity() : worst(open), result.findings());
      }
      case NEEDS_REVIEW -> {
        skipped(xml, "needs review: " + result.explanation());
        if (!result.findings().isEmpty()) {
          systemOut(xml, result.findings());
        }
      }
      case NOT_APPLICABLE -> skipped(xml, "not applicable: " + result.explanation());
    }
    xml.writeCharacters("\n    ");
    xml.writeEndElement();
  }

  private static void startCase(XMLStreamWriter xml, String classname, String name) throws XMLStreamException {
    xml.writeCharacters("\n    ");
    xml.writeStartElement("testcase");
    attribute(xml, "classname", classname);
    attribute(xml, "name", name);
    attribute(xml, "time", "0");
  }

  private static void failure(XMLStreamWriter xml, String message, Severity type, List<Finding> findings)
      throws XMLStreamException {
    xml.writeCharacters("\n      ");
    xml.writeStartElement("failure");
    attribute(xml, "message", message);
    attribute(xml, "type", type.id());
    xml.writeCharacters(clean(findingsText(findings)));
    xml.writeEndElement();
  }

  private static void systemOut(XMLStreamWriter xml, List<Finding> findings) throws XMLStreamException {
    xml.writeCharacters("\n      ");
    xml.writeStartElement("system-out");
    xml.writeCharacters(clean(findingsText(findings)));
    xml.writeEndElement();
  }

  private static void skipped(XMLStreamWriter xml, String message) throws XMLStreamException {
    xml.writeCharacters("\n      ");
    xml.writeEmptyElement("skipped");
    attribute(xml, "message", message);
  }

  private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeCharacters("\n      ");
    xml.writeEmptyElement("property");
    attribute(xml, "name", name);
    attribute(xml, "value", value);
  }

  /** One block per finding: severity, location, message, citations, remediation. */
  private static String findingsText(List<Finding> findings) {
    StringBuilder text = new StringBuilder("\n");
    for (Finding f : findings) {
      text.append(f.severity().id()).append(' ').append(f.location().display()).append('\n');
      text.append("  ").append(f.message()).append('\n');
      if (!f.citations().isEmpty()) {
        text.append("  cites ").append(String.join("; ", f.citations().stream().map(c -> c.display()).toList()))
            .append('\n');
      }
      f.remediation().ifPresent(r -> text.append("  fix: ").append(r.strip()).append('\n'));
      f.waiver().ifPresent(w -> text.append("  WAIVED until ").append(w.expires()).append(" by ").append(w.owner())
          .append(": ").append(w.justification()).append('\n'));
    }
    return text.append("      ").toString();
  }

  private static Severity worst(List<Finding> findings) {
    return findings.stream().map(Finding::severity).min(Comparator.naturalOrder()).orElse(Severity.INFO);
  }

  /** Attributes are single-line: line breaks become spaces (a parser would normalise them anyway). */
  private static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeAttribute(name, clean(value).replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
  }

  /** Replaces what XML 1.0 cannot carry (most control characters, lone surrogates, U+FFFE/U+FFFF). */
  static String clean(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (out != null) {
          out.append(c).append(text.charAt(i + 1));
        }
        i++;
        continue;
      }
      ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
      if (!ok && out == null) {
        out = new StringBuilder(text.length());
        out.append(text, 0, i);
      }
      if (out != null) {
        out.append(ok ? c : '\uFFFD');
      }
    }
    return out == null ? text : out.toString();
  }
}
