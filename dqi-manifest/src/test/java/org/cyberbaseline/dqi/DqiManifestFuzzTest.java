package org.cyberbaseline.dqi;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.ReadLimits;

/**
 * Fuzz target of {@link DqiManifestReader}. In {@code mvn verify} it replays the committed inputs
 * in {@code DqiManifestFuzzTestInputs/dqiManifest/}; {@code ./fuzz/run.sh dqi-manifest <seconds>}
 * fuzzes it (docs/reliability.md).
 */
class DqiManifestFuzzTest {
  private static final DqiManifestReader READER = new DqiManifestReader(ReadLimits.DEFAULT);

  @FuzzTest
  void dqiManifest(byte[] input) {
    checkContract(input);
  }

  /**
   * The reader's contract: {@link DqiManifestReader#read} returns Parsed or Unreadable for any bytes,
   * never throws; every problem has a message and every pointer it names can be asked for its position.
   */
  static void checkContract(byte[] input) {
    DqiReadResult result = READER.read(input);
    if (result instanceof DqiReadResult.Unreadable unreadable) {
      check(unreadable.problem());
    } else if (result instanceof DqiReadResult.Parsed parsed) {
      if (parsed.manifest() == null) {
        throw new AssertionError("Parsed without a manifest");
      }
      for (JsonProblem problem : parsed.schemaProblems()) {
        check(problem);
        parsed.positionOf(problem.pointer());
      }
    } else {
      throw new AssertionError("read returned " + result);
    }
  }

  private static void check(JsonProblem problem) {
    if (problem.message().isBlank()) {
      throw new AssertionError("problem without a message: " + problem);
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
