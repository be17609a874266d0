package org.cyberbaseline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.cyberbaseline.schemas.BundledSchema;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.LocatedJsonReader;
import org.cyberbaseline.schemas.SchemaCheck;
import org.cyberbaseline.validator.report.SarifReport;

/** Runs the real command line in-process and captures what it prints; shared fixtures. */
final class Cli {
  static final String REPORT = "cyber-baseline-report.json";
  static final String SBOM = "sbom/device.cdx.json";
  private static final SchemaCheck SCHEMAS = SchemaCheck.forBundledSchemas();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Cli() {}

  /** Exit code and captured streams of one run. */
  record Result(int exitCode, String out, String err) {
    Result expectExit(int expected) {
      assertEquals(expected, exitCode, () -> "exit code; stdout:\n" + out + "\nstderr:\n" + err);
      return this;
    }

    /** A usage error: exit 2, a message on stderr mentioning {@code fragment}, no stack trace. */
    Result expectUsageError(String fragment) {
      expectExit(ExitCodes.USAGE);
      assertTrue(err.contains(fragment), () -> "stderr should mention '" + fragment + "':\n" + err);
      assertNoStackTrace();
      return this;
    }

    void assertNoStackTrace() {
      assertFalse(err.contains("\tat "), () -> "stack trace on stderr:\n" + err);
      assertFalse(err.contains("Exception"), () -> "exception name on stderr:\n" + err);
      assertFalse(out.contains("\tat "), () -> "stack trace on stdout:\n" + out);
    }
  }

  /** Runs with an empty environment (so SOURCE_DATE_EPOCH is unset). */
  static Result run(String... args) {
    return runWithEnv(Map.of(), args);
  }

  static Result runWithEnv(Map<String, String> env, String... args) {
    return run(env, false, args);
  }

  /** As if a person were watching a terminal ({@code System.console() != null}). */
  static Result runInteractive(String... args) {
    return run(Map.of(), true, args);
  }

  private static Result run(Map<String, String> env, boolean interactive, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, outStream, errStream, env, interactive);
    }
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Path resource(String name) {
    try {
      return Path.of(Cli.class.getResource("/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new AssertionError("test resource missing: " + name, e);
    }
  }

  /** The valid test submission, copied to {@code target} so a test may change it. */
  static Path copyOfValidSubmission(Path target) {
    Path source = resource("submissions/valid");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.toList()) {
        Path copy = target.resolve(source.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(copy);
        } else {
          Files.copy(file, copy);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** Rewrites the SBOM of a copied submission. */
  static void editSbom(Path submission, Consumer<ObjectNode> edit) {
    Path sbom = submission.resolve(SBOM);
    try {
      ObjectNode root = (ObjectNode) MAPPER.readTree(sbom.toFile());
      edit.accept(root);
      Files.write(sbom, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readJson(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Violations of the OASIS SARIF 2.1.0 schema in the shared reference schemas (draft-04). */
  static List<JsonProblem> sarifSchemaProblems(Path sarif) throws Exception {
    Path schema = ExampleSubmissionTest.repoRoot().resolve("../shared/reference-schemas/sarif-schema-2.1.0.json").normalize();
    if (!Files.isRegularFile(schema)) {
      throw new AssertionError("SARIF schema not found at " + schema);
    }
    SchemaCheck check =
        SchemaCheck.forDialect(
            com.networknt.schema.SpecVersion.VersionFlag.V4,
            Map.of("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/",
                schema.getParent().toUri().toString()));
    return check.check(SarifReport.SCHEMA_URI, new LocatedJsonReader().readJson(Files.readAllBytes(sarif)));
  }

  static List<JsonProblem> reportSchemaProblems(Path report) throws Exception {
    return SCHEMAS.check(BundledSchema.REPORT_1_0, new LocatedJsonReader().readJson(Files.readAllBytes(report)));
  }

  /** The result object for {@code ruleId} in a JSON report. */
  static JsonNode result(JsonNode report, String ruleId) {
    for (JsonNode result : report.get("results")) {
      if (result.get("ruleId").asText().equals(ruleId)) {
        return result;
      }
    }
    throw new AssertionError("no result for " + ruleId + " in the report");
  }
}
