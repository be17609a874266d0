package org.cyberbaseline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cyberbaseline.rules.RulePackException;
import org.cyberbaseline.rules.RulePackRepository;
import picocli.CommandLine.Option;

/** {@code --pack FILE...}: user rule-pack files added to the bundled ones. */
final class PackFiles {
  @Option(
      names = "--pack",
      paramLabel = "FILE",
      description =
          "Rule pack file (.yaml, .yml or .json) added to the bundled packs; repeatable."
              + " Select it (or a pack extending it) with --baseline.")
  List<Path> files = new ArrayList<>();

  /** Fails with a usage error for a missing file, so the message names the option. */
  List<Path> checkedFiles() {
    for (Path file : files) {
      if (!Files.exists(file)) {
        throw new CliException("--pack " + file + ": no such file");
      }
      if (!Files.isRegularFile(file)) {
        throw new CliException("--pack " + file + ": not a regular file");
      }
    }
    return List.copyOf(files);
  }

  /** The bundled packs plus the added files; an invalid pack is a usage error. */
  RulePackRepository repository() {
    RulePackRepository.Builder builder = RulePackRepository.builder();
    checkedFiles().forEach(builder::addFile);
    try {
      return builder.build();
    } catch (RulePackException e) {
      throw new CliException(e.getMessage(), e);
    }
  }
}
