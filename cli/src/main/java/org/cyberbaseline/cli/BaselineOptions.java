package org.cyberbaseline.cli;

import java.time.Clock;
import org.cyberbaseline.rules.RulePackException;
import org.cyberbaseline.rules.RulePackRepository;
import org.cyberbaseline.validator.ConfigurationException;
import org.cyberbaseline.validator.Limits;
import org.cyberbaseline.validator.Validator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --baseline ID[@VERSION]} and {@code --pack FILE...}: which baseline a command works with. */
final class BaselineOptions {
  @Option(
      names = "--baseline",
      paramLabel = "ID[@VERSION]",
      description =
          "Baseline rule pack, e.g. fda-premarket@2023.09; a bare ID means its newest version"
              + " (default: the newest ${DEFAULT-VALUE}). 'cyber-baseline baselines' lists them.")
  String baseline;

  @Mixin PackFiles packFiles;

  private String spec() {
    return baseline != null ? baseline : Validator.DEFAULT_BASELINE_ID;
  }

  /** The packs, checked to contain the chosen baseline. */
  RulePackRepository checkedRepository() {
    RulePackRepository repository = packFiles.repository();
    try {
      repository.select(spec());
    } catch (RulePackException e) {
      throw new CliException(
          "unknown baseline " + e.getMessage() + " (see 'cyber-baseline baselines'; add your own with --pack FILE)", e);
    }
    return repository;
  }

  /** A validator for the chosen baseline; every configuration problem is a usage error. */
  Validator validator(Clock clock) {
    return validator(clock, Limits.DEFAULT, builder -> { });
  }

  Validator validator(Clock clock, Limits limits) {
    return validator(clock, limits, builder -> { });
  }

  /** As {@link #validator(Clock, Limits)}, with more configuration (e.g. vulnerability feeds) applied before building. */
  Validator validator(Clock clock, Limits limits, java.util.function.Consumer<Validator.Builder> more) {
    checkedRepository();
    Validator.Builder builder = Validator.builder().baseline(spec()).clock(clock).limits(limits);
    packFiles.checkedFiles().forEach(builder::addPackFile);
    more.accept(builder);
    try {
      return builder.build();
    } catch (ConfigurationException e) {
      throw new CliException(e.getMessage(), e);
    }
  }
}
