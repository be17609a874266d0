package org.cyberbaseline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code cyber-baseline} command; it only dispatches to its subcommands. */
@Command(
    name = "cyber-baseline",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    synopsisSubcommandLabel = "COMMAND",
    usageHelpAutoWidth = true,
    description = {
      "Checks a medical-device premarket cybersecurity submission (SBOM, threat model, VEX, DQI manifest)"
          + " against a versioned baseline rule pack and reports findings with their regulatory citations.",
      ""
    },
    commandListHeading = "%nCommands:%n",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success; for validate: no finding at or above --fail-on",
      "1:validate: at least one finding at or above --fail-on",
      "2:usage error (bad option, unknown baseline or rule, invalid pack) or unreadable input",
      "3:internal error"
    })
final class CyberBaselineCommand implements Callable<Integer> {
  private final Io io;

  @Spec CommandSpec spec;

  CyberBaselineCommand(Io io) {
    this.io = io;
  }

  /** Without a command: show the usage and fail as a usage error. */
  @Override
  public Integer call() {
    io.err().println("cyber-baseline: missing command");
    spec.commandLine().usage(io.err());
    return ExitCodes.USAGE;
  }
}
