package org.cyberbaseline.cli;

import picocli.CommandLine.Command;

/** {@code cyber-baseline rules}: groups {@code list} and {@code show}. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = "Lists the rules of a baseline or shows one rule in full.",
    synopsisSubcommandLabel = "(list | show)")
final class RulesCommand {}
