package org.cyberbaseline.sbom;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Set;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.ReadLimits;

/**
 * Fuzz targets of {@link SbomReader}, one per format so that each starts from (and is replayed on)
 * its own seeds in {@code SbomReaderFuzzTestInputs/<method>/}. The reader detects the format from
 * content, so the targets share one contract; the seeds steer the fuzzer into each format's code.
 *
 * <p>In {@code mvn verify} each method replays its committed seeds and regression inputs. {@code
 * ./fuzz/run.sh <target> <seconds>} fuzzes one of them with the standalone Jazzer driver through
 * {@link Target} (see docs/reliability.md).
 */
class SbomReaderFuzzTest {
  /** Shared by every execution: the reader is documented as thread-safe and stateless. */
  private static final SbomReader READER = new SbomReader(ReadLimits.DEFAULT);

  private static final Set<String> KEYWORDS =
      Set.of(
          "syntax",
          "limit",
          SbomReader.KEYWORD_UNSUPPORTED_FORMAT,
          SbomReader.KEYWORD_UNSUPPORTED_VERSION,
          SbomReader.KEYWORD_UNKNOWN_FORMAT);

  @FuzzTest
  void cyclonedxJson(byte[] input) {
    checkContract(input);
  }

  @FuzzTest
  void cyclonedxXml(byte[] input) {
    checkContract(input);
  }

  @FuzzTest
  void spdxJson(byte[] input) {
    checkContract(input);
  }

  @FuzzTest
  void spdxYaml(byte[] input) {
    checkContract(input);
  }

  @FuzzTest
  void spdxTagValue(byte[] input) {
    checkContract(input);
  }

  /**
   * The reader's contract: {@link SbomReader#read} returns, it never throws, and what it returns is
   * complete. An {@code Unreadable} with keyword {@value SbomReader#KEYWORD_READ_ERROR} counts as a
   * failure too: it means an exception escaped our code or a parsing library and was only caught
   * by the last-resort handler, so the user gets an exception name instead of a located problem.
   */
  static void checkContract(byte[] input) {
    SbomReadResult result = READER.read(input);
    if (result instanceof SbomReadResult.Unreadable unreadable) {
      JsonProblem problem = unreadable.problem();
      if (!KEYWORDS.contains(problem.keyword())) {
        throw new AssertionError("unexpected problem keyword " + problem.keyword() + ": " + problem);
      }
      if (problem.message().isBlank()) {
        throw new AssertionError("problem without a message: " + problem);
      }
    } else if (result instanceof SbomReadResult.Parsed parsed) {
      Sbom sbom = parsed.sbom();
      if (sbom.format() == null || sbom.specVersion() == null || sbom.components() == null) {
        throw new AssertionError("incomplete SBOM model: " + sbom);
      }
      for (JsonProblem problem : parsed.schemaProblems()) {
        if (problem.keyword().equals(SbomReader.KEYWORD_SCHEMA_CHECK_ERROR)) {
          throw new AssertionError("schema check failed internally: " + problem);
        }
      }
      // Every component must be addressable: checks locate findings through these pointers.
      sbom.components().forEach(c -> sbom.locator().positionOf(c.pointer()));
    } else {
      throw new AssertionError("read returned " + result);
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
