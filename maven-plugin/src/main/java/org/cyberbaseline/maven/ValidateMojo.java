package org.cyberbaseline.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.rules.RulePackException;
import org.cyberbaseline.rules.RulePackRepository;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.ConfigurationException;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Limits;
import org.cyberbaseline.validator.RuleResult;
import org.cyberbaseline.validator.Submission;
import org.cyberbaseline.validator.SubmissionException;
import org.cyberbaseline.validator.ValidationReport;
import org.cyberbaseline.validator.Validator;
import org.cyberbaseline.validator.report.HtmlReport;
import org.cyberbaseline.validator.report.JUnitXmlReport;
import org.cyberbaseline.validator.report.JsonReport;
import org.cyberbaseline.validator.report.MarkdownReport;
import org.cyberbaseline.validator.report.ReportFiles;
import org.cyberbaseline.validator.report.SarifReport;
import org.cyberbaseline.validator.report.TextReport;

/**
 * Validates a premarket cybersecurity submission folder (with {@code submission.json}) or a single
 * SBOM against a baseline rule pack, writes the reports, and fails the build when a finding is at or
 * above {@code failOn}.
 *
 * <p>Mirrors {@code cyber-baseline validate} of the command line: same baselines, packs, report
 * files and fail-on levels. The report's timestamp is {@code project.build.outputTimestamp} when the
 * project sets it (reproducible builds), else the system clock.
 */
@Mojo(
    name = "validate",
    defaultPhase = LifecyclePhase.VERIFY,
    threadSafe = true,
    requiresDependencyResolution = ResolutionScope.NONE)
public class ValidateMojo extends AbstractMojo {
  /** Folder validated when neither {@code submission} nor {@code sbom} is set, relative to the project. */
  static final String DEFAULT_SUBMISSION_FOLDER = "submission";

  /**
   * The submission folder, containing {@code submission.json} (a path to the {@code submission.json}
   * file itself is accepted too). Default: <code>${project.basedir}/submission</code> when {@code sbom} is
   * not set. Set either this or {@code sbom}, not both.
   */
  @Parameter(property = "cyberbaseline.submission")
  File submission;

  /**
   * A single SBOM file (CycloneDX or SPDX) to validate instead of a submission folder; then only the
   * rules that read an SBOM alone run, and the others are reported as NOT_APPLICABLE. Set either this
   * or {@code submission}, not both.
   */
  @Parameter(property = "cyberbaseline.sbom")
  File sbom;

  /**
   * The baseline rule pack as {@code ID@VERSION}, e.g. {@code fda-premarket@2023.09}, or a bare
   * {@code ID} for that pack's newest version; a bundled pack or one from {@code packs}. Default: the
   * newest {@code fda-premarket} pack.
   */
  @Parameter(property = "cyberbaseline.baseline")
  String baseline;

  /**
   * Rule pack files (.yaml, .yml or .json) added to the bundled packs. Select one (or a pack extending
   * it) with {@code baseline}. On the command line: {@code -Dcyberbaseline.packs=a.yaml,b.yaml}.
   */
  @Parameter(property = "cyberbaseline.packs")
  List<File> packs;

  /**
   * Reports to write into {@code outputDirectory}, any of: {@code json} (cyber-baseline-report.json,
   * the complete report), {@code text} (cyber-baseline-report.txt, the command line's terminal report),
   * {@code sarif} (cyber-baseline-report.sarif, SARIF 2.1.0 for GitHub code scanning), {@code html}
   * (cyber-baseline-report.html, for a reviewer), {@code md} (cyber-baseline-report.md, for a
   * pull-request comment or CI job summary), {@code junit} (cyber-baseline-junit.xml, JUnit XML for CI
   * test views). Comma-separated on the command line.
   */
  @Parameter(property = "cyberbaseline.formats", defaultValue = "json")
  List<String> formats;

  /** Folder the reports are written to (created if missing). */
  @Parameter(property = "cyberbaseline.outputDirectory", defaultValue = "${project.build.directory}/cyber-baseline")
  File outputDirectory;

  /**
   * Fail the build when a finding is at or above this level: {@code error}, {@code warning},
   * {@code info}, or {@code never} (report only).
   */
  @Parameter(property = "cyberbaseline.failOn", defaultValue = "error")
  String failOn;

  /** Findings shown per rule in the log and in the text and Markdown reports; the other formats have all. */
  @Parameter(property = "cyberbaseline.maxFindings", defaultValue = "10")
  int maxFindings = 10;

