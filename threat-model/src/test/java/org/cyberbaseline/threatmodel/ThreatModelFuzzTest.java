package org.cyberbaseline.threatmodel;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.ReadLimits;

/**
 * Fuzz targets of {@link ThreatModelReader}, one per format so each campaign starts inside it. In
 * {@code mvn verify} they replay the committed inputs in {@code ThreatModelFuzzTestInputs/<method>/};
 * {@code ./fuzz/run.sh threat-model-otm <seconds>} fuzzes one (docs/reliability.md).
 */
class ThreatModelFuzzTest {
  private static final ThreatModelReader READER = new ThreatModelReader(ReadLimits.DEFAULT);

  @FuzzTest
  void otm(byte[] input) {
    checkContract(input);
  }

  @FuzzTest
  void nativeFormat(byte[] input) {
    checkContract(input);
  }

  /**
   * The reader's contract: Parsed or Unreadable for any bytes, never an exception; every problem has
   * a message; every pointer the model or its problems name can be asked for its position.
   */
  static void checkContract(byte[] input) {
    ThreatModelReadResult result = READER.read(input);
    if (result instanceof ThreatModelReadResult.Unreadable unreadable) {
      check(unreadable.problem());
    } else if (result instanceof ThreatModelReadResult.Parsed parsed) {
      for (JsonProblem problem : parsed.schemaProblems()) {
        check(problem);
        parsed.positionOf(problem.pointer());
      }
      ThreatModel model = parsed.model();
      model.references().forEach(r -> parsed.positionOf(r.pointer()));
      model.threats().forEach(t -> parsed.positionOf(model.fieldPointer(t.pointer(), ThreatModel.Field.SEVERITY)));
      model.views().forEach(v -> parsed.positionOf(v.pointer()));
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
