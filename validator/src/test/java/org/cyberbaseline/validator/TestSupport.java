package org.cyberbaseline.validator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.cyberbaseline.schemas.BundledSchema;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.LocatedJsonReader;
import org.cyberbaseline.schemas.SchemaCheck;
import org.cyberbaseline.validator.report.JsonReport;

/** Shared fixtures: a fixed clock, the repository root, the shared corpus, report schema checks. */
final class TestSupport {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);

  private TestSupport() {}

  static Validator validator() throws ConfigurationException {
    return Validator.builder().baseline("ntia-sbom@2021").clock(CLOCK).build();
  }

  static Path repoRoot() {
    String property = System.getProperty("cyberbaseline.repoRoot");
    Path root = property != null ? Path.of(property) : Path.of("..");
    return root.toAbsolutePath().normalize();
  }

  /** The shared corpus; CI has it, so its absence is a failure, not a skip. */
  static Path corpus() {
    Path corpus = repoRoot().resolve("../shared/corpus").normalize();
    if (!Files.isDirectory(corpus)) {
      throw new AssertionError("shared corpus not found at " + corpus);
    }
    return corpus;
  }

  static List<JsonProblem> reportSchemaProblems(ValidationReport report) throws Exception {
    return SchemaCheck.forBundledSchemas()
        .check(BundledSchema.REPORT_1_0, new LocatedJsonReader().readJson(JsonReport.toBytes(report)));
  }
}