  /**
   * Makes the file paths in the SARIF report relative to this folder (the repository root, for GitHub
   * code scanning, which resolves paths from there) instead of to the submission folder (or the SBOM's
   * folder). It must contain the submission. For example {@code ${maven.multiModuleProjectDirectory}}
   * in a project at the root of its repository.
   */
  @Parameter(property = "cyberbaseline.sarifRoot")
  File sarifRoot;

  /**
   * Largest file read from the submission, in bytes (default 67108864, 64 MiB). A larger artifact is
   * an {@code input.artifact-unreadable} finding; a larger {@code submission.json} or lone SBOM fails
   * the goal with a clear message.
   */
  @Parameter(property = "cyberbaseline.maxFileSize")
  Long maxFileSize;

  /** Most components one SBOM may have (default 100000); more make the SBOM unreadable (a finding). */
  @Parameter(property = "cyberbaseline.maxComponents")
  Integer maxComponents;

  /** Deepest JSON, YAML or XML nesting read (default 200); deeper documents are unreadable (a finding). */
  @Parameter(property = "cyberbaseline.maxNestingDepth")
  Integer maxNestingDepth;

  /**
   * Most findings kept per rule in every report (default 1000); the rest are counted in one
   * {@code input.limit-exceeded} finding. ({@code maxFindings} only shortens the log, text and Markdown.)
   */
  @Parameter(property = "cyberbaseline.maxFindingsPerRule")
  Integer maxFindingsPerRule;

  /**
   * Offline OSV feeds: folders of OSV JSON records or zips of them (as OSV publishes per ecosystem).
   * Components are matched by package URL and version range; nothing is fetched.
   */
  @Parameter(property = "cyberbaseline.osv")
  List<File> osv;

  /** The CISA Known Exploited Vulnerabilities catalogue (its JSON file), marking the known-exploited ones. */
  @Parameter(property = "cyberbaseline.kev")
  File kev;

  /** Skips the validation. */
  @Parameter(property = "cyberbaseline.skip", defaultValue = "false")
  boolean skip;

  /** The project folder: default submission folder, and paths in the log are shown relative to it. */
  @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
  File basedir;

  /**
   * The reproducible-builds timestamp: an ISO 8601 date-time with offset, or seconds since the epoch.
   * A value of one character (e.g. {@code 0}) means "not set", as for maven-archiver.
   */
  @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
  String outputTimestamp;

  /** Where {@link #clock()} falls back to when the project sets no output timestamp. */
  Clock systemClock = Clock.tickSeconds(ZoneOffset.UTC);

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Log log = getLog();
    if (skip) {
      log.info("Cyber Baseline: skipped (cyberbaseline.skip)");
      return;
    }
    List<ReportFormat> chosen = reportFormats();
    Optional<Severity> threshold = failOnThreshold();
    if (maxFindings < 0) {
      throw new MojoExecutionException("maxFindings must be 0 or more, got " + maxFindings);
    }
    Path outputDir = outputDirectory.toPath();
    if (!chosen.isEmpty() && Files.exists(outputDir) && !Files.isDirectory(outputDir)) {
      throw new MojoExecutionException(
          "outputDirectory " + outputDir + " is a file; give a folder for the Cyber Baseline reports");
    }
    Clock clock = clock();
    Input input = input();
    Optional<String> sarifFolder = chosen.contains(ReportFormat.SARIF) ? sarifSubmissionFolder(input) : Optional.empty();
    Validator validator = validator(clock);
    Submission read = read(input, validator.limits().maxFileBytes());

    log.info("Cyber Baseline " + Validator.version() + ": validating " + input.describe(this)
        + " against " + validator.baseline().ref() + " (" + validator.baseline().title() + ")");
    ValidationReport report = validator.validate(read);

    Map<ReportFormat, Path> written = writeReports(report, validator.baseline(), chosen, outputDir, sarifFolder);
    logReport(report, input, log);
    written.forEach((format, path) -> log.info(format.label() + " report: " + path));

