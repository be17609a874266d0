package org.cyberbaseline.maven;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The report files the goal can write; the file names are the command line's. */
enum ReportFormat {
  JSON("json", "JSON", "cyber-baseline-report.json"),
  /** The terminal report (at most maxFindings findings per rule), which the command line prints. */
  TEXT("text", "Text", "cyber-baseline-report.txt"),
  SARIF("sarif", "SARIF", "cyber-baseline-report.sarif"),
  HTML("html", "HTML", "cyber-baseline-report.html"),
  MD("md", "Markdown", "cyber-baseline-report.md"),
  JUNIT("junit", "JUnit", "cyber-baseline-junit.xml");

  private final String id;
  private final String label;
  private final String fileName;

  ReportFormat(String id, String label, String fileName) {
    this.id = id;
    this.label = label;
    this.fileName = fileName;
  }

  String id() {
    return id;
  }

  String label() {
    return label;
  }

  String fileName() {
    return fileName;
  }

  /** Case-insensitive look-up by id ({@code markdown} is accepted for {@code md}). */
  static Optional<ReportFormat> byName(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    if (wanted.equals("markdown")) {
      return Optional.of(MD);
    }
    return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
  }

  static String names() {
    return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
  }
}
