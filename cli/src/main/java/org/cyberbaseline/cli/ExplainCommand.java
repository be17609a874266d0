package org.cyberbaseline.cli;

import picocli.CommandLine.Command;

/**
 * {@code cyber-baseline explain RULE-ID}: why a rule exists, what it cites and how to fix a finding,
 * from the rule id a report shows. The same command as {@code rules show}, at the top level where a
 * user reading a report looks for it.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "Explains a rule of a report: why it matters (rationale), the regulatory citations, how to fix a"
          + " finding (remediation), and the check that decides it. Same as 'rules show RULE-ID'.",
      ""
    })
final class ExplainCommand extends RulesShowCommand {
  ExplainCommand(Io io) {
    super(io);
  }
}