    if (threshold.isEmpty()) {
      log.info("Cyber Baseline: not failing the build (failOn never)");
      return;
    }
    Severity level = threshold.get();
    if (report.hasFindingsAtOrAbove(level)) {
      // findings a waiver accepts stay in the reports but do not count
      long count = report.allFindings().stream().filter(f -> !f.waived() && f.severity().atLeast(level)).count();
      String where =
          written.isEmpty()
              ? "the log above"
              : written.getOrDefault(ReportFormat.JSON, written.values().iterator().next()).toString();
      throw new MojoFailureException(
          count + " finding" + (count == 1 ? "" : "s") + " at or above " + level.id() + "; see " + where);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Configuration

  /** What is validated: a submission folder or a lone SBOM. */
  record Input(Path path, boolean folder) {
    String describe(ValidateMojo mojo) {
      return (folder ? "submission " : "SBOM ") + mojo.display(path);
    }

    /** Folder that artifact paths in findings are relative to. */
    Path artifactBase() {
      Path absolute = path.toAbsolutePath();
      return folder ? absolute : absolute.getParent();
    }
  }

  Input input() throws MojoExecutionException {
    if (submission != null && sbom != null) {
      throw new MojoExecutionException(
          "set either <submission> (a submission folder) or <sbom> (a single SBOM file), not both"
              + " (submission: " + submission + ", sbom: " + sbom + ")");
    }
    if (sbom != null) {
      Path file = sbom.toPath();
      if (!Files.exists(file)) {
        throw new MojoExecutionException("sbom " + file + ": no such file");
      }
      if (!Files.isRegularFile(file)) {
        throw new MojoExecutionException(
            "sbom " + file + " is not a regular file; to validate a submission folder use <submission>");
      }
      return new Input(file, false);
    }
    boolean defaulted = submission == null;
    Path folder = defaulted ? basedir().resolve(DEFAULT_SUBMISSION_FOLDER) : submission.toPath();
    if (Files.isRegularFile(folder) && folder.getFileName().toString().equals(Submission.MANIFEST_FILE)) {
      folder = folder.toAbsolutePath().getParent();
    }
    if (!Files.exists(folder)) {
      throw new MojoExecutionException(
          defaulted
              ? "no submission folder at " + folder + " (the default); set <submission> to the folder with"
                  + " submission.json or <sbom> to a single SBOM file, or skip with -Dcyberbaseline.skip"
              : "submission " + folder + ": no such folder");
    }
    if (!Files.isDirectory(folder)) {
      throw new MojoExecutionException(
          "submission " + folder + " is not a folder; for a single SBOM file use <sbom>");
    }
    return new Input(folder, true);
  }

  private Path basedir() {
    return (basedir != null ? basedir : new File(".")).toPath();
  }

  List<ReportFormat> reportFormats() throws MojoExecutionException {
    List<ReportFormat> chosen = new ArrayList<>();
    if (formats == null) {
      return List.of(ReportFormat.JSON);
    }
    for (String entry : formats) {
      if (entry == null) {
        continue;
      }
      for (String name : entry.split(",")) {
        if (name.isBlank()) {
          continue;
        }
        ReportFormat format =
            ReportFormat.byName(name)
                .orElseThrow(
                    () ->
                        new MojoExecutionException(
                            "formats: '" + name.strip() + "' is not a report format; supported: "
                                + ReportFormat.names()));
        if (!chosen.contains(format)) {
          chosen.add(format);
        }
      }
    }
    return List.copyOf(chosen);
  }

  Optional<Severity> failOnThreshold() throws MojoExecutionException {
    String value = failOn == null ? "error" : failOn.strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "error" -> Optional.of(Severity.ERROR);
      case "warning" -> Optional.of(Severity.WARNING);
      case "info" -> Optional.of(Severity.INFO);
      case "never" -> Optional.empty();
      default ->
          throw new MojoExecutionException(
              "failOn: '" + failOn + "' is not a level; use error, warning, info or never");
    };
  }

  /** {@code project.build.outputTimestamp} when set, else the system clock (UTC, whole seconds). */
  Clock clock() throws MojoExecutionException {
    Optional<Instant> fixed = parseOutputTimestamp(outputTimestamp);
    return fixed.isPresent() ? Clock.fixed(fixed.get(), ZoneOffset.UTC) : systemClock;
  }

