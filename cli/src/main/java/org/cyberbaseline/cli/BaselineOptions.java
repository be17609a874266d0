package org.cyberbaseline.cli;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.rules.RulePackException;
import org.cyberbaseline.rules.RulePackRepository;
import org.cyberbaseline.validator.ConfigurationException;
import org.cyberbaseline.validator.Validator;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --baseline ID@VERSION} and {@code --pack FILE...}: which baseline a command works with. */
final class BaselineOptions {
  @Option(
      names = "--baseline",
      paramLabel = "ID@VERSION",
      converter = PackRefConverter.class,
      description = "Baseline rule pack (default: ${DEFAULT-VALUE}). 'cyber-baseline baselines' lists them.")
  PackRef baseline;

  @Mixin PackFiles packFiles;

  PackRef ref() {
    return baseline != null ? baseline : Validator.DEFAULT_BASELINE;
  }

  /** The packs, checked to contain the chosen baseline. */
  RulePackRepository checkedRepository() {
    RulePackRepository repository = packFiles.repository();
    PackRef ref = ref();
    if (!repository.packs().contains(ref)) {
      Set<PackRef> known = repository.packs();
      String sameId =
          known.stream().filter(k -> k.id().equals(ref.id())).map(PackRef::version).collect(Collectors.joining(", "));
      throw new CliException(
          "unknown baseline " + ref
              + (sameId.isEmpty() ? "" : " (known versions of " + ref.id() + ": " + sameId + ")")
              + "; known baselines: "
              + known.stream().map(PackRef::toString).collect(Collectors.joining(", "))
              + " (see 'cyber-baseline baselines'; add your own with --pack FILE)");
    }
    return repository;
  }

  /** The baseline with the rules of the packs it extends folded in. */
  RulePack resolvedBaseline(RulePackRepository repository) {
    try {
      return repository.resolve(ref());
    } catch (RulePackException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  /** A validator for the chosen baseline; every configuration problem is a usage error. */
  Validator validator(Clock clock) {
    checkedRepository();
    Validator.Builder builder = Validator.builder().baseline(ref()).clock(clock);
    packFiles.checkedFiles().forEach(builder::addPackFile);
    try {
      return builder.build();
    } catch (ConfigurationException e) {
      throw new CliException(e.getMessage(), e);
    }
  }
}
