package org.cyberbaseline.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateMojoTest {
  private static final Instant SYSTEM_NOW = Instant.parse("2026-02-03T04:05:06Z");

  @TempDir Path project;

  private ValidateMojo mojo;
  private RecordingLog log;
  private Path output;

  @BeforeEach
  void setUp() {
    log = new RecordingLog();
    output = project.resolve("target/cyber-baseline");
    mojo = new ValidateMojo();
    mojo.setLog(log);
    // what Maven injects from the parameter defaults
    mojo.basedir = project.toFile();
    mojo.outputDirectory = output.toFile();
    mojo.formats = List.of("json");
    mojo.failOn = "error";
    mojo.maxFindings = 10;
    mojo.systemClock = Clock.fixed(SYSTEM_NOW, ZoneOffset.UTC);
    // The fixtures are NTIA-element SBOMs; tests pin that pack. The default is tested on its own.
    mojo.baseline = "ntia-sbom@2021";
  }

  @Test
  void theDefaultBaselineIsTheNewestFdaPack() throws Exception {
    mojo.baseline = null;
    mojo.sbom = sbom("complete.cdx.json");
    mojo.failOn = "never";

    mojo.execute();

    String json = read(output.resolve("cyber-baseline-report.json"));
    assertTrue(json.contains("\"id\" : \"fda-premarket\""), json);
    assertTrue(json.contains("\"version\" : \"2026.02\""), json);
    assertTrue(log.contains("INFO", "against fda-premarket@2026.02"), log.toString());
  }

  @Test
  void vulnerabilityFeedsAreParametersAndTheirMatchesReachTheReport() throws Exception {
    mojo.submission = examples().toFile();
    mojo.baseline = "fda-premarket@2025.06";
    mojo.osv = List.of(examples().resolve("feeds/osv").toFile());
    mojo.kev = examples().resolve("feeds/kev.json").toFile();
    mojo.failOn = "never";

    mojo.execute();

    String json = read(output.resolve("cyber-baseline-report.json"));
    assertTrue(json.contains("\"kind\" : \"CISA KEV\""), json);
    assertTrue(json.contains("\"version\" : \"2025.08.25\""), json);
    assertTrue(json.contains("\"vulnerability\" : \"CVE-2023-39326\""), json);
    assertTrue(log.contains("ERROR", "/sbom/firmware.cdx.json:1161:5 /components/30: CVE-2023-39326 (GO-2023-2382) affects"),
        log.toString());
    assertTrue(log.contains("WARN", "[VLN-002] feed:kev.json /dateReleased: the CISA KEV feed kev.json is dated 2025-08-25"),
        log.toString());
  }

  @Test
  void missingFeedIsAConfigurationError() {
    mojo.submission = examples().toFile();
    mojo.kev = project.resolve("no-kev.json").toFile();
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(e.getMessage().contains("no such KEV catalogue file"), e.getMessage());
  }

  @Test
  void completeSbomPassesAndWritesTheJsonReport() throws Exception {
    mojo.sbom = sbom("complete.cdx.json");

    mojo.execute();

    String json = read(output.resolve("cyber-baseline-report.json"));
    assertTrue(json.contains("\"mode\" : \"sbom-only\""), json);
    assertTrue(json.contains("\"generatedAt\" : \"2026-02-03T04:05:06Z\""), json);
    assertTrue(log.contains("INFO", "Summary: ") && log.contains("INFO", " pass, 0 fail, 0 need review"), log.toString());
    assertTrue(log.contains("INFO", "JSON report: " + output.resolve("cyber-baseline-report.json")), log.toString());
    assertFalse(log.hasLevel("ERROR"), log.toString());
  }

  @Test
  void missingSupplierFailsTheBuildAndLogsTheFindingWithItsLocation() throws Exception {
    mojo.sbom = sbom("no-supplier.cdx.json");

    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    Path report = output.resolve("cyber-baseline-report.json");
    assertEquals("1 finding at or above error; see " + report, failure.getMessage());
    assertTrue(read(report).contains("\"ruleId\" : \"SBOM-004\""));
    assertTrue(log.contains("INFO", "FAIL SBOM-004 Every component names its supplier"), log.toString());
    // rule id, file:line:column and JSON Pointer, at the finding's own level
    assertTrue(
        log.contains("ERROR", "[SBOM-004] " + display(mojo.sbom) + ":53:5 /components/0: component zlib@1.3.1 has no supplier"),
        log.toString());
  }

  @Test
  void failOnNeverReportsWithoutFailing() throws Exception {
    mojo.sbom = sbom("no-supplier.cdx.json");
    mojo.failOn = "never";

    mojo.execute();

    assertTrue(Files.exists(output.resolve("cyber-baseline-report.json")));
    assertTrue(log.contains("ERROR", "[SBOM-004]"), log.toString());
  }

  @Test
  void failOnWarningCountsWarningsToo() throws Exception {
    mojo.sbom = sbom("no-supplier.cdx.json");
    mojo.packs = List.of(resource("packs/supplier-warning.yaml").toFile());
    mojo.baseline = "test-supplier-warning@1";

    mojo.execute(); // the pack makes the missing supplier a warning: below the default failOn error
    assertTrue(log.contains("WARN", "[SBOM-004]"), log.toString());

    mojo.failOn = "WARNING";
    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
    assertTrue(failure.getMessage().startsWith("1 finding at or above warning; see "), failure.getMessage());
  }

  @Test
  void resourceLimitsAreParametersAndExceedingOneIsAFinding() throws Exception {
    mojo.sbom = sbom("complete.cdx.json");
    mojo.maxComponents = 1;
    mojo.failOn = "never";
    mojo.execute();
    String json = read(output.resolve("cyber-baseline-report.json"));
    assertTrue(json.contains("components, above the limit of 1; this one is the first over it"), json);

    mojo.maxComponents = null;
    mojo.maxFindingsPerRule = 0;
    MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(e.getMessage().contains("must be 1 or more"), e.getMessage());
  }

  @Test
  void skipWritesNothingEvenWithBrokenConfiguration() throws Exception {
    mojo.skip = true;
    mojo.sbom = project.resolve("nowhere.json").toFile();
    mojo.submission = project.toFile();
    mojo.failOn = "sometimes";

    mojo.execute();

    assertFalse(Files.exists(output));
    assertTrue(log.contains("INFO", "skipped"), log.toString());
  }

  @Test
  void submissionAndSbomTogetherAreAConfigurationError() {
    mojo.sbom = sbom("complete.cdx.json");
    mojo.submission = examples().toFile();

    MojoExecutionException error = assertThrows(MojoExecutionException.class, mojo::execute);

    assertTrue(error.getMessage().contains("either <submission>"), error.getMessage());
    assertTrue(error.getMessage().contains("not both"), error.getMessage());
    assertFalse(Files.exists(output));
  }

  @Test
  void submissionFolderIsValidatedInSubmissionMode() throws Exception {
    mojo.submission = examples().toFile();
    mojo.formats = List.of("json,text");

    // the example has deliberate gaps
    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    assertTrue(failure.getMessage().endsWith("at or above error; see " + output.resolve("cyber-baseline-report.json")));
    assertTrue(read(output.resolve("cyber-baseline-report.json")).contains("\"mode\" : \"submission\""));
    String text = read(output.resolve("cyber-baseline-report.txt"));
    assertTrue(text.contains("Device: VitaFlow Connect Infusion Pump"), text);
    assertTrue(log.contains("INFO", "validating submission "), log.toString());
  }

  @Test
  void submissionDefaultsToTheSubmissionFolderOfTheProject() throws Exception {
    MojoExecutionException missing = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(missing.getMessage().startsWith("no submission folder at " + project.resolve("submission")),
        missing.getMessage());
    assertTrue(missing.getMessage().contains("<sbom>"), missing.getMessage());

    Path folder = project.resolve("submission");
    Files.createDirectories(folder.resolve("sbom"));
    Files.copy(resource("sboms/complete.cdx.json"), folder.resolve("sbom/fw.cdx.json"));
    Files.writeString(folder.resolve("submission.json"), """
        {
          "submissionFormat": "1.0",
          "device": {"manufacturer": "Example Medical", "deviceName": "Pump", "model": "P-1",
                     "softwareVersion": "1.0.0"},
          "artifacts": {"sboms": [{"path": "sbom/fw.cdx.json"}]}
        }
        """);

    try {
      mojo.execute();
    } catch (MojoFailureException e) {
      // whatever this minimal manifest lacks, the run must be in submission mode on that folder
    }
    assertTrue(read(output.resolve("cyber-baseline-report.json")).contains("\"path\" : \"sbom/fw.cdx.json\""));
    assertTrue(log.contains("INFO", "validating submission submission "), log.toString());
  }

  @Test
  void waivedFindingsAreLoggedAsWaivedAndDoNotFailTheBuild() throws Exception {
    Path folder = project.resolve("submission");
    Files.createDirectories(folder.resolve("sbom"));
    Files.copy(resource("sboms/no-supplier.cdx.json"), folder.resolve("sbom/fw.cdx.json"));
    Files.writeString(folder.resolve("submission.json"), """
        {
          "submissionFormat": "1.0",
          "submissionDate": "2026-02-01",
          "device": {"manufacturer": "Example Medical", "deviceName": "Pump", "model": "P-1",
                     "softwareVersion": "1.0.0", "cyberDevice": true, "intendedUseEnvironments": ["hospital"]},
          "artifacts": {"sboms": [{"path": "sbom/fw.cdx.json"}], "waivers": {"path": "waivers.json"}}
        }
        """);
    Files.writeString(folder.resolve("waivers.json"), """
        {
          "waiverFormat": "1.0",
          "waivers": [
            {"rule": "SBOM-004", "artifact": "sbom/fw.cdx.json", "pointer": "/components/0",
             "justification": "zlib is vendored from the upstream tarball; its supplier is being confirmed.",
             "owner": "Product security", "expires": "2027-01-01"}
          ]
        }
        """);

    mojo.execute(); // the default submission folder; the only error finding is waived

    assertFalse(log.hasLevel("ERROR"), log.toString());
    assertTrue(log.contains("INFO", "PASS SBOM-004"), log.toString());
    assertTrue(
        log.contains("INFO", "[SBOM-004] submission/sbom/fw.cdx.json:53:5 /components/0: component zlib@1.3.1 has no"
            + " supplier (supplier.name) (error, WAIVED until 2027-01-01 by Product security: zlib is vendored"),
        log.toString());

    mojo.failOn = "info";
    mojo.execute(); // still nothing unwaived to count
  }

  @Test
  void projectOutputTimestampMakesTheReportReproducible() throws Exception {
    mojo.sbom = sbom("complete.cdx.json");
    mojo.outputTimestamp = "2026-11-29T01:00:00+01:00";
    mojo.execute();
    byte[] first = Files.readAllBytes(output.resolve("cyber-baseline-report.json"));
    assertTrue(new String(first, StandardCharsets.UTF_8).contains("\"generatedAt\" : \"2026-11-29T00:00:00Z\""));

    mojo.outputTimestamp = "1795910400"; // the same instant in seconds
    mojo.execute();
    assertEquals(new String(first, StandardCharsets.UTF_8), read(output.resolve("cyber-baseline-report.json")));
  }

  @Test
  void everyFormatIsWrittenUnderTheCommandLinesFileNames() throws Exception {
    mojo.sbom = sbom("no-supplier.cdx.json");
    mojo.formats = List.of("JSON, text", "sarif", "html", "markdown", "junit");

    assertThrows(MojoFailureException.class, mojo::execute);

    assertTrue(read(output.resolve("cyber-baseline-report.json")).contains("\"ruleId\" : \"SBOM-004\""));
    assertTrue(read(output.resolve("cyber-baseline-report.txt")).contains("FAIL           SBOM-004"));
    String sarif = read(output.resolve("cyber-baseline-report.sarif"));
    assertTrue(sarif.contains("\"ruleId\" : \"SBOM-004\""), sarif);
    assertTrue(sarif.contains("\"uri\" : \"no-supplier.cdx.json\""), sarif);
    assertTrue(read(output.resolve("cyber-baseline-report.html")).contains("SBOM-004"));
    assertTrue(read(output.resolve("cyber-baseline-report.md")).contains("SBOM-004"));
    assertTrue(read(output.resolve("cyber-baseline-junit.xml")).contains("<failure"));
    for (String line : List.of("JSON", "Text", "SARIF", "HTML", "Markdown", "JUnit")) {
      assertTrue(log.contains("INFO", line + " report: " + output), log.toString());
    }
  }

  @Test
  void sarifRootMakesSarifPathsRepositoryRelative() throws Exception {
    mojo.sbom = sbom("no-supplier.cdx.json");
    mojo.formats = List.of("sarif");
    mojo.sarifRoot = project.toFile();

    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);

    assertTrue(failure.getMessage().endsWith("see " + output.resolve("cyber-baseline-report.sarif")), failure.getMessage());
    String sarif = read(output.resolve("cyber-baseline-report.sarif"));
    assertTrue(sarif.contains("\"uri\" : \"target/no-supplier.cdx.json\""), sarif);

    mojo.sarifRoot = project.resolve("target/cyber-baseline").toFile();
    MojoExecutionException outside = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(outside.getMessage().contains("does not contain the SBOM's folder"), outside.getMessage());
  }

  @Test
  void oneCharacterOutputTimestampMeansUnset() throws Exception {
    mojo.sbom = sbom("complete.cdx.json");
    mojo.outputTimestamp = "0";
    mojo.execute();
    assertTrue(read(output.resolve("cyber-baseline-report.json")).contains("\"generatedAt\" : \"2026-02-03T04:05:06Z\""));
  }

  @Test
  void invalidOutputTimestampIsAConfigurationError() {
    mojo.sbom = sbom("complete.cdx.json");
    mojo.outputTimestamp = "yesterday";
    MojoExecutionException error = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(error.getMessage().startsWith("project.build.outputTimestamp 'yesterday' is neither"), error.getMessage());
  }

  @Test
  void configurationErrorsHaveClearMessages() {
    mojo.sbom = project.resolve("missing.cdx.json").toFile();
    assertMessage("sbom " + project.resolve("missing.cdx.json") + ": no such file");

    mojo.sbom = project.toFile();
    assertMessage("sbom " + project + " is not a regular file; to validate a submission folder use <submission>");

    mojo.sbom = sbom("complete.cdx.json");
    mojo.formats = List.of("json", "pdf");
    assertMessage("formats: 'pdf' is not a report format; supported: " + ReportFormat.names());

    mojo.formats = List.of("json");
    mojo.failOn = "sometimes";
    assertMessage("failOn: 'sometimes' is not a level; use error, warning, info or never");

    mojo.failOn = "error";
    mojo.baseline = "ntia-sbom@";
    assertMessage("unknown baseline: ntia-sbom@: expected a baseline as ID@VERSION (e.g. ntia-sbom@2021), got 'ntia-sbom@'"
        + " (add your own with <packs>)");

    mojo.baseline = "ntia-sbom@1999";
    MojoExecutionException unknown = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(unknown.getMessage().startsWith("unknown baseline: ntia-sbom@1999: no such rule pack (known versions of ntia-sbom: 2021)"),
        unknown.getMessage());

    mojo.baseline = null;
    mojo.packs = List.of(project.resolve("no-pack.yaml").toFile());
    assertMessage("packs: " + project.resolve("no-pack.yaml") + ": no such file");

    mojo.packs = null;
    mojo.maxFindings = -1;
    assertMessage("maxFindings must be 0 or more, got -1");
    assertFalse(Files.exists(output));
  }

  @Test
  void folderWithoutManifestIsAnExecutionError() throws Exception {
    Path folder = Files.createDirectories(project.resolve("not-a-submission"));
    mojo.submission = folder.toFile();
    MojoExecutionException error = assertThrows(MojoExecutionException.class, mojo::execute);
    assertTrue(error.getMessage().startsWith("cannot read submission " + folder + ": "), error.getMessage());
    assertTrue(error.getMessage().contains("submission.json"), error.getMessage());
  }

  @Test
  void unwritableOutputDirectoryIsAnExecutionError() throws Exception {
    Files.createDirectories(project.resolve("target"));
    Files.writeString(output, "in the way");
    mojo.sbom = sbom("complete.cdx.json");
    assertMessage("outputDirectory " + output + " is a file; give a folder for the Cyber Baseline reports");
  }

  @Test
  void loggedFindingsAreCappedPerRule() throws Exception {
    mojo.sbom = sbom("no-supplier.cdx.json");
    mojo.maxFindings = 0;
    assertThrows(MojoFailureException.class, mojo::execute);
    assertFalse(log.contains("ERROR", "[SBOM-004]"), log.toString());
    assertTrue(log.contains("INFO", "... 1 more finding for SBOM-004"), log.toString());
  }

  @Test
  void noFormatsMeansNoReportFiles() throws Exception {
    mojo.sbom = sbom("no-supplier.cdx.json");
    mojo.formats = List.of();
    MojoFailureException failure = assertThrows(MojoFailureException.class, mojo::execute);
    assertEquals("1 finding at or above error; see the log above", failure.getMessage());
    assertFalse(Files.exists(output));
  }

  // ---------------------------------------------------------------------------------------------

  private void assertMessage(String expected) {
    MojoExecutionException error = assertThrows(MojoExecutionException.class, mojo::execute);
    assertEquals(expected, error.getMessage());
  }

  /** A fixture copied into the project's target folder, as a generated SBOM would be. */
  private File sbom(String name) {
    try {
      Path target = project.resolve("target").resolve(name);
      Files.createDirectories(target.getParent());
      if (!Files.exists(target)) {
        Files.copy(resource("sboms/" + name), target);
      }
      return target.toFile();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private String display(File file) {
    return project.relativize(file.toPath()).toString().replace(File.separatorChar, '/');
  }

  private static Path resource(String name) {
    try {
      return Path.of(ValidateMojoTest.class.getResource("/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  /** The bundled example submission of the repository. */
  private static Path examples() {
    Path module = Path.of(System.getProperty("basedir", "."));
    Path folder = module.resolve("../examples/infusion-pump").normalize();
    assertTrue(Files.isDirectory(folder), "example submission not found at " + folder);
    return folder;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /** Keeps every logged line with its level. */
  static final class RecordingLog implements Log {
    private final List<String> lines = new ArrayList<>();

    boolean contains(String level, String text) {
      return lines.stream().anyMatch(l -> l.startsWith(level + " ") && l.contains(text));
    }

    boolean hasLevel(String level) {
      return lines.stream().anyMatch(l -> l.startsWith(level + " "));
    }

    @Override
    public String toString() {
      return String.join("\n", lines);
    }

    private void add(String level, CharSequence content, Throwable error) {
      lines.add(level + " " + (content == null ? "" : content) + (error == null ? "" : " " + error));
    }

    @Override public boolean isDebugEnabled() { return true; }
    @Override public void debug(CharSequence content) { add("DEBUG", content, null); }
    @Override public void debug(CharSequence content, Throwable error) { add("DEBUG", content, error); }
    @Override public void debug(Throwable error) { add("DEBUG", null, error); }
    @Override public boolean isInfoEnabled() { return true; }
    @Override public void info(CharSequence content) { add("INFO", content, null); }
    @Override public void info(CharSequence content, Throwable error) { add("INFO", content, error); }
    @Override public void info(Throwable error) { add("INFO", null, error); }
    @Override public boolean isWarnEnabled() { return true; }
    @Override public void warn(CharSequence content) { add("WARN", content, null); }
    @Override public void warn(CharSequence content, Throwable error) { add("WARN", content, error); }
    @Override public void warn(Throwable error) { add("WARN", null, error); }
    @Override public boolean isErrorEnabled() { return true; }
    @Override public void error(CharSequence content) { add("ERROR", content, null); }
    @Override public void error(CharSequence content, Throwable error) { add("ERROR", content, error); }
    @Override public void error(Throwable error) { add("ERROR", null, error); }
  }
}