  /** Reads the value as maven-archiver does: seconds since the epoch, or ISO 8601 with offset. */
  static Optional<Instant> parseOutputTimestamp(String value) throws MojoExecutionException {
    if (value == null || value.strip().length() < 2) {
      return Optional.empty();
    }
    String text = value.strip();
    try {
      if (text.chars().allMatch(Character::isDigit)) {
        return Optional.of(Instant.ofEpochSecond(Long.parseLong(text)));
      }
      return Optional.of(OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS));
    } catch (DateTimeException | NumberFormatException e) {
      throw new MojoExecutionException(
          "project.build.outputTimestamp '" + value + "' is neither an ISO 8601 date-time with offset"
              + " (e.g. 2026-01-01T00:00:00Z) nor a number of seconds since 1970-01-01T00:00:00Z");
    }
  }

  /** Builds the validator; every configuration problem is a clear MojoExecutionException. */
  Validator validator(Clock clock) throws MojoExecutionException {
    String ref = baseline == null || baseline.isBlank() ? Validator.DEFAULT_BASELINE_ID : baseline.strip();
    List<Path> packFiles = new ArrayList<>();
    for (File pack : packs == null ? List.<File>of() : packs) {
      if (pack == null) {
        continue;
      }
      Path file = pack.toPath();
      if (!Files.exists(file)) {
        throw new MojoExecutionException("packs: " + file + ": no such file");
      }
      if (!Files.isRegularFile(file)) {
        throw new MojoExecutionException("packs: " + file + ": not a regular file");
      }
      packFiles.add(file);
    }
    RulePackRepository repository;
    try {
      RulePackRepository.Builder packs = RulePackRepository.builder();
      packFiles.forEach(packs::addFile);
      repository = packs.build();
    } catch (RulePackException e) {
      throw new MojoExecutionException("invalid rule pack: " + e.getMessage(), e);
    }
    try {
      repository.select(ref);
    } catch (RulePackException e) {
      throw new MojoExecutionException("unknown baseline: " + e.getMessage() + " (add your own with <packs>)", e);
    }
    Validator.Builder builder = Validator.builder().baseline(ref).clock(clock).limits(limits());
    packFiles.forEach(builder::addPackFile);
    for (File feed : osv == null ? List.<File>of() : osv) {
      if (feed != null) {
        builder.osv(feed.toPath());
      }
    }
    if (kev != null) {
      builder.kev(kev.toPath());
    }
    try {
      return builder.build();
    } catch (ConfigurationException e) {
      throw new MojoExecutionException("Cyber Baseline configuration: " + e.getMessage(), e);
    }
  }

  /** The configured resource limits; every one must be positive. */
  Limits limits() throws MojoExecutionException {
    try {
      return Limits.DEFAULT.withOverrides(maxFileSize, maxComponents, maxNestingDepth, maxFindingsPerRule);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("maxFileSize, maxComponents, maxNestingDepth and maxFindingsPerRule must be"
          + " 1 or more: " + e.getMessage());
    }
  }

  private static Submission read(Input input, long maxFileBytes) throws MojoExecutionException {
    try {
      return input.folder()
          ? Submission.fromDirectory(input.path(), maxFileBytes)
          : Submission.fromSbomFile(input.path(), maxFileBytes);
    } catch (SubmissionException e) {
      throw new MojoExecutionException("cannot read " + (input.folder() ? "submission " : "SBOM ")
          + input.path() + ": " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Output

  private Map<ReportFormat, Path> writeReports(
      ValidationReport report, RulePack baseline, List<ReportFormat> chosen, Path dir, Optional<String> sarifFolder)
      throws MojoExecutionException {
    Map<ReportFormat, Path> written = new LinkedHashMap<>();
    for (ReportFormat format : chosen) {
      Path target = dir.resolve(format.fileName());
      try {
        ReportFiles.writeAtomically(target, render(format, report, baseline, sarifFolder));
      } catch (IOException | RuntimeException e) {
        throw new MojoExecutionException(
            "cannot write the " + format.label() + " report to " + target + ": " + describe(e), e);
      }
      written.put(format, target);
    }
    return written;
  }

  private byte[] render(ReportFormat format, ValidationReport report, RulePack baseline, Optional<String> sarifFolder) {
    return switch (format) {
      case JSON -> JsonReport.toBytes(report);
      case TEXT -> TextReport.render(report, maxFindings).getBytes(StandardCharsets.UTF_8);
      case SARIF ->
          SarifReport.toBytes(
              report,
              baseline,
              sarifFolder.map(SarifReport.Options.DEFAULT::withSubmissionFolder).orElse(SarifReport.Options.DEFAULT));
      case HTML -> HtmlReport.render(report, baseline).getBytes(StandardCharsets.UTF_8);
      case MD -> MarkdownReport.render(report, maxFindings).getBytes(StandardCharsets.UTF_8);
      case JUNIT -> JUnitXmlReport.toBytes(report);
    };
  }

  /** With sarifRoot: the submission folder's path inside it, '/'-separated ("" for the root itself). */
  Optional<String> sarifSubmissionFolder(Input input) throws MojoExecutionException {
    if (sarifRoot == null) {
      return Optional.empty();
    }
    Path folder = input.artifactBase();
    Path root;
    Path real;
    try {
      root = sarifRoot.toPath().toRealPath();
      real = folder.toRealPath();
    } catch (IOException e) {
      throw new MojoExecutionException("sarifRoot " + sarifRoot + ": " + describe(e), e);
    }
    if (!Files.isDirectory(root)) {
      throw new MojoExecutionException("sarifRoot " + sarifRoot + " is not a folder");
    }
    if (!real.startsWith(root)) {
      throw new MojoExecutionException(
          "sarifRoot " + sarifRoot + " does not contain " + (input.folder() ? "the submission folder " : "the SBOM's folder ")
              + folder);
    }
    List<String> names = new ArrayList<>();
    root.relativize(real).forEach(name -> names.add(name.toString()));
    return Optional.of(String.join("/", names));
  }

  /** The text summary at info, then every finding at its own level with location and rule id. */
  private void logReport(ValidationReport report, Input input, Log log) {
    Path base = input.artifactBase();
    if (!report.inputProblems().isEmpty()) {
      log.info("Problems reading the submission:");
      logFindings(report.inputProblems(), base, "input problems", log);
    }
    for (RuleResult result : report.results()) {
      String line = result.ruleId() + " " + result.title() + ": " + result.explanation();
      switch (result.status()) {
        case FAIL -> log.info("FAIL " + line);
        case NEEDS_REVIEW -> log.info("NEEDS REVIEW " + line);
        case NOT_APPLICABLE -> log.debug("NOT APPLICABLE " + line);
        case PASS -> {
          // passes with findings only when waivers accept all of them
          if (result.findings().isEmpty()) {
            log.debug("PASS " + line);
          } else {
            log.info("PASS " + line);
          }
        }
      }
      logFindings(result.findings(), base, result.ruleId(), log);
    }
    log.info(TextReport.summaryLine(report));
  }

  private void logFindings(List<Finding> findings, Path base, String what, Log log) {
    int shown = Math.min(maxFindings, findings.size());
    for (int i = 0; i < shown; i++) {
      Finding f = findings.get(i);
      String line = "[" + f.ruleId() + "] " + where(f, base) + ": " + f.message();
      if (f.waiver().isPresent()) {
        var waiver = f.waiver().get();
        log.info(line + " (" + f.severity().id() + ", WAIVED until " + waiver.expires() + " by " + waiver.owner()
            + ": " + waiver.justification() + ")");
        continue;
      }
      switch (f.severity()) {
        case ERROR -> log.error(line);
        case WARNING -> log.warn(line);
        case INFO -> log.info(line);
      }
    }
    if (findings.size() > shown) {
      log.info("... " + (findings.size() - shown) + " more finding" + (findings.size() - shown == 1 ? "" : "s")
          + " for " + what + " (the reports have all; raise -Dcyberbaseline.maxFindings to log them)");
    }
  }

  /** "target/bom.json:82:5 /components/0": the artifact's path relative to the project where possible. */
  private String where(Finding finding, Path base) {
    var location = finding.location();
    StringBuilder text = new StringBuilder(location.artifact().startsWith(org.cyberbaseline.validator.Location.FEED_PREFIX)
        ? location.artifact() : display(base.resolve(location.artifact())));
    location.line().ifPresent(l -> text.append(':').append(l));
    location.column().ifPresent(c -> text.append(':').append(c));
    location.pointer().ifPresent(p -> text.append(' ').append(p.isEmpty() ? "/" : p));
    return text.toString();
  }

  /** A path relative to the project folder when inside it, else absolute; '/'-separated. */
  String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path project = basedir().toAbsolutePath().normalize();
    Path shown = absolute.startsWith(project) && !absolute.equals(project) ? project.relativize(absolute) : absolute;
    return shown.toString().replace(File.separatorChar, '/');
  }

  /** An I/O failure in words, without exception class names. */
  static String describe(Exception e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException f) {
      return "a file is in the way of a folder: " + f.getFile();
    }
    if (e instanceof java.nio.file.AccessDeniedException f) {
      return "permission denied: " + f.getFile();
    }
    if (e instanceof java.nio.file.NoSuchFileException f) {
      return "no such file or folder: " + f.getFile();
    }
    if (e instanceof java.nio.file.FileSystemException f) {
      return (f.getReason() != null ? f.getReason() : "file system error") + ": " + f.getFile();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
