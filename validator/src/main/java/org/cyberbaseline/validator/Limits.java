package org.cyberbaseline.validator;

import org.cyberbaseline.sbom.SbomReader;
import org.cyberbaseline.schemas.ReadLimits;

/**
 * Resource ceilings of one validation, so that a hostile or gigantic submission costs bounded
 * memory and time. Exceeding one is a finding located in the offending document, never an
 * exception: the rest of the submission is still validated.
 *
 * @param maxFileBytes largest document read, in bytes: a larger file listed in the manifest is an
 *     {@code input.artifact-unreadable} finding, a larger in-memory SBOM an unreadable SBOM
 * @param maxComponents most components (nested ones included) one SBOM may have; more makes the SBOM
 *     unreadable, located at the first component over the limit
 * @param maxNestingDepth deepest JSON/YAML/XML nesting read; deeper documents are unreadable, with
 *     the position where the limit was crossed
 * @param maxFindingsPerRule most findings kept per rule; the rest are counted in one {@code
 *     input.limit-exceeded} finding that names the rule (its severity is the highest of those left
 *     out, so the exit code is the same as with every finding)
 * @param maxStringLength longest single string value read, in characters
 */
public record Limits(
    long maxFileBytes, int maxComponents, int maxNestingDepth, int maxFindingsPerRule, int maxStringLength) {

  /**
   * Defaults sized for real submissions: the largest public SBOM in our corpus is about 3 MB with a
   * few thousand components; real documents nest a few dozen levels; a report with more than a
   * thousand findings for one rule says nothing the first thousand do not.
   */
  public static final Limits DEFAULT =
      new Limits(
          ReadLimits.DEFAULT.maxBytes(),
          SbomReader.DEFAULT_MAX_COMPONENTS,
          ReadLimits.DEFAULT.maxNestingDepth(),
          1_000,
          ReadLimits.DEFAULT.maxStringLength());

  public Limits {
    if (maxFileBytes <= 0 || maxComponents <= 0 || maxNestingDepth <= 0 || maxFindingsPerRule <= 0
        || maxStringLength <= 0) {
      throw new IllegalArgumentException("limits must be positive: " + describe(maxFileBytes, maxComponents,
          maxNestingDepth, maxFindingsPerRule, maxStringLength));
    }
  }

  public Limits withMaxFileBytes(long value) {
    return new Limits(value, maxComponents, maxNestingDepth, maxFindingsPerRule, maxStringLength);
  }

  public Limits withMaxComponents(int value) {
    return new Limits(maxFileBytes, value, maxNestingDepth, maxFindingsPerRule, maxStringLength);
  }

  public Limits withMaxNestingDepth(int value) {
    return new Limits(maxFileBytes, maxComponents, value, maxFindingsPerRule, maxStringLength);
  }

  public Limits withMaxFindingsPerRule(int value) {
    return new Limits(maxFileBytes, maxComponents, maxNestingDepth, value, maxStringLength);
  }

  public Limits withMaxStringLength(int value) {
    return new Limits(maxFileBytes, maxComponents, maxNestingDepth, maxFindingsPerRule, value);
  }

  /**
   * These limits with each non-null argument in place of the current value: how the command line
   * and the Maven plugin apply the options a user set and keep the defaults of the others.
   *
   * @throws IllegalArgumentException if a given value is not positive
   */
  public Limits withOverrides(Long maxFileBytes, Integer maxComponents, Integer maxNestingDepth, Integer maxFindingsPerRule) {
    return new Limits(
        maxFileBytes != null ? maxFileBytes : this.maxFileBytes,
        maxComponents != null ? maxComponents : this.maxComponents,
        maxNestingDepth != null ? maxNestingDepth : this.maxNestingDepth,
        maxFindingsPerRule != null ? maxFindingsPerRule : this.maxFindingsPerRule,
        maxStringLength);
  }

  /** The parser ceilings these limits imply. */
  public ReadLimits readLimits() {
    return new ReadLimits(maxFileBytes, maxNestingDepth, maxStringLength);
  }

  private static String describe(long bytes, int components, int depth, int findings, int strings) {
    return "maxFileBytes=" + bytes + ", maxComponents=" + components + ", maxNestingDepth=" + depth
        + ", maxFindingsPerRule=" + findings + ", maxStringLength=" + strings;
  }
}
