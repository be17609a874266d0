package org.cyberbaseline.validator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyberbaseline.rules.AppliesTo;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.rules.CheckSpec;
import org.cyberbaseline.rules.Citation;
import org.cyberbaseline.rules.Exclusion;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.Rule;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.ArtifactSummary;
import org.cyberbaseline.validator.BaselineSummary;
import org.cyberbaseline.validator.DeviceIdentity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.RuleResult;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.Submission;
import org.cyberbaseline.validator.Summary;
import org.cyberbaseline.validator.ValidationReport;
import org.cyberbaseline.validator.Validator;
import org.cyberbaseline.validator.Waiver;
import org.junit.jupiter.api.Test;

/** The HTML report as a string: content, escaping, grouping, determinism. See also HtmlReportBrowserTest. */
class HtmlReportTest {
  /** The same fixed clock as the validator tests' TestSupport. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

  static final String SCRIPT_NAME = "<script>alert(1)</script>";
  static final String IMG_PAYLOAD = "\"><img src=x onerror=alert(1)>";

  /** A lone SBOM whose names, versions, purl and CPE carry markup; name of the SBOM too. */
  static final String HOSTILE_NAME = "hostile'\"><svg onload=alert(3)>.cdx.json";

  static Validator validator() throws Exception {
    return Validator.builder().baseline("ntia-sbom@2021").clock(CLOCK).build();
  }

  static Path repoRoot() {
    String property = System.getProperty("cyberbaseline.repoRoot");
    Path root = property != null ? Path.of(property) : Path.of("..");
    return root.toAbsolutePath().normalize();
  }

  static String exampleHtml() throws Exception {
    Validator validator = validator();
    ValidationReport report = validator.validate(Submission.fromDirectory(repoRoot().resolve("examples/infusion-pump")));
    return HtmlReport.render(report, validator.baseline());
  }

  static ValidationReport exampleReport() throws Exception {
    return validator().validate(Submission.fromDirectory(repoRoot().resolve("examples/infusion-pump")));
  }

