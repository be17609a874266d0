package org.cyberbaseline.cli;

import picocli.CommandLine.Command;

/** {@code cyber-baseline dqi}: groups the Device Query Interface commands. */
@Command(
    name = "dqi",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    description = "Device Query Interface: checks a running DQI against its conformance manifest.",
    synopsisSubcommandLabel = "probe")
final class DqiCommand {}
