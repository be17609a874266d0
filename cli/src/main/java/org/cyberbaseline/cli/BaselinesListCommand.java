package org.cyberbaseline.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cyber-baseline baselines list}: the same table as plain {@code baselines}. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = "Lists the baselines available to --baseline: id@version, effective date, rule count, extends, title.")
final class BaselinesListCommand implements Callable<Integer> {
  private final Io io;

  @Mixin PackFiles packFiles;

  @Mixin VerboseOption verbose;

  BaselinesListCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    return BaselinesCommand.list(io, packFiles.repository());
  }
}
