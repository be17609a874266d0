package org.cyberbaseline.validator.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cyberbaseline.rules.Citation;
import org.cyberbaseline.rules.Exclusion;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.Rule;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.ArtifactSummary;
import org.cyberbaseline.validator.DeviceIdentity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.RuleResult;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.ValidationReport;
import org.cyberbaseline.validator.Waiver;

/**
 * Turns a report into the template's scope: nested maps and lists of plain strings, booleans and
 * numbers, in report order (no hash-ordered collection anywhere, so equal reports give equal
 * output).
 *
 * <p>Mustache looks a name up the enclosing scopes when the current one lacks it, so every map
 * here always holds every key its template section reads (empty string or {@code false} rather
 * than absent): a finding without a pointer must never show its rule's value.
 */
final class HtmlModel {
  /** Rules with more findings than this start with their finding table collapsed. */
  static final int OPEN_FINDINGS_LIMIT = 50;

  private static final int SHA_SHORT = 12;

  /** Area of the checklist, in display order; chosen from the rule id's prefix. */
  enum Area {
    SUBMISSION("Submission", "SUB"),
    SBOM("SBOM", "SBOM"),
    THREAT_MODEL("Threat model and controls", "TM", "CTL"),
    VULNERABILITIES("Vulnerabilities", "VLN"),
    DQI("Device Query Interface", "DQI"),
    CROSS_ARTIFACT("Cross-artifact", "XART"),
    TESTING("Testing, labeling and plans", "TST", "LBL", "PLN"),
    OTHER("Other");

    final String title;
    private final List<String> prefixes;

    Area(String title, String... prefixes) {
      this.title = title;
      this.prefixes = List.of(prefixes);
    }

    String anchor() {
      return "area-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The area of a rule id such as {@code SBOM-004}: the text before the first '-'. */
    static Area of(String ruleId) {
      int dash = ruleId.indexOf('-');
      String prefix = (dash < 0 ? ruleId : ruleId.substring(0, dash)).toUpperCase(Locale.ROOT);
      for (Area area : values()) {
        if (area.prefixes.contains(prefix)) {
          return area;
        }
      }
      return OTHER;
    }
  }

  private HtmlModel() {}

  static Map<String, Object> of(
      ValidationReport report, RulePack baseline, List<HtmlVulnerabilityRow> vulnerabilities, HtmlTemplates templates) {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("css", templates.css());
    scope.put("script", templates.script());
    scope.put("csp", templates.contentSecurityPolicy());
    scope.put("pageTitle", pageTitle(report));
    scope.put("toolVersion", report.toolVersion());
    scope.put("generatedAt", report.generatedAt().toString());
    scope.put("baselineRef", report.baseline().ref().toString());
    scope.put("baselineTitle", report.baseline().title());
    scope.put("baselineEffectiveDate", report.baseline().effectiveDate().toString());
    List<String> parents = report.baseline().extendsPacks().stream().map(PackRef::toString).toList();
    scope.put("hasExtends", !parents.isEmpty());
    scope.put("baselineExtends", String.join(", ", parents));
    scope.put("verdict", verdict(report));
    scope.put("sbomOnly", report.mode() == ValidationReport.Mode.SBOM_ONLY);
    scope.put("hasDevice", report.device().isPresent());
    scope.put("device", report.device().map(HtmlModel::device).orElseGet(LinkedHashMap::new));
    scope.put("statusCounts", statusCounts(report));
    scope.put("severityCounts", severityCounts(report));
    scope.put("ruleCount", report.results().size());
    scope.put("artifacts", report.artifacts().stream().map(HtmlModel::artifact).toList());
    scope.put("hasArtifacts", !report.artifacts().isEmpty());
    scope.put("inputProblems", report.inputProblems().stream().map(f -> finding(f, Optional.empty())).toList());
    scope.put("hasInputProblems", !report.inputProblems().isEmpty());
    scope.put("inputProblemCount", report.inputProblems().size());
    List<Map<String, Object>> areas = areas(report, baseline);
    scope.put("areas", areas);
    scope.put("hasRules", !areas.isEmpty());
    scope.put("exclusions", report.baseline().exclusions().stream().map(HtmlModel::exclusion).toList());
    scope.put("hasExclusions", !report.baseline().exclusions().isEmpty());
    scope.put("statusFilters", statusFilters());
    scope.put("severityFilters", severityFilters());
    // The section renders only when there are rows or configured feeds (see HtmlVulnerabilityRow).
    scope.put("vulnerabilities", vulnerabilities.stream().map(HtmlModel::vulnerability).toList());
    scope.put("hasVulnerabilities", !vulnerabilities.isEmpty() || !report.feeds().isEmpty());
    scope.put("vulnerabilityCount", vulnerabilities.size());
    scope.put("vulnerabilitySummary", VulnerabilityTable.present(report) ? VulnerabilityTable.counts(report)
        : vulnerabilities.size() + " vulnerabilities");
    scope.put("vulnerabilityFeeds", VulnerabilityTable.feeds(report));
    return scope;
  }

