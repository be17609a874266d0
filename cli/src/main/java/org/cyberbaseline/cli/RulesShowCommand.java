package org.cyberbaseline.cli;

import java.util.concurrent.Callable;
import org.cyberbaseline.rules.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code cyber-baseline rules show ID}: everything the baseline says about one rule ({@link ExplainCommand} too). */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = "Shows one rule in full: rationale, citations, applicability, check, remediation, notes.")
class RulesShowCommand implements Callable<Integer> {
  private final Io io;

  @Parameters(index = "0", paramLabel = "RULE-ID", description = "Rule id, e.g. SBOM-004.")
  String ruleId;

  @Mixin BaselineOptions baselineOptions;

  @Mixin VerboseOption verbose;

  RulesShowCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    RulePack pack = baselineOptions.validator(java.time.Clock.systemUTC()).baseline();
    RuleDescription.print(io.out(), pack, baselineOptions.checkedRepository(), RuleDescription.find(pack, ruleId.strip()));
    return ExitCodes.OK;
  }
}
