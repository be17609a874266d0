package org.cyberbaseline.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.rules.RulePackException;
import org.cyberbaseline.rules.RulePackRepository;
import org.cyberbaseline.validator.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cyber-baseline baselines}: the packs available to --baseline. */
@Command(
    name = "baselines",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    usageHelpAutoWidth = true,
    sortOptions = false,
    synopsisSubcommandLabel = "[list | diff]",
    description = {
      "Lists the baselines (rule packs) available to --baseline: the bundled ones and any added with --pack.",
      "'baselines diff A B' shows the rules added, removed and changed between two baselines."
    })
final class BaselinesCommand implements Callable<Integer> {
  private final Io io;

  @Mixin PackFiles packFiles;

  @Mixin VerboseOption verbose;

  BaselinesCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    return list(io, packFiles.repository());
  }

  /** Prints one aligned row per pack. */
  static int list(Io io, RulePackRepository repository) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"BASELINE", "EFFECTIVE", "RULES", "EXTENDS", "TITLE"});
    PackRef defaultRef;
    try {
      defaultRef = repository.select(Validator.DEFAULT_BASELINE_ID);
    } catch (RulePackException e) {
      throw new CliException(e.getMessage(), e);
    }
    for (PackRef ref : repository.packs()) {
      RulePack declared = repository.declared(ref).orElseThrow();
      int ruleCount;
      try {
        ruleCount = repository.resolve(ref).rules().size();
      } catch (RulePackException e) {
        throw new CliException(e.getMessage(), e);
      }
      String name = ref + (ref.equals(defaultRef) ? " (default)" : "");
      String parents =
          declared.extendsPacks().isEmpty()
              ? "-"
              : String.join(",", declared.extendsPacks().stream().map(PackRef::toString).toList());
      String title = declared.title() + (declared.source().startsWith("classpath:") ? "" : " [" + declared.source() + "]");
      rows.add(new String[] {name, declared.effectiveDate().toString(), Integer.toString(ruleCount), parents, title});
    }
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(i == columns - 1 ? row[i] : String.format(Locale.ROOT, "%-" + widths[i] + "s  ", row[i]));
      }
      io.out().println(line.toString().stripTrailing());
    }
    io.out().flush();
    return ExitCodes.OK;
  }
}