  static byte[] hostileSbom() {
    String json = """
        {
          "bomFormat": "CycloneDX",
          "specVersion": "1.6",
          "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
          "version": 1,
          "metadata": {
            "timestamp": "2026-01-15T10:00:00Z",
            "authors": [ { "name": "<b onmouseover=alert(5)>Mallory</b>" } ],
            "component": {
              "type": "firmware", "bom-ref": "root", "name": "%1$s", "version": "1.0",
              "supplier": { "name": "<i>Evil & Co</i>" }
            }
          },
          "components": [
            {
              "type": "library", "bom-ref": "evil-1", "name": "%1$s", "version": "<img src=x onerror=alert(2)>",
              "purl": "%2$s"
            },
            {
              "type": "library", "bom-ref": "evil-2", "name": "lib</td></tr></table><h1>pwned</h1>",
              "version": "1", "cpe": "<iframe src=javascript:alert(4)>"
            }
          ],
          "dependencies": [ { "ref": "root", "dependsOn": [ "evil-1", "evil-2" ] } ]
        }
        """.formatted(jsonString(SCRIPT_NAME), jsonString(IMG_PAYLOAD));
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static String hostileHtml() throws Exception {
    Validator validator = validator();
    return HtmlReport.render(validator.validate(Submission.ofSbom(HOSTILE_NAME, hostileSbom())), validator.baseline());
  }

  private static String jsonString(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  @Test
  void exampleReportShowsVerdictDeviceBaselineCountsArtifactsAndFindings() throws Exception {
    ValidationReport report = exampleReport();
    String html = HtmlReport.render(report, validator().baseline());

    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html.substring(0, 40));
    assertTrue(html.contains("Does not meet the baseline: 1 error finding</h2>"));
    assertTrue(html.contains("11 rules checked: 8 pass, 3 fail, 0 need review, 0 not applicable."));
    for (String fact : List.of("Fictional Medical Inc.", "VitaFlow Connect Infusion Pump", "VF-200", "4.2.0",
        "<dt>Cyber device (524B)</dt><dd>yes</dd>", "510(k)-traditional")) {
      assertTrue(html.contains(fact), fact);
    }
    assertTrue(html.contains("<code>ntia-sbom@2021</code>"));
    assertTrue(html.contains("NTIA minimum elements for an SBOM (2021)"));
    assertTrue(html.contains("<dt>Effective date</dt><dd>2021-07-12</dd>"));
    assertTrue(html.contains("<time datetime=\"2026-11-29T12:00:00Z\">2026-11-29T12:00:00Z</time>"));
    assertTrue(html.contains("cyber-baseline " + report.toolVersion()));

    // every artifact, with its short digest and the full one for print
    for (ArtifactSummary artifact : report.artifacts()) {
      assertTrue(html.contains("<code>" + artifact.path() + "</code>"), artifact.path());
      artifact.sha256().ifPresent(sha -> {
        assertTrue(html.contains(">" + sha.substring(0, 12) + "\u2026</code>"), sha);
        assertTrue(html.contains("<code class=\"sha-full\">" + sha + "</code>"), sha);
      });
    }
    // every rule, grouped under SBOM, with status and severity as text
    assertTrue(html.contains("<section class=\"area\" id=\"area-sbom\""));
    for (RuleResult result : report.results()) {
      assertTrue(html.contains("id=\"rule-" + result.ruleId() + "\" data-status=\"" + result.status().name()
          + "\" data-severity=\"" + result.severity().id() + "\""), result.ruleId());
    }
    assertTrue(html.contains("<span class=\"badge status status-fail\">FAIL</span>"));
    // a finding: severity, file:line:column, pointer, message
    Finding finding = report.result("SBOM-004").orElseThrow().findings().get(0);
    assertTrue(html.contains("<td class=\"loc\"><code>sbom/firmware.cdx.json:928:5</code></td>"));
    assertTrue(html.contains("<td class=\"ptr\"><code>/components/23</code></td>"));
    assertTrue(html.contains(escape(finding.message())), finding.message());
    // citations linked, rationale and remediation collapsible
    assertTrue(html.contains("<a href=\"https://www.ntia.gov/sites/default/files/publications/"
        + "sbom_minimum_elements_report_0.pdf\" rel=\"noopener noreferrer\">NTIA-ME-2021 \u00a7IV Automation Support</a>"));
    assertTrue(html.contains("<summary>Rationale and remediation</summary>"));
    assertTrue(html.contains("<span class=\"label\">Rationale:</span> NTIA&#39;s Automation Support element"));
    assertTrue(html.contains("<span class=\"label\">Notes:</span>"));
    assertTrue(html.contains("None: every listed artifact was found and read."));
    // no feed configured, but the example's VEX statements fill the vulnerability table
    assertTrue(html.contains("<section id=\"vulnerabilities\""));
    assertTrue(html.contains("<td><code>CVE-2025-9230</code></td>"));
    assertTrue(html.contains("<td>fixed (resolved)</td>"));

    writeArtifact("infusion-pump.html", html);
  }

  @Test
  void pageIsSelfContained() throws Exception {
    String html = exampleHtml();
    assertFalse(html.contains("<link"), "no external stylesheet");
    assertFalse(html.contains("<img"), "no images");
    assertFalse(html.contains("@import"));
    assertFalse(html.contains("url("));
    assertFalse(Pattern.compile("\\ssrc\\s*=").matcher(html).find(), "no src attributes");
    assertEquals(1, count(html, "<script"), "exactly the one inline script");
    assertEquals(1, count(html, "<style"), "exactly the one inline stylesheet");
    // every link either stays on the page or is a citation
    Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
    while (href.find()) {
      String target = href.group(1);
      assertTrue(target.startsWith("#") || target.startsWith("https://"), target);
    }
    assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;;"));
    assertTrue(html.contains("<div id=\"filters\" class=\"filters\" role=\"group\" aria-label=\"Filter the checklist\" hidden>"));
  }

  @Test
  void documentDerivedStringsAreEscaped() throws Exception {
    String html = hostileHtml();
    writeArtifact("hostile.html", html);

    for (String raw : List.of(SCRIPT_NAME, IMG_PAYLOAD, "<img", "<svg", "<iframe", "<h1>pwned", "<b onmouseover",
        "<i>Evil", "onerror=alert", "onload=alert")) {
      assertFalse(html.contains(raw), "raw markup in the page: " + raw);
    }
    assertEquals(1, count(html, "<script"), "only the page's own script element");
    assertEquals(1, count(html, "<h1"), "only the page's own heading");
    // ...and the text is still there, escaped, for the reviewer to read
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assertTrue(html.contains("&quot;&gt;&lt;img src&#61;x onerror&#61;alert(1)&gt;"));
    assertTrue(html.contains("hostile&#39;&quot;&gt;&lt;svg onload&#61;alert(3)&gt;.cdx.json"));
    assertTrue(html.contains("A lone SBOM was validated"));
  }

  @Test
  void sameReportGivesSameBytesAcrossRunsAndThreads() throws Exception {
    String first = exampleHtml();
    assertEquals(first, exampleHtml());
    ValidationReport report = exampleReport();
    RulePack baseline = validator().baseline();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> HtmlReport.render(report, baseline)));
      }
      for (Future<String> future : futures) {
        assertEquals(first, future.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertFalse(first.contains("\r"), "\\n line ends only");
  }

  @Test
  void checklistIsGroupedByAreaInFixedOrder() {
    List<String> ids = List.of("ZZZ-001", "XART-001", "PLN-001", "VLN-001", "TM-001", "SUB-001", "SBOM-001",
        "DQI-001", "LBL-001", "CTL-001", "TST-001", "NOPREFIX");
    List<RuleResult> results = ids.stream().sorted()
        .map(id -> result(id, Status.PASS, Severity.WARNING, List.of()))
        .toList();
    String html = HtmlReport.render(report(results, List.of()), pack(ids));
    List<String> areas = new ArrayList<>();
    Matcher area = Pattern.compile("<section class=\"area\" id=\"([a-z-]+)\"").matcher(html);
    while (area.find()) {
      areas.add(area.group(1));
    }
    assertEquals(List.of("area-submission", "area-sbom", "area-threat-model", "area-vulnerabilities", "area-dqi",
        "area-cross-artifact", "area-testing", "area-other"), areas);
    assertTrue(html.contains(">Threat model and controls <span class=\"muted\">(2 rules: 2 pass)</span></h3>"));
    assertTrue(html.contains(">Testing, labeling and plans <span class=\"muted\">(3 rules: 3 pass)</span></h3>"));
    assertTrue(html.contains(">Other <span class=\"muted\">(2 rules: 2 pass)</span></h3>"));
    assertTrue(html.indexOf("id=\"rule-CTL-001\"") < html.indexOf("id=\"rule-TM-001\""), "rule-id order within an area");
    assertTrue(html.contains("<h2 id=\"verdict-headline\" class=\"verdict-headline\">Meets the baseline</h2>"));
  }

  @Test
  void verdictSaysWarningsWhenThereAreNoErrors() {
    Finding warning = finding("SBOM-004", Severity.WARNING, "supplier unknown");
    List<RuleResult> results = List.of(
        result("SBOM-004", Status.FAIL, Severity.ERROR, List.of(warning, warning)),
        result("SBOM-005", Status.NEEDS_REVIEW, Severity.INFO, List.of()));
    String html = HtmlReport.render(report(results, List.of()), pack(List.of("SBOM-004", "SBOM-005")));
    assertTrue(html.contains("Meets the baseline with warnings: 2 warning findings</h2>"));
    assertTrue(html.contains("1 rule needs review by a person; the tool cannot decide it."));
    assertTrue(html.contains("class=\"verdict verdict-warn\""));
  }

  @Test
  void waivedFindingsAreShownWithTheirWaiverAndDoNotCount() {
    Waiver waiver = new Waiver(Optional.of("W-7"), "SBOM-004", Optional.empty(), Optional.empty(),
        "Supplier <unknown> is accepted", "Jane Roe", LocalDate.of(2027, 1, 31),
        new Location("waivers.json", Optional.of("/waivers/0"), Optional.of(4), Optional.of(5)));
    Finding waived = finding("SBOM-004", Severity.ERROR, "component x has no supplier").withWaiver(waiver);
    List<RuleResult> results = List.of(result("SBOM-004", Status.FAIL, Severity.ERROR, List.of(waived)));
    String html = HtmlReport.render(report(results, List.of()), pack(List.of("SBOM-004")));
    assertTrue(html.contains("<h2 id=\"verdict-headline\" class=\"verdict-headline\">Meets the baseline</h2>"));
    assertTrue(html.contains("1 finding is waived and does not count toward the verdict."));
    assertTrue(html.contains("<tr class=\"finding is-waived\" data-severity=\"error\">"));
    assertTrue(html.contains("<span class=\"badge waived\">WAIVED</span> until 2027-01-31 by Jane Roe: "
        + "Supplier &lt;unknown&gt; is accepted <span class=\"muted\">(waiver W-7 declared at "
        + "<code>waivers.json:4:5 /waivers/0</code>)</span>"));
    assertTrue(html.contains("<span class=\"badge severity sev-waived\">WAIVED</span></th><td class=\"num\">1</td>"));
  }

  @Test
  void inputProblemsAreListedAndCountAsErrors() {
    Finding missing = new Finding("input.artifact-unreadable", Severity.ERROR, "sbom/app.json is listed but missing",
        new Location("submission.json", Optional.of("/artifacts/sboms/1/path"), Optional.of(31), Optional.of(17)),
        List.of(), Optional.of("Add the file or remove it from the manifest."));
    String html = HtmlReport.render(report(List.of(), List.of(missing)), pack(List.of()));
    assertTrue(html.contains("Does not meet the baseline: 1 error finding</h2>"));
    assertTrue(html.contains("<td><code>input.artifact-unreadable</code></td>"));
    assertTrue(html.contains("<td class=\"loc\"><code>submission.json:31:17</code></td>"));
    assertTrue(html.contains("<code>/artifacts/sboms/1/path</code>"));
    assertTrue(html.contains("<span class=\"label\">Fix:</span> Add the file or remove it from the manifest."));
    assertTrue(html.contains("The baseline has no rules."));
    // the baseline's exclusions are listed, so nothing disappears silently
    assertTrue(html.contains("<tr><td><code>SBOM-016</code></td><td><code>test-pack@1</code></td>"
        + "<td>&lt;em&gt;lifecycle&lt;/em&gt; is asked by another pack</td></tr>"));
    assertTrue(html.contains("<dt>Extends</dt><dd>ntia-sbom@2021</dd>"));
  }

  @Test
  void findingWithoutPointerDoesNotInheritAnythingFromItsRule() {
    Finding whole = new Finding("SBOM-001", Severity.ERROR, "not JSON", Location.ofArtifact("sbom/a.json"),
        List.of(), Optional.empty());
    String html = HtmlReport.render(report(List.of(result("SBOM-001", Status.FAIL, Severity.ERROR, List.of(whole))),
        List.of()), pack(List.of("SBOM-001")));
    assertTrue(html.contains("<td class=\"loc\"><code>sbom/a.json</code></td>\n<td class=\"ptr\"></td>"), html);
  }

  @Test
  void onlyWebCitationUrlsBecomeLinks() {
    RuleResult result = new RuleResult("SBOM-001", "t", Severity.ERROR, Status.PASS, "ok",
        List.of(new Citation("DOC-A", "§1", Optional.of("javascript:alert(1)")),
            new Citation("DOC-B", "", Optional.of("http://example.org/b?x=1&y=2")),
            new Citation("DOC-C", "§3", Optional.empty())),
        List.of());
    String html = HtmlReport.render(report(List.of(result), List.of()), pack(List.of("SBOM-001")));
    assertFalse(html.contains("javascript:"));
    assertTrue(html.contains("<li>DOC-A §1</li>"));
    assertTrue(html.contains("<li><a href=\"http://example.org/b?x&#61;1&amp;y&#61;2\" rel=\"noopener noreferrer\">DOC-B</a></li>"));
    assertTrue(html.contains("<li>DOC-C §3</li>"));
  }

  @Test
  void vulnerabilityTableRendersOnlyWithData() {
    ValidationReport report = report(List.of(), List.of());
    assertFalse(HtmlReport.render(report, pack(List.of())).contains("id=\"vulnerabilities\""));
    String html = HtmlReport.render(report, pack(List.of()), List.of(
        new HtmlVulnerabilityRow("CVE-2024-0001", "GHSA-xxxx-yyyy-zzzz", "KEV", "<script>x</script>@1", "not_affected",
            "code_not_reachable", "vex/fw.vex.json")));
    assertTrue(html.contains("<section id=\"vulnerabilities\""));
    assertTrue(html.contains("<td><code>&lt;script&gt;x&lt;/script&gt;@1</code></td>"));
    assertTrue(html.contains("<td>KEV</td>"));
  }

  // ---- helpers -------------------------------------------------------------------------------

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;").replace("`", "&#96;").replace("=", "&#61;");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** Keeps the rendered pages under target/ for a person to open. */
  static Path writeArtifact(String name, String html) throws Exception {
    Path dir = Path.of("target", "html-report");
    Files.createDirectories(dir);
    Path file = dir.resolve(name);
    Files.writeString(file, html, StandardCharsets.UTF_8);
    return file;
  }

  private static Finding finding(String ruleId, Severity severity, String message) {
    return new Finding(ruleId, severity, message,
        new Location("sbom/a.json", Optional.of("/components/0"), Optional.of(3), Optional.of(5)),
        List.of(), Optional.empty());
  }

  private static RuleResult result(String id, Status status, Severity severity, List<Finding> findings) {
    return new RuleResult(id, "Title of " + id, severity, status, "Explanation of " + id,
        List.of(new Citation("DOC", "§1", Optional.of("https://example.org/doc"))), findings);
  }

  private static ValidationReport report(List<RuleResult> results, List<Finding> inputProblems) {
    return new ValidationReport("0.0.0-test", CLOCK.instant(),
        new BaselineSummary(new PackRef("test-pack", "1"), "Test pack", LocalDate.of(2026, 1, 1),
            List.of(new PackRef("ntia-sbom", "2021")),
            List.of(new Exclusion("SBOM-016", "<em>lifecycle</em> is asked by another pack", new PackRef("test-pack", "1")))),
        ValidationReport.Mode.SUBMISSION,
        Optional.of(new DeviceIdentity("M", "D", "X-1", "1.0", Optional.empty(), Optional.empty())),
        List.of(new ArtifactSummary("sbom/a.json", ArtifactType.SBOM, Optional.empty(), Optional.empty())),
        inputProblems, results, Summary.of(results, inputProblems));
  }

  private static RulePack pack(List<String> ids) {
    List<Rule> rules = ids.stream().sorted()
        .map(id -> new Rule(id, "Title of " + id, "Rationale of " + id, Severity.WARNING, List.of(),
            Optional.of("Remediation of " + id), Optional.empty(),
            new AppliesTo(Set.of(ArtifactType.SBOM), Optional.empty(), Set.of()), new CheckSpec("test", null)))
        .toList();
    return new RulePack(new PackRef("test-pack", "1"), "Test pack", Optional.empty(), LocalDate.of(2026, 1, 1),
        List.of(new PackRef("ntia-sbom", "2021")), rules, "test", List.of(), List.of());
  }
}