  private static String pageTitle(ValidationReport report) {
    String subject = report.device()
        .map(d -> d.deviceName() + " " + d.model() + " " + d.softwareVersion())
        .orElseGet(() -> report.artifacts().isEmpty() ? "submission" : report.artifacts().get(0).path());
    return "Cyber Baseline report: " + subject;
  }

  private static Map<String, Object> verdict(ValidationReport report) {
    int errors = report.summary().findingsBySeverity().get(Severity.ERROR);
    int warnings = report.summary().findingsBySeverity().get(Severity.WARNING);
    int review = report.summary().rulesByStatus().get(Status.NEEDS_REVIEW);
    Map<String, Object> verdict = new LinkedHashMap<>();
    if (errors > 0) {
      verdict.put("outcome", "fail");
      verdict.put("badge", "DOES NOT MEET");
      verdict.put("headline", "Does not meet the baseline: " + plural(errors, "error finding"));
    } else if (warnings > 0) {
      verdict.put("outcome", "warn");
      verdict.put("badge", "MEETS WITH WARNINGS");
      verdict.put("headline", "Meets the baseline with warnings: " + plural(warnings, "warning finding"));
    } else {
      verdict.put("outcome", "pass");
      verdict.put("badge", "MEETS");
      verdict.put("headline", "Meets the baseline");
    }
    var rules = report.summary().rulesByStatus();
    verdict.put("detail", String.format(Locale.ROOT,
        "%s checked: %d pass, %d fail, %d need review, %d not applicable.",
        plural(report.results().size(), "rule"), rules.get(Status.PASS), rules.get(Status.FAIL),
        rules.get(Status.NEEDS_REVIEW), rules.get(Status.NOT_APPLICABLE)));
    int waived = report.summary().waivedFindings();
    verdict.put("hasWaived", waived > 0);
    verdict.put("waived", waived == 1
        ? "1 finding is waived and does not count toward the verdict."
        : waived + " findings are waived and do not count toward the verdict.");
    verdict.put("hasReview", review > 0);
    verdict.put("review", review == 1
        ? "1 rule needs review by a person; the tool cannot decide it."
        : review + " rules need review by a person; the tool cannot decide them.");
    return verdict;
  }

  private static Map<String, Object> device(DeviceIdentity device) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("manufacturer", device.manufacturer());
    map.put("deviceName", device.deviceName());
    map.put("model", device.model());
    map.put("softwareVersion", device.softwareVersion());
    map.put("cyberDevice", device.cyberDevice().map(c -> c ? "yes" : "no").orElse("not stated"));
    map.put("pathway", device.pathway().orElse("not stated"));
    return map;
  }

