package org.cyberbaseline.rules;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz target of the rule-pack reader ({@link RulePackRepository#parse}, which {@code
 * RulePackRepository.Builder.addFile} uses for a user's pack file). In {@code mvn verify} it replays
 * the committed inputs in {@code RulePackFuzzTestInputs/rulePack/}; {@code ./fuzz/run.sh rule-pack
 * <seconds>} fuzzes it (docs/reliability.md).
 */
class RulePackFuzzTest {

  @FuzzTest
  void rulePack(byte[] input) {
    checkContract(input);
  }

  /**
   * The reader's contract: a pack file is either a {@link RulePack} or a {@link
   * RulePackException} saying what is wrong; nothing else escapes. Read as YAML (the usual pack
   * format, and a superset of the JSON the seeds also contain) and as JSON.
   */
  static void checkContract(byte[] input) {
    for (boolean json : new boolean[] {false, true}) {
      try {
        RulePack pack = RulePackRepository.parse("fuzz", input, json);
        if (pack.ref() == null || pack.rules() == null || pack.effectiveDate() == null) {
          throw new AssertionError("incomplete pack: " + pack);
        }
      } catch (RulePackException e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
          throw new AssertionError("rule-pack error without a message", e);
        }
      }
    }
  }

  /** Entry point of the standalone Jazzer driver ({@code ./fuzz/run.sh}). */
  public static final class Target {
    private Target() {}

    public static void fuzzerTestOneInput(byte[] input) {
      checkContract(input);
    }
  }
}
