package org.cyberbaseline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.Submission;
import org.cyberbaseline.validator.SubmissionException;
import org.cyberbaseline.validator.ValidationReport;
import org.cyberbaseline.validator.Validator;
import org.cyberbaseline.validator.report.JsonReport;
import org.cyberbaseline.validator.report.ReportFiles;
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
          + " Prints a text report and writes the JSON report to DIR/" + ValidateCommand.REPORT_FILE + ".",
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
          + " give a byte-identical JSON report."
    })
final class ValidateCommand implements Callable<Integer> {
  /** Name of the JSON report inside the output folder. */
  static final String REPORT_FILE = "cyber-baseline-report.json";

  /** The reproducible-builds.org variable fixing the report's timestamp. */
  static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

  enum Format {
    TEXT,
    JSON
  }

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
      description = "Reports to produce: text (to stdout), json (to the output folder), or both. Default: text,json.")
  List<Format> formats;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "DIR",
      defaultValue = "cyber-baseline-report",
      description = "Folder for the JSON report (created if missing; default: ./${DEFAULT-VALUE}).")
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
      description = "Findings shown per rule in the text report (default: ${DEFAULT-VALUE}); the JSON report has all.")
  int maxFindings;

  @Option(
      names = "--timestamp",
      paramLabel = "RFC3339",
      converter = InstantConverter.class,
      description = "Fixes the report's timestamp, overriding SOURCE_DATE_EPOCH. Example: 2026-01-01T00:00:00Z")
  Instant timestamp;

  @Mixin VerboseOption verbose;

  ValidateCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    Set<Format> chosen = formats == null || formats.isEmpty() ? EnumSet.allOf(Format.class) : EnumSet.copyOf(formats);
    if (chosen.contains(Format.JSON) && Files.exists(output) && !Files.isDirectory(output)) {
      throw new CliException("--output " + output + " is a file; give a folder for the JSON report");
    }
    Clock clock = clock();
    Validator validator = baselineOptions.validator(clock);
    Submission submission = readSubmission(path);
    ValidationReport report = validator.validate(submission);

    Path jsonPath = output.resolve(REPORT_FILE);
    if (chosen.contains(Format.JSON)) {
      try {
        ReportFiles.writeAtomically(jsonPath, JsonReport.toBytes(report));
      } catch (IOException | RuntimeException e) {
        throw new CliException("cannot write the JSON report to " + jsonPath + ": " + describe(e), e);
      }
    }
    if (chosen.contains(Format.TEXT)) {
      io.out().print(TextReport.render(report, maxFindings));
      if (chosen.contains(Format.JSON)) {
        io.out().println("JSON report: " + jsonPath);
      }
      io.out().println(outcome(report));
    } else {
      io.out().println(TextReport.summaryLine(report));
      io.err().println("JSON report: " + jsonPath);
    }
    io.out().flush();
    boolean failed = failOn.threshold().isPresent() && report.hasFindingsAtOrAbove(failOn.threshold().get());
    return failed ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  /** --timestamp, else SOURCE_DATE_EPOCH, else the system clock in UTC. */
  private Clock clock() {
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
  static Submission readSubmission(Path path) {
    try {
      if (Files.isDirectory(path)) {
        return Submission.fromDirectory(path);
      }
      if (Files.isRegularFile(path)) {
        if (path.getFileName().toString().equals(Submission.MANIFEST_FILE)) {
          Path folder = path.toAbsolutePath().getParent();
          return Submission.fromDirectory(folder);
        }
        return Submission.fromSbomFile(path);
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
    long count = report.allFindings().stream().filter(f -> f.severity().atLeast(threshold)).count();
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

  /** text / json, case-insensitive. */
  static final class FormatConverter implements ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      try {
        return Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not a report format; use text, json or text,json");
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
      try {
        int n = Integer.parseInt(value.strip());
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new TypeConversionException("'" + value + "' is not a whole number >= 0");
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