  private static List<Map<String, Object>> statusCounts(ValidationReport report) {
    List<Map<String, Object>> counts = new ArrayList<>();
    for (Status status : Status.values()) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("label", statusLabel(status));
      map.put("css", statusCss(status));
      map.put("count", report.summary().rulesByStatus().get(status));
      counts.add(map);
    }
    return counts;
  }

  private static List<Map<String, Object>> severityCounts(ValidationReport report) {
    List<Map<String, Object>> counts = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("label", severity.name());
      map.put("css", severity.id());
      map.put("count", report.summary().findingsBySeverity().get(severity));
      counts.add(map);
    }
    if (report.summary().waivedFindings() > 0) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("label", "WAIVED");
      map.put("css", "waived");
      map.put("count", report.summary().waivedFindings());
      counts.add(map);
    }
    return counts;
  }

  private static List<Map<String, Object>> statusFilters() {
    List<Map<String, Object>> filters = new ArrayList<>();
    for (Status status : List.of(Status.FAIL, Status.NEEDS_REVIEW, Status.PASS, Status.NOT_APPLICABLE)) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("value", status.name());
      map.put("label", statusLabel(status));
      filters.add(map);
    }
    return filters;
  }

  private static List<Map<String, Object>> severityFilters() {
    List<Map<String, Object>> filters = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("value", severity.id());
      map.put("label", severity.name());
      filters.add(map);
    }
    return filters;
  }

  private static Map<String, Object> artifact(ArtifactSummary artifact) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("path", artifact.path());
    map.put("type", artifact.type().id());
    map.put("format", artifact.format().orElse("not recognised"));
    map.put("hasSha", artifact.sha256().isPresent());
    String sha = artifact.sha256().orElse("");
    map.put("sha", sha);
    map.put("shaShort", sha.length() > SHA_SHORT ? sha.substring(0, SHA_SHORT) + "\u2026" : sha);
    return map;
  }

  private static List<Map<String, Object>> areas(ValidationReport report, RulePack baseline) {
    List<Map<String, Object>> areas = new ArrayList<>();
    for (Area area : Area.values()) {
      List<RuleResult> results = report.results().stream().filter(r -> Area.of(r.ruleId()) == area).toList();
      if (results.isEmpty()) {
        continue;
      }
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("title", area.title);
      map.put("anchor", area.anchor());
      map.put("ruleCount", plural(results.size(), "rule"));
      map.put("counts", areaCounts(results));
      map.put("rules", results.stream().map(r -> rule(r, baseline.rule(r.ruleId()))).toList());
      areas.add(map);
    }
    return areas;
  }

  private static String areaCounts(List<RuleResult> results) {
    List<String> parts = new ArrayList<>();
    for (Status status : List.of(Status.FAIL, Status.NEEDS_REVIEW, Status.PASS, Status.NOT_APPLICABLE)) {
      long n = results.stream().filter(r -> r.status() == status).count();
      if (n > 0) {
        parts.add(n + " " + statusLabel(status).toLowerCase(Locale.ROOT));
      }
    }
    return String.join(", ", parts);
  }

  private static Map<String, Object> rule(RuleResult result, Optional<Rule> rule) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", result.ruleId());
    map.put("anchor", "rule-" + result.ruleId().replaceAll("[^A-Za-z0-9_-]", "_"));
    map.put("title", result.title());
    map.put("status", result.status().name());
    map.put("statusLabel", statusLabel(result.status()));
    map.put("statusCss", statusCss(result.status()));
    map.put("severity", result.severity().id());
    map.put("severityLabel", result.severity().name());
    // The severity filter shows a rule with findings when one of its findings has a selected
    // severity (a rule of severity error may report warnings), and a rule without findings by its own.
    map.put("findingSeverities", String.join(" ", Arrays.stream(Severity.values())
        .filter(sev -> result.findings().stream().anyMatch(f -> f.severity() == sev))
        .map(Severity::id)
        .toList()));
    map.put("explanation", result.explanation());
    map.put("citations", result.citations().stream().map(HtmlModel::citation).toList());
    map.put("hasCitations", !result.citations().isEmpty());
    String rationale = rule.map(Rule::rationale).orElse("");
    Optional<String> remediation = rule.flatMap(Rule::remediation);
    String notes = rule.flatMap(Rule::notes).orElse("");
    map.put("hasRationale", !rationale.isEmpty());
    map.put("rationale", rationale);
    map.put("hasRemediation", remediation.isPresent());
    map.put("remediation", remediation.orElse(""));
    map.put("hasNotes", !notes.isEmpty());
    map.put("notes", notes);
    map.put("hasBackground", !rationale.isEmpty() || remediation.isPresent() || !notes.isEmpty());
    List<Map<String, Object>> findings = result.findings().stream().map(f -> finding(f, remediation)).toList();
    map.put("findings", findings);
    map.put("hasFindings", !findings.isEmpty());
    map.put("findingCount", plural(findings.size(), "finding"));
    map.put("findingsOpen", findings.size() <= OPEN_FINDINGS_LIMIT);
    return map;
  }

  private static Map<String, Object> citation(Citation citation) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("document", citation.document());
    map.put("section", citation.section());
    map.put("hasSection", !citation.section().isEmpty());
    Optional<String> url = citation.url().filter(HtmlModel::isWebUrl);
    map.put("hasUrl", url.isPresent());
    map.put("url", url.orElse(""));
    return map;
  }

  /** Only absolute http(s) URLs become links; anything else (javascript:, data:, ...) stays text. */
  static boolean isWebUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      return scheme != null
          && (scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * @param ruleRemediation the rule's remediation, shown once above the table; a finding's own
   *     remediation is shown only when it says something else
   */
  private static Map<String, Object> finding(Finding finding, Optional<String> ruleRemediation) {
    Map<String, Object> map = new LinkedHashMap<>();
    Location location = finding.location();
    StringBuilder where = new StringBuilder(location.artifact());
    location.line().ifPresent(l -> where.append(':').append(l));
    location.column().ifPresent(c -> where.append(':').append(c));
    map.put("code", finding.ruleId());
    map.put("severity", finding.severity().id());
    map.put("severityLabel", finding.severity().name());
    map.put("location", where.toString());
    map.put("hasPointer", location.pointer().isPresent());
    map.put("pointer", location.pointer().map(p -> p.isEmpty() ? "/" : p).orElse(""));
    map.put("message", finding.message());
    Optional<String> own = finding.remediation().filter(r -> !ruleRemediation.equals(Optional.of(r)));
    map.put("hasRemediation", own.isPresent());
    map.put("remediation", own.orElse(""));
    map.put("waived", finding.waived());
    Optional<Waiver> waiver = finding.waiver();
    map.put("hasWaiverId", waiver.flatMap(Waiver::id).isPresent());
    map.put("waiverId", waiver.flatMap(Waiver::id).orElse(""));
    map.put("waiverExpires", waiver.map(w -> w.expires().toString()).orElse(""));
    map.put("waiverOwner", waiver.map(Waiver::owner).orElse(""));
    map.put("waiverJustification", waiver.map(Waiver::justification).orElse(""));
    map.put("waiverDeclaredAt", waiver.map(w -> w.declaredAt().display()).orElse(""));
    return map;
  }

  private static Map<String, Object> exclusion(Exclusion exclusion) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("ruleId", exclusion.ruleId());
    map.put("excludedBy", exclusion.excludedBy().toString());
    map.put("reason", exclusion.reason());
    return map;
  }

  private static Map<String, Object> vulnerability(HtmlVulnerabilityRow row) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("id", row.id());
    map.put("aliases", row.aliases());
    map.put("kev", row.kev());
    map.put("component", row.component());
    map.put("state", row.state());
    map.put("justification", row.justification());
    map.put("source", row.source());
    return map;
  }

  static String statusLabel(Status status) {
    return switch (status) {
      case PASS -> "PASS";
      case FAIL -> "FAIL";
      case NOT_APPLICABLE -> "NOT APPLICABLE";
      case NEEDS_REVIEW -> "NEEDS REVIEW";
    };
  }

  private static String statusCss(Status status) {
    return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
