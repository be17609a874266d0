package org.cyberbaseline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Everything that is the user's to fix exits 2 with one clear message and no stack trace. */
class UsageErrorTest {
  @TempDir Path temp;

  private String valid() {
    return Cli.resource("submissions/valid").toString();
  }

  private String out() {
    return temp.resolve("out").toString();
  }

  @Test
  void malformedBaseline() {
    Cli.run("validate", valid(), "--output", out(), "--baseline", "ntia-sbom@").expectUsageError("ID@VERSION");
    Cli.run("rules", "list", "--baseline", "a@b@c").expectUsageError("ID@VERSION");
  }

  @Test
  void unknownBaseline() {
    Cli.Result result =
        Cli.run("validate", valid(), "--output", out(), "--baseline", "ntia-sbom@1999").expectUsageError("ntia-sbom@1999");
    assertTrue(result.err().contains("known versions of ntia-sbom: 2021"), result.err());
    Cli.run("rules", "list", "--baseline", "nope@1").expectUsageError("unknown baseline nope@1");
    assertFalse(Files.exists(temp.resolve("out")), "no report for a run that never started");
  }

  @Test
  void missingPath() {
    Cli.run("validate", "--baseline", "ntia-sbom@2021", temp.resolve("does-not-exist").toString(), "--output", out())
        .expectUsageError("no such file or folder");
  }

  @Test
  void folderWithoutManifest() throws Exception {
    Path empty = Files.createDirectories(temp.resolve("empty"));
    Cli.run("validate", "--baseline", "ntia-sbom@2021", empty.toString(), "--output", out()).expectUsageError("submission.json");
  }

  @Test
  void missingPathArgument() {
    Cli.run("validate").expectUsageError("PATH");
  }

  @Test
  void badOptionValues() {
    Cli.run("validate", "--baseline", "ntia-sbom@2021", valid(), "--output", out(), "--format", "xml").expectUsageError("'xml' is not a report format");
    Cli.run("validate", "--baseline", "ntia-sbom@2021", valid(), "--output", out(), "--fail-on", "fatal").expectUsageError("'fatal' is not a level");
    Cli.run("validate", "--baseline", "ntia-sbom@2021", valid(), "--output", out(), "--max-findings", "-1").expectUsageError("'-1'");
    Cli.run("validate", "--baseline", "ntia-sbom@2021", valid(), "--output", out(), "--timestamp", "yesterday").expectUsageError("RFC 3339");
    Cli.run("validate", "--baseline", "ntia-sbom@2021", valid(), "--output", out(), "--no-such-option").expectUsageError("--no-such-option");
    Cli.run("frobnicate").expectUsageError("frobnicate");
  }

  @Test
  void malformedSourceDateEpoch() {
    Cli.runWithEnv(Map.of("SOURCE_DATE_EPOCH", "last tuesday"), "validate", valid(), "--output", out())
        .expectUsageError("SOURCE_DATE_EPOCH");
  }

  @Test
  void invalidOrMissingPack() {
    Cli.run("validate", "--baseline", "ntia-sbom@2021", valid(), "--output", out(), "--pack", Cli.resource("packs/schema-invalid.yaml").toString())
        .expectUsageError("/rules/0/severity");
    Cli.run("baselines", "--pack", temp.resolve("missing.yaml").toString()).expectUsageError("no such file");
    Cli.run("validate", valid(), "--output", out(), "--pack", Cli.resource("packs/unknown-check-type.yaml").toString(),
            "--baseline", "cli-test-unknown-check@1")
        .expectUsageError("no.such-check");
  }

  @Test
  void unknownRule() {
    Cli.Result result = Cli.run("rules", "show", "SBOM-999", "--baseline", "ntia-sbom@2021").expectUsageError("no rule 'SBOM-999'");
    assertTrue(result.err().contains("SBOM-004"), "lists the baseline's rule ids: " + result.err());
    assertEquals(1, result.err().lines().count(), result.err());
  }

  @Test
  void noCommand() {
    Cli.run().expectUsageError("missing command");
    Cli.run("rules").expectUsageError("subcommand");
  }

  @Test
  void unwritableOutput() throws Exception {
    Path file = Files.writeString(temp.resolve("a-file"), "not a folder");
    Cli.run("validate", "--baseline", "ntia-sbom@2021", valid(), "--output", file.toString()).expectUsageError("is a file");
    Cli.run("validate", "--baseline", "ntia-sbom@2021", valid(), "--output", file.resolve("sub").toString())
        .expectUsageError("cannot write the JSON report");
  }

  @Test
  void verboseShowsTheStackTrace() {
    Cli.Result result = Cli.run("validate", "--baseline", "ntia-sbom@2021", temp.resolve("nope").toString(), "--verbose");
    assertEquals(ExitCodes.USAGE, result.exitCode());
    assertTrue(result.err().contains("\tat "), result.err());
  }

  @Test
  void helpAndVersionSucceed() {
    Cli.Result help = Cli.run("validate", "--help").expectExit(0);
    assertTrue(help.out().contains("--fail-on"), help.out());
    assertTrue(help.out().replaceAll("\\s+", " ").contains("(default: the newest fda-premarket)"), "default baseline shown: " + help.out());
    Cli.Result version = Cli.run("--version").expectExit(0);
    assertTrue(version.out().startsWith("cyber-baseline "), version.out());
    assertFalse(version.out().startsWith("cyber-baseline unknown"), version.out());
  }
}
