package org.cyberbaseline.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.cyberbaseline.rules.Rule;
import org.cyberbaseline.rules.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cyber-baseline rules list}: one line per rule of the baseline. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = "Lists the rules of a baseline (including those of the packs it extends): id, severity, title.")
final class RulesListCommand implements Callable<Integer> {
  private final Io io;

  @Mixin BaselineOptions baselineOptions;

  @Mixin VerboseOption verbose;

  RulesListCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    RulePack pack = baselineOptions.validator(java.time.Clock.systemUTC()).baseline();
    io.out().println(Text.baselineHeader(pack));
    io.out().println();
    List<Rule> rules = pack.rules();
    int idWidth = Math.max("ID".length(), rules.stream().mapToInt(r -> r.id().length()).max().orElse(0));
    int severityWidth = "SEVERITY".length();
    String format = "%-" + idWidth + "s  %-" + severityWidth + "s  %s%n";
    io.out().printf(java.util.Locale.ROOT, format, "ID", "SEVERITY", "TITLE");
    for (Rule rule : rules) {
      io.out().printf(java.util.Locale.ROOT, format, rule.id(), rule.severity().id(), rule.title());
    }
    io.out().flush();
    return ExitCodes.OK;
  }
}
