package org.cyberbaseline.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code rules list}, {@code rules show}, {@code baselines}. */
class RulesAndBaselinesTest {
  @Test
  void rulesListShowsEveryRuleWithItsSeverity() {
    Cli.Result result = Cli.run("rules", "list", "--baseline", "ntia-sbom@2021").expectExit(0);
    assertTrue(result.out().startsWith("Baseline ntia-sbom@2021:"), result.out());
    assertTrue(Pattern.compile("(?m)^SBOM-004\\s+error\\s+Every component names its supplier$").matcher(result.out()).find(),
        result.out());
    assertTrue(Pattern.compile("(?m)^SBOM-006\\s+warning\\s+").matcher(result.out()).find(), result.out());
  }

  @Test
  void rulesShowGivesTheFullRule() {
    Cli.Result result = Cli.run("rules", "show", "SBOM-004").expectExit(0);
    String out = result.out();
    assertTrue(out.startsWith("SBOM-004  Every component names its supplier"), out);
    assertTrue(out.contains("NTIA-ME-2021"), out);
    assertTrue(out.contains("§IV Data fields: Supplier Name"), out);
    assertTrue(out.contains("https://www.ntia.gov/"), out);
    assertTrue(out.contains("Severity:    error"), out);
    assertTrue(out.contains("sbom.component-element"), out);
    assertTrue(out.contains("Rationale:"), out);
    assertTrue(out.contains("Remediation:"), out);
    Cli.run("rules", "show", "sbom-004").expectExit(0);
  }

  @Test
  void userPackRulesAndInheritance() {
    String pack = Cli.resource("packs/strict-identifiers.yaml").toString();
    Cli.Result list = Cli.run("rules", "list", "--pack", pack, "--baseline", "cli-test-strict@1").expectExit(0);
    assertTrue(Pattern.compile("(?m)^ORG-001\\s+warning\\s+").matcher(list.out()).find(), list.out());
    assertTrue(Pattern.compile("(?m)^SBOM-006\\s+error\\s+").matcher(list.out()).find(), list.out());
    assertTrue(list.out().contains("extends ntia-sbom@2021"), list.out());

    Cli.Result inherited =
        Cli.run("rules", "show", "SBOM-004", "--pack", pack, "--baseline", "cli-test-strict@1").expectExit(0);
    assertTrue(inherited.out().contains("Defined in:  ntia-sbom@2021"), inherited.out());
    Cli.Result own = Cli.run("rules", "show", "ORG-001", "--pack", pack, "--baseline", "cli-test-strict@1").expectExit(0);
    assertTrue(own.out().contains("Notes:"), own.out());
    assertTrue(own.out().contains("TEST-POLICY-1"), own.out());
  }

  @Test
  void aBareIdMeansTheNewestVersionAndTheDefaultIsTheNewestFdaPack() {
    assertTrue(Cli.run("rules", "list", "--baseline", "fda-premarket").expectExit(0).out()
        .startsWith("Baseline fda-premarket@2026.02:"));
    assertTrue(Cli.run("rules", "list").expectExit(0).out().startsWith("Baseline fda-premarket@2026.02:"));
    assertTrue(Cli.run("rules", "list", "--baseline", "fda-premarket@2023.09").expectExit(0).out()
        .startsWith("Baseline fda-premarket@2023.09:"));
    assertTrue(Cli.run("rules", "list", "--baseline", "cisa-sbom").expectExit(0).out()
        .startsWith("Baseline cisa-sbom@2026:"));
    Cli.run("rules", "list", "--baseline", "fda").expectUsageError("unknown baseline fda: no such rule pack");
  }

  @Test
  void baselinesListsBundledAndAddedPacks() {
    Cli.Result bundled = Cli.run("baselines").expectExit(0);
    assertTrue(Pattern.compile("(?m)^ntia-sbom@2021\\s+2021-07-12\\s+\\d+\\s+-\\s+NTIA minimum elements")
        .matcher(bundled.out()).find(), bundled.out());
    assertTrue(Pattern.compile("(?m)^fda-premarket@2026\\.02 \\(default\\)\\s+2026-02-03\\s+\\d+\\s+fda-premarket@2025\\.06\\s")
        .matcher(bundled.out()).find(), "the newest FDA pack is the default: " + bundled.out());

    Cli.Result added =
        Cli.run("baselines", "--pack", Cli.resource("packs/strict-identifiers.yaml").toString()).expectExit(0);
    assertTrue(Pattern.compile("(?m)^cli-test-strict@1\\s+2026-01-01\\s+\\d+\\s+ntia-sbom@2021\\s+CLI test pack")
        .matcher(added.out()).find(), added.out());
    assertTrue(added.out().contains("fda-premarket@2026.02 (default)"), added.out());
  }
}
