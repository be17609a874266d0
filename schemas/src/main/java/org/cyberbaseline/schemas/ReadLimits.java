package org.cyberbaseline.schemas;

/**
 * Resource ceilings applied while reading an untrusted document. A document that exceeds one is
 * rejected with a located {@link JsonProblem}, never read into memory unbounded.
 *
 * @param maxBytes largest document accepted, in bytes
 * @param maxNestingDepth deepest array/object nesting accepted
 * @param maxStringLength longest string value accepted, in characters
 */
public record ReadLimits(long maxBytes, int maxNestingDepth, int maxStringLength) {

  /**
   * Defaults sized for real SBOMs: the largest public SBOM in our corpus is about 3 MB, real
   * CycloneDX component trees nest a few dozen levels, and embedded license texts are well under
   * a megabyte.
   */
  public static final ReadLimits DEFAULT = new ReadLimits(64L * 1024 * 1024, 200, 5_000_000);

  public ReadLimits {
    if (maxBytes <= 0 || maxNestingDepth <= 0 || maxStringLength <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
