package org.cyberbaseline.cli;

import java.util.Locale;
import org.cyberbaseline.validator.Limits;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** Resource limits of a validation ({@link Limits}); exceeding one is a finding, not an error. */
final class LimitOptions {
  @Option(
      names = "--max-file-size",
      paramLabel = "SIZE",
      converter = SizeConverter.class,
      description = "Largest file read, in bytes or with a k, m or g suffix (KiB, MiB, GiB; default: 64m).")
  Long maxFileBytes;

  @Option(
      names = "--max-components",
      paramLabel = "N",
      converter = PositiveConverter.class,
      description = "Most components one SBOM may have (default: 100000).")
  Integer maxComponents;

  @Option(
      names = "--max-depth",
      paramLabel = "N",
      converter = PositiveConverter.class,
      description = "Deepest JSON, YAML or XML nesting read (default: 200).")
  Integer maxNestingDepth;

  @Option(
      names = "--max-findings-per-rule",
      paramLabel = "N",
      converter = PositiveConverter.class,
      description =
          "Most findings kept per rule in every report (default: 1000); the rest are counted in one"
              + " input.limit-exceeded finding. (--max-findings only shortens the text and Markdown reports.)")
  Integer maxFindingsPerRule;

  Limits limits() {
    return Limits.DEFAULT.withOverrides(maxFileBytes, maxComponents, maxNestingDepth, maxFindingsPerRule);
  }

  /** A whole number >= 1. */
  static final class PositiveConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return wholeNumber(value, 1);
    }
  }

  /** {@code value} as a whole number of at least {@code min}, or a usage error saying so. */
  static int wholeNumber(String value, int min) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TypeConversionException("'" + value + "' is not a whole number >= " + min);
  }

  /** Bytes, or a number with k, m or g (binary: KiB, MiB, GiB; "kb", "kib", "mb", "mib"... accepted). */
  static final class SizeConverter implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      String text = value.strip().toLowerCase(Locale.ROOT).replaceFirst("i?b$", "");
      long unit = 1;
      if (!text.isEmpty()) {
        switch (text.charAt(text.length() - 1)) {
          case 'k' -> unit = 1L << 10;
          case 'm' -> unit = 1L << 20;
          case 'g' -> unit = 1L << 30;
          default -> unit = 1;
        }
      }
      String digits = unit == 1 ? text : text.substring(0, text.length() - 1);
      try {
        long n = Long.parseLong(digits.strip());
        if (n >= 1 && n <= Long.MAX_VALUE / unit) {
          return n * unit;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new TypeConversionException("'" + value + "' is not a size; use bytes or a number with k, m or g, e.g. 64m");
    }
  }
}
