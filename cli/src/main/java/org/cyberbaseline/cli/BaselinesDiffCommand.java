package org.cyberbaseline.cli;

import java.util.concurrent.Callable;
import org.cyberbaseline.rules.PackDiff;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.RulePackException;
import org.cyberbaseline.rules.RulePackRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cyber-baseline baselines diff A B}: what changes for a submission moving from baseline A to
 * baseline B (e.g. between two editions of the FDA guidance).
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = "Shows the rules added, removed and changed (severity, parameters, citations, ...) from baseline FROM to baseline TO.")
final class BaselinesDiffCommand implements Callable<Integer> {
  private final Io io;

  @Parameters(index = "0", paramLabel = "FROM", description = "Baseline as ID@VERSION.", converter = PackRefConverter.class)
  PackRef from;

  @Parameters(index = "1", paramLabel = "TO", description = "Baseline as ID@VERSION.", converter = PackRefConverter.class)
  PackRef to;

  @Option(names = "--json", description = "Print the differences as JSON instead of text.")
  boolean json;

  @Mixin PackFiles packFiles;

  @Mixin VerboseOption verbose;

  BaselinesDiffCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    RulePackRepository repository = packFiles.repository();
    PackDiff diff;
    try {
      diff = PackDiff.between(repository.resolve(from), repository.resolve(to));
    } catch (RulePackException e) {
      throw new CliException(e.getMessage(), e);
    }
    io.out().print(json ? diff.toJson() : diff.toText());
    io.out().flush();
    return ExitCodes.OK;
  }
}
