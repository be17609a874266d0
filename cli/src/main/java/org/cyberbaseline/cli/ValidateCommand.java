package org.cyberbaseline.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.Status;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/** {@code cyber-baseline validate}: checks a submission folder or a lone SBOM against a baseline. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Validates a submission folder (with submission.json) or a single SBOM file against a baseline."
          + " Prints a text report and writes the JSON report to DIR/" + ValidateCommand.REPORT_FILE + ";"
          + " --format adds SARIF (GitHub code scanning), HTML, Markdown (pull-request comments) and JUnit XML (CI"
          + " test views).",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no finding at or above --fail-on (or --fail-on never)",
      "1:at least one finding at or above --fail-on",
      "2:usage error (bad option, unknown baseline, invalid pack) or unreadable input",
      "3:internal error"
    },
    footerHeading = "%nReproducible reports:%n",
    footer = {
      "The report's timestamp comes from --timestamp, else the SOURCE_DATE_EPOCH environment variable"
          + " (seconds since 1970-01-01T00:00:00Z), else the system clock (UTC). Same inputs and timestamp"
          + " give byte-identical report files."
    })
final class ValidateCommand implements Callable<Integer> {
  /** Name of the JSON report inside the output folder. */
  static final String REPORT_FILE = "cyber-baseline-report.json";

  /** The reproducible-builds.org variable fixing the report's timestamp. */
  static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

  /** The report formats; every one but text is a file in the output folder. */
  enum Format {
    TEXT(null, "Text"),
    JSON(REPORT_FILE, "JSON"),
    SARIF("cyber-baseline-report.sarif", "SARIF"),
    HTML("cyber-baseline-report.html", "HTML"),
    MD("cyber-baseline-report.md", "Markdown"),
    JUNIT("cyber-baseline-junit.xml", "JUnit");

    private final String fileName;
    private final String label;

    Format(String fileName, String label) {
      this.fileName = fileName;
      this.label = label;
    }

    /** The file written in the output folder; empty for text, which goes to stdout. */
    Optional<String> fileName() {
      return Optional.ofNullable(fileName);
    }
  }

  /** What --format means when it is not given. */
  static final Set<Format> DEFAULT_FORMATS = EnumSet.of(Format.TEXT, Format.JSON);

  private final Io io;

  @Parameters(
      index = "0",
      paramLabel = "PATH",
      description = "Submission folder (containing submission.json) or a single SBOM file (only SBOM rules run).")
  Path path;

  @Mixin BaselineOptions baselineOptions;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      split = ",",
      converter = FormatConverter.class,
      description = {
        "Reports to produce, comma-separated (default: text,json): text (to stdout);"
            + " json (cyber-baseline-report.json); sarif (cyber-baseline-report.sarif, SARIF 2.1.0 for GitHub code"
            + " scanning); html (cyber-baseline-report.html); md (cyber-baseline-report.md, for a pull-request"
            + " comment); junit (cyber-baseline-junit.xml, JUnit XML for CI test views). Files go to the output folder."
      })
  List<Format> formats;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      defaultValue = "cyber-baseline-report",
      description = "Folder for the report files (created if missing; default: ./${DEFAULT-VALUE}).")
  Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      defaultValue = "error",
      converter = FailOnConverter.class,
      description = "Exit 1 when a finding is at or above LEVEL: error, warning, info, or never (default: ${DEFAULT-VALUE}).")
  FailOn failOn;

  @Option(
      names = "--max-findings",
      paramLabel = "N",
      defaultValue = "10",
      converter = NonNegativeConverter.class,
      description =
          "Findings shown per rule in the text and Markdown reports (default: ${DEFAULT-VALUE}); the other formats have all.")
  int maxFindings;

  @Option(
      names = "--timestamp",
      paramLabel = "RFC3339",
      converter = InstantConverter.class,
      description = "Fixes the report's timestamp, overriding SOURCE_DATE_EPOCH. Example: 2026-01-01T00:00:00Z")
  Instant timestamp;

  @Option(
      names = "--sarif-root",
      paramLabel = "DIR",
      description =
          "Makes SARIF file paths relative to DIR (the repository root, for GitHub code scanning, which resolves"
              + " paths from there) instead of to the submission folder. DIR must contain the submission.")
  Path sarifRoot;

  @Option(
      names = "--osv",
      paramLabel = "PATH",
      description = "Offline OSV feed: a folder of OSV JSON records or a zip of them (as OSV publishes per ecosystem);"
          + " repeatable. Components are matched by package URL and version range; nothing is fetched.")
  List<Path> osv = new ArrayList<>();

  @Option(
      names = "--kev",
      paramLabel = "PATH",
      description = "The CISA Known Exploited Vulnerabilities catalogue (its JSON file) marking the known-exploited ones.")
  Path kev;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing but errors (no text report, no progress, no file names); report files are still"
          + " written and the exit code is the same.")
  boolean quiet;

  @Mixin LimitOptions limitOptions;

  @Mixin VerboseOption verbose;

  ValidateCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Set<Format> chosen = formats == null || formats.isEmpty() ? DEFAULT_FORMATS : EnumSet.copyOf(formats);
    boolean writesFiles = chosen.stream().anyMatch(f -> f.fileName().isPresent());
    if (writesFiles && Files.exists(output) && !Files.isDirectory(output)) {
      throw new CliException("--output " + output + " is a file; give a folder for the report files");
    }
    Clock clock = clock(timestamp, io);
    Validator validator = baselineOptions.validator(clock, limitOptions.limits(), builder -> {
      osv.forEach(builder::osv);
      if (kev != null) {
        builder.kev(kev);
      }
    });
    Submission submission = readSubmission(path, validator.limits().maxFileBytes());
    Optional<String> sarifFolder = chosen.contains(Format.SARIF) ? sarifSubmissionFolder() : Optional.empty();

    boolean progress = io.interactive() && !quiet;
    long started = System.nanoTime();
    if (progress) {
      int artifacts = submission.documentPaths().size() + (submission.hasManifest() ? 1 : 0);
      io.err().print("Validating " + artifacts + (artifacts == 1 ? " artifact" : " artifacts") + " against "
          + validator.baseline().ref() + "...");
      io.err().flush();
    }
    ValidationReport report = validator.validate(submission);
    if (progress) {
      io.err().println(" done (" + (System.nanoTime() - started) / 1_000_000 + " ms)");
    }

    List<String> written = new ArrayList<>();
    for (Format format : chosen) {
      if (format.fileName().isEmpty()) {
        continue;
      }
      Path file = output.resolve(format.fileName().get());
      try {
        ReportFiles.writeAtomically(file, render(format, report, validator.baseline(), sarifFolder));
      } catch (IOException | RuntimeException e) {
        throw new CliException("cannot write the " + format.label + " report to " + file + ": " + describe(e), e);
      }
      written.add(format.label + " report: " + file);
    }
    if (!quiet) {
      if (chosen.contains(Format.TEXT)) {
        io.out().print(TextReport.render(report, maxFindings));
        written.forEach(io.out()::println);
        io.out().println(outcome(report));
      } else {
        io.out().println(TextReport.summaryLine(report));
        written.forEach(io.err()::println);
      }
      io.out().flush();
    }
    boolean failed = failOn.threshold().isPresent() && report.hasFindingsAtOrAbove(failOn.threshold().get());
    return failed ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private byte[] render(Format format, ValidationReport report, RulePack baseline, Optional<String> sarifFolder) {
    return switch (format) {
      case JSON -> JsonReport.toBytes(report);
      case SARIF -> SarifReport.toBytes(report, baseline,
          sarifFolder.map(SarifReport.Options.DEFAULT::withSubmissionFolder).orElse(SarifReport.Options.DEFAULT));
      case HTML -> HtmlReport.render(report, baseline).getBytes(StandardCharsets.UTF_8);
      case MD -> MarkdownReport.render(report, maxFindings).getBytes(StandardCharsets.UTF_8);
      case JUNIT -> JUnitXmlReport.toBytes(report);
      case TEXT -> throw new IllegalArgumentException("text is printed, not written");
    };
  }

  /** With --sarif-root: the submission folder's path inside it, '/'-separated ("" for the root itself). */
  private Optional<String> sarifSubmissionFolder() {
    if (sarifRoot == null) {
      return Optional.empty();
    }
    Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    Path root;
    Path real;
    try {
      root = sarifRoot.toRealPath();
      real = folder.toRealPath();
    } catch (IOException e) {
      throw new CliException("--sarif-root " + sarifRoot + ": " + describe(e), e);
    }
    if (!Files.isDirectory(root)) {
      throw new CliException("--sarif-root " + sarifRoot + " is not a folder");
    }
    if (!real.startsWith(root)) {
      throw new CliException("--sarif-root " + sarifRoot + " does not contain the submission folder " + folder);
    }
    List<String> names = new ArrayList<>();
    root.relativize(real).forEach(name -> names.add(name.toString()));
    return Optional.of(String.join("/", names));
  }

  /** --timestamp, else SOURCE_DATE_EPOCH, else the system clock in UTC (also for dqi probe). */
  static Clock clock(Instant timestamp, Io io) {
    if (timestamp != null) {
      return Clock.fixed(timestamp, ZoneOffset.UTC);
    }
    String epoch = io.env().get(SOURCE_DATE_EPOCH);
    if (epoch != null && !epoch.isBlank()) {
      try {
        return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(epoch.strip())), ZoneOffset.UTC);
      } catch (NumberFormatException | java.time.DateTimeException e) {
        throw new CliException(
            "environment variable " + SOURCE_DATE_EPOCH + "='" + epoch
                + "' is not a number of seconds since 1970-01-01T00:00:00Z");
      }
    }
    return Clock.tickSeconds(ZoneOffset.UTC);
  }

  /** A folder is a submission; a file is a lone SBOM (a submission.json file stands for its folder). */
  static Submission readSubmission(Path path, long maxFileBytes) {
    try {
      if (Files.isDirectory(path)) {
        return Submission.fromDirectory(path, maxFileBytes);
      }
      if (Files.isRegularFile(path)) {
        if (path.getFileName().toString().equals(Submission.MANIFEST_FILE)) {
          Path folder = path.toAbsolutePath().getParent();
          return Submission.fromDirectory(folder, maxFileBytes);
        }
        return Submission.fromSbomFile(path, maxFileBytes);
      }
      if (!Files.exists(path)) {
        throw new CliException("no such file or folder: " + path);
      }
      throw new CliException("not a folder or a regular file: " + path);
    } catch (SubmissionException e) {
      throw new CliException(e.getMessage(), e);
    }
  }

  /** Why the exit code is what it is. */
  private String outcome(ValidationReport report) {
    if (failOn.threshold().isEmpty()) {
      return "Outcome: pass (--fail-on never)";
    }
    Severity threshold = failOn.threshold().get();
    // Waived findings do not decide the exit code, so they are not counted here either.
    long count = report.allFindings().stream().filter(f -> !f.waived() && f.severity().atLeast(threshold)).count();
    String level = threshold == Severity.ERROR ? "error" : threshold.id() + " or above";
    return count == 0
        ? "Outcome: pass (no " + level + " finding; --fail-on " + threshold.id() + ")"
        : "Outcome: fail (" + count + " " + level + " finding" + (count == 1 ? "" : "s") + "; --fail-on "
            + threshold.id() + ")";
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

  /** text, json, sarif, html, md (or markdown), junit; case-insensitive. */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      String name = value.strip().toUpperCase(Locale.ROOT);
      try {
        return name.equals("MARKDOWN") ? Format.MD : Format.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a report format; use one or more of text, json, sarif, html, md, junit"
                + " (comma-separated)");
      }
    }
  }

  /** The --fail-on level: a severity, or never. */
  enum FailOn {
    ERROR(Severity.ERROR),
    WARNING(Severity.WARNING),
    INFO(Severity.INFO),
    NEVER(null);

    private final Severity threshold;

    FailOn(Severity threshold) {
      this.threshold = threshold;
    }

    Optional<Severity> threshold() {
      return Optional.ofNullable(threshold);
    }
  }

  /** error / warning / info / never, case-insensitive. */
  static final class FailOnConverter implements ITypeConverter<FailOn> {
    @Override
    public FailOn convert(String value) {
      try {
        return FailOn.valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not a level; use error, warning, info or never");
      }
    }
  }

  static final class NonNegativeConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return LimitOptions.wholeNumber(value, 0);
    }
  }

  /** An RFC 3339 date-time with offset ('Z' or +hh:mm). */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return OffsetDateTime.parse(value.strip().toUpperCase(Locale.ROOT)).toInstant();
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not an RFC 3339 date-time with offset, e.g. 2026-01-01T00:00:00Z");
      }
    }
  }
}
