package org.cyberbaseline.validator.report;

import static org.cyberbaseline.validator.report.ReportFixtures.at;
import static org.cyberbaseline.validator.report.ReportFixtures.finding;
import static org.cyberbaseline.validator.report.ReportFixtures.report;
import static org.cyberbaseline.validator.report.ReportFixtures.result;
import static org.cyberbaseline.validator.report.ReportFixtures.rule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cyberbaseline.rules.Exclusion;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.Rule;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.Submission;
import org.cyberbaseline.validator.ValidationReport;
import org.junit.jupiter.api.Test;

/** The Markdown summary: exact output for a small report, and document text that cannot break it. */
class MarkdownReportTest {
  static final String HOSTILE = "evil|name `x` <script>alert(1)</script> *bold* [link](http://x) @org/team";

  @Test
  void smallReportRendersExactly() {
    Rule supplier = rule("T-001", "Every component names its supplier", Severity.ERROR);
    Rule plan = rule("T-002", "A human judges the plan", Severity.WARNING);
    Rule fine = rule("T-003", "Passing rule", Severity.INFO);
    ValidationReport report =
        report(
            List.of(new Exclusion("T-009", "covered by the device's own policy", new PackRef("org-pack", "2"))),
            List.of(finding("input.artifact-unreadable", Severity.ERROR, "sbom/missing.cdx.json does not exist",
                at("submission.json", "/artifacts/sboms/1/path", 12, 19))),
            result(supplier, Status.FAIL, "2 components have no supplier",
                finding("T-001", Severity.ERROR, "component " + HOSTILE + " has no supplier",
                    at("sbom/fw.cdx.json", "/components/0", 30, 5)),
                finding("T-001", Severity.WARNING, "component b says NOASSERTION",
                    at("sbom/fw.cdx.json", "/components/1", 41, 5))),
            result(plan, Status.NEEDS_REVIEW, "- a reviewer must read the plan",
                finding("T-002", Severity.INFO, "review docs/plan.md", Location.ofArtifact("docs/plan.md"))),
            result(fine, Status.PASS, "all good"));

    String markdown = MarkdownReport.render(report, 1);

    assertEquals(
        """
        ## Cyber Baseline: FAIL

        Baseline `test-pack@1` (Test pack) · device Pump, model P-1, software 2.0 · cyber-baseline 1.2.3 · 2026-11-29T12:00:00Z

        | Rules | Count |
        |---|---:|
        | Fail | 1 |
        | Needs review | 1 |
        | Pass | 1 |
        | Not applicable | 0 |
        | **Findings** | |
        | Error | 2 |
        | Warning | 1 |
        | Info | 1 |
        | Waived | 0 |

        ### Rules the baseline leaves out

        | Rule | Excluded by | Reason |
        |---|---|---|
        | T-009 | `org-pack@2` | covered by the device's own policy |

        ### Problems reading the submission

        - **error** `input.artifact-unreadable` `submission.json:12` `/artifacts/sboms/1/path`: sbom/missing.cdx.json does not exist

        ### Rules that fail, need review or have waived findings

        | Rule | Status | Severity | Title | Findings | Citation |
        |---|---|---|---|---:|---|
        | T-001 | **FAIL** | error | Every component names its supplier | 2 | [NTIA-ME-2021 §IV Data fields: Supplier Name](<https://example.org/ntia.pdf>) |
        | T-002 | needs review | warning | A human judges the plan | 1 | [NTIA-ME-2021 §IV Data fields: Supplier Name](<https://example.org/ntia.pdf>) |

        #### T-001 Every component names its supplier

        2 components have no supplier

        - **error** `sbom/fw.cdx.json:30` `/components/0`: component evil\\|name \\`x\\` &lt;script&gt;alert(1)&lt;/script&gt; \\*bold\\* \\[link\\](http://x) @\u2060org/team has no supplier
        - … 1 more in the full report

        #### T-002 A human judges the plan

        \\- a reviewer must read the plan

        - **info** `docs/plan.md`: review docs/plan.md
        """,
        markdown);
  }

