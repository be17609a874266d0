package org.cyberbaseline.validator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.vuln.FeedSummary;

/**
 * Everything one validation run found. Immutable; the same inputs, baseline and clock give an equal
 * report (and byte-identical serialisations).
 *
 * @param toolVersion version of this library that produced the report
 * @param generatedAt the injected clock's instant
 * @param mode whether a submission folder or a lone SBOM was validated
 * @param device identity from the manifest; empty for a lone SBOM or an unreadable manifest
 * @param inputProblems problems reading the submission itself (manifest invalid, listed file
 *     missing or outside the folder); they are not tied to a rule of the baseline
 * @param results one per rule of the baseline, sorted by rule id
 * @param feeds the vulnerability feeds the run used (OSV, CISA KEV), with their dates or versions
 * @param vulnerabilities the vulnerability table: each known vulnerability of each component and
 *     the VEX statement assessing it, sorted by component and id
 */
public record ValidationReport(
    String toolVersion,
    Instant generatedAt,
    BaselineSummary baseline,
    Mode mode,
    Optional<DeviceIdentity> device,
    List<ArtifactSummary> artifacts,
    List<Finding> inputProblems,
    List<RuleResult> results,
    Summary summary,
    List<FeedSummary> feeds,
    List<VulnerabilityEntry> vulnerabilities) {

  /** What was validated. */
  public enum Mode {
    SUBMISSION("submission"),
    SBOM_ONLY("sbom-only"),
    /** A running Device Query Interface checked live against its DQI manifest ({@code cyber-baseline dqi probe}). */
    LIVE_PROBE("live-probe");

    private final String id;

    Mode(String id) {
      this.id = id;
    }

    /** The name in the JSON report, SARIF and JUnit properties. */
    public String id() {
      return id;
    }
  }

  public ValidationReport {
    Objects.requireNonNull(toolVersion, "toolVersion");
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(device, "device");
    artifacts = List.copyOf(artifacts);
    inputProblems = List.copyOf(inputProblems);
    results = List.copyOf(results);
    Objects.requireNonNull(summary, "summary");
    feeds = List.copyOf(feeds);
    vulnerabilities = List.copyOf(vulnerabilities);
  }

  /** A report without vulnerability data (no feed configured, no VEX). */
  public ValidationReport(
      String toolVersion,
      Instant generatedAt,
      BaselineSummary baseline,
      Mode mode,
      Optional<DeviceIdentity> device,
      List<ArtifactSummary> artifacts,
      List<Finding> inputProblems,
      List<RuleResult> results,
      Summary summary) {
    this(toolVersion, generatedAt, baseline, mode, device, artifacts, inputProblems, results, summary, List.of(), List.of());
  }

  /** Input problems first, then each rule's findings, in report order. */
  public List<Finding> allFindings() {
    return Stream.concat(inputProblems.stream(), results.stream().flatMap(r -> r.findings().stream()))
        .toList();
  }

  /** True when some finding that no waiver accepts is at or above {@code threshold}. */
  public boolean hasFindingsAtOrAbove(Severity threshold) {
    return allFindings().stream().anyMatch(f -> !f.waived() && f.severity().atLeast(threshold));
  }

  public Optional<RuleResult> result(String ruleId) {
    return results.stream().filter(r -> r.ruleId().equals(ruleId)).findFirst();
  }
}
