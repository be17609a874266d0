package org.cyberbaseline.validator;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.cyberbaseline.validator.report.JsonReport;
import org.cyberbaseline.validator.report.SarifReport;

/**
 * Fuzz targets of the readers the validator itself owns: the submission manifest (read from a
 * folder with {@link Submission#fromDirectory}, so the path handling is fuzzed too) and the waiver
 * file. Each execution runs a whole validation and renders the JSON and SARIF reports, because
 * hostile text flows from the inputs into them.
 *
 * <p>Adding a reader: a {@code @FuzzTest} method here that calls {@link #checkSubmission} with the
 * fuzzed bytes placed where the reader reads them, a seed folder {@code
 * ReaderFuzzTestInputs/<method>/}, and a line in {@code fuzz/run.sh}.
 */
class ReaderFuzzTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
  private static final Validator VALIDATOR = validator();
  private static final byte[] SBOM = resource("/rules/SBOM-004/fail/supplier-missing-and-unknown.cdx.json");
  private static final byte[] WAIVER_MANIFEST =
      """
      { "submissionFormat": "1.0", "submissionDate": "2026-11-20",
        "device": { "manufacturer": "Example Medical", "deviceName": "Example Pump", "model": "EX-1",
                    "softwareVersion": "1.0.0", "cyberDevice": true, "pathway": "510(k)-traditional",
                    "intendedUseEnvironments": ["hospital"] },
        "artifacts": { "sboms": [ { "path": "sbom/fw.cdx.json" } ], "waivers": { "path": "waivers.json" } } }
      """.getBytes(StandardCharsets.UTF_8);

  /** One folder per JVM for the manifest target; only submission.json changes between executions. */
  private static Path folder;

  @FuzzTest
  void submissionManifest(byte[] input) {
    try {
      Path dir = folder();
      Files.write(dir.resolve(Submission.MANIFEST_FILE), input);
      checkSubmission(Submission.fromDirectory(dir));
    } catch (SubmissionException e) {
      // Documented for a folder whose manifest cannot be read at all; not expected here.
      throw new AssertionError("a readable manifest must not be a SubmissionException", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest
  void waivers(byte[] input) {
    checkSubmission(
        Submission.builder()
            .manifest(WAIVER_MANIFEST)
            .document("sbom/fw.cdx.json", SBOM)
            .document("waivers.json", input)
            .build());
  }

  /**
   * The validator's contract: {@link Validator#validate} returns a complete report for any input,
   * never throws; every rule is decided; no check failed internally; and the report renders as
   * JSON and SARIF.
   */
  static void checkSubmission(Submission submission) {
    ValidationReport report = VALIDATOR.validate(submission);
    if (report.results().size() != VALIDATOR.baseline().rules().size()) {
      throw new AssertionError("rules lost: " + report.results().size());
    }
    for (RuleResult result : report.results()) {
      if (result.explanation().contains("failed internally")) {
        throw new AssertionError(result.ruleId() + ": " + result.explanation());
      }
    }
    JsonReport.toBytes(report);
    SarifReport.toBytes(report, VALIDATOR.baseline());
  }

  private static Validator validator() {
    try {
      // A baseline whose rules read the manifest (device facts, pathways, declared documents).
      return Validator.builder().baseline("fda-premarket", "2025.06").clock(CLOCK).build();
    } catch (ConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static synchronized Path folder() throws IOException {
    if (folder == null) {
      Path dir = Files.createTempDirectory("cyber-baseline-fuzz");
      // No SBOM here: SBOM content has its own targets, and schema-checking one on every execution
      // held this target to about 2 executions per second. A listed SBOM is "file does not exist".
      Files.createDirectories(dir.resolve("docs"));
      Files.writeString(dir.resolve("docs/plan.md"), "# Cybersecurity management plan\n");
      dir.toFile().deleteOnExit();
      folder = dir;
    }
    return folder;
  }

  private static byte[] resource(String name) {
    try (var in = ReaderFuzzTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Entry points of the standalone Jazzer driver ({@code ./fuzz/run.sh}). */
  public static final class SubmissionManifestTarget {
    private SubmissionManifestTarget() {}

    public static void fuzzerTestOneInput(byte[] input) {
      new ReaderFuzzTest().submissionManifest(input);
    }
  }

  public static final class WaiversTarget {
    private WaiversTarget() {}

    public static void fuzzerTestOneInput(byte[] input) {
      new ReaderFuzzTest().waivers(input);
    }
  }
}