  @Test
  void documentTextCannotBreakTablesOrInjectHtml() {
    String escaped = MarkdownReport.text(HOSTILE + "\nline two\r\n| --- |");
    assertFalse(escaped.contains("<"), escaped);
    assertFalse(escaped.contains("\n"), escaped);
    assertFalse(escaped.replace("\\|", "").contains("|"), "every | is escaped: " + escaped);
    assertFalse(escaped.replace("\\`", "").contains("`"), "every backtick is escaped: " + escaped);
    assertFalse(escaped.contains("@org"), "no mention: " + escaped);
    assertEquals("name@example.org", MarkdownReport.text("name@example.org"), "an address is left alone");
    assertEquals("```a``b```", MarkdownReport.code("a``b"), "the fence is longer than any backtick run inside");
    assertEquals("`` `x` ``", MarkdownReport.code("`x`"));
    assertEquals("`/a <b>`", MarkdownReport.code("/a <b>"), "HTML is inert in a code span");
    assertEquals("`a b`", MarkdownReport.code("a\nb"));
    assertEquals("\\# not a heading", MarkdownReport.paragraph("# not a heading"));
    assertEquals("1\\. not a list", MarkdownReport.paragraph("1. not a list"));
    assertEquals("\\$x\\$ not math", MarkdownReport.text("$x$ not math"));
  }

  @Test
  void exampleSubmissionSummary() throws Exception {
    ValidationReport report =
        ReportFixtures.validator().validate(Submission.fromDirectory(ReportFixtures.repoRoot().resolve("examples/infusion-pump")));
    String markdown = MarkdownReport.render(report, 10);
    assertTrue(markdown.startsWith("## Cyber Baseline: FAIL\n"), markdown);
    assertTrue(markdown.contains("| SBOM-004 | **FAIL** | error | Every component names its supplier | 1 |"), markdown);
    assertTrue(markdown.contains("- **error** `sbom/firmware.cdx.json:928` `/components/23`: component inih@r58 has no supplier"),
        markdown);
    assertFalse(markdown.contains("Problems reading the submission"), markdown);
    assertThrows(IllegalArgumentException.class, () -> MarkdownReport.render(report, -1));
  }

  @Test
  void waivedFindingsAreListedWithTheirWaiver() {
    Rule rule = rule("T-001", "One", Severity.ERROR);
    ValidationReport report =
        report(List.of(), result(rule, Status.PASS, "passes because a waiver accepts each of its 1 finding(s)",
            finding("T-001", Severity.ERROR, "bad", at("sbom/fw.cdx.json", "/components/0", 5, 5))
                .withWaiver(ReportFixtures.waiver("T-001"))));
    String markdown = MarkdownReport.render(report, 5);
    assertTrue(markdown.startsWith("## Cyber Baseline: PASS\n"), markdown);
    assertTrue(markdown.contains("| Waived | 1 |"), markdown);
    assertTrue(markdown.contains("| T-001 | pass (waived) | error | One | 1 |"), markdown);
    assertTrue(markdown.contains("`/components/0`: bad — *waived* until 2027-06-30 by J. Doe: accepted &lt;risk&gt; \\| see @\u2060team\n"),
        markdown);
  }

  @Test
  void verdictFollowsTheRuleStatuses() {
    Rule rule = rule("T-001", "One", Severity.ERROR);
    assertTrue(MarkdownReport.render(report(List.of(), result(rule, Status.PASS, "ok")), 5)
        .startsWith("## Cyber Baseline: PASS\n"));
    assertTrue(MarkdownReport.render(report(List.of(), result(rule, Status.NEEDS_REVIEW, "judge")), 5)
        .startsWith("## Cyber Baseline: NEEDS REVIEW\n"));
    assertTrue(MarkdownReport.render(report(List.of(), result(rule, Status.NOT_APPLICABLE, "n/a")), 5)
        .startsWith("## Cyber Baseline: PASS\n"));
  }
}
