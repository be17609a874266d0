package org.cyberbaseline.validator.internal;

import java.util.List;
import java.util.Optional;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;

/**
 * Codes of problems reading the submission itself. They are not rules of any baseline (so they
 * carry no citation) and are reported whatever the baseline.
 */
public final class InputProblems {
  public static final String MANIFEST_SYNTAX = "input.manifest-syntax";
  public static final String MANIFEST_SCHEMA = "input.manifest-schema";
  public static final String ARTIFACT_UNREADABLE = "input.artifact-unreadable";
  public static final String ARTIFACT_DUPLICATE = "input.artifact-duplicate";
  public static final String WAIVERS_INVALID = "input.waivers-invalid";
  public static final String WAIVER_EXPIRED = "input.waiver-expired";
  public static final String WAIVER_UNUSED = "input.waiver-unused";
  public static final String LIMIT_EXCEEDED = "input.limit-exceeded";
  public static final String SUPPORT_ADDENDUM_INVALID = "input.support-addendum-invalid";
  public static final String SUPPORT_ADDENDUM_UNMATCHED = "input.support-addendum-unmatched";
  public static final String VEX_INVALID = "input.vex-invalid";
  public static final String FEED_INVALID = "input.feed-invalid";

  private InputProblems() {}

  static Finding finding(String code, Severity severity, String message, Location location) {
    return new Finding(code, severity, message, location, List.of(), Optional.of(remediation(code)));
  }

  private static String remediation(String code) {
    return switch (code) {
      case MANIFEST_SYNTAX -> "Fix the JSON syntax of submission.json at the position shown.";
      case MANIFEST_SCHEMA ->
          "Make submission.json match the submission schema ("
              + "https://cyberbaseline.org/schemas/submission-1.0.schema.json).";
      case ARTIFACT_UNREADABLE ->
          "Put the artifact inside the submission folder and list it by a relative path with '/' separators.";
      case ARTIFACT_DUPLICATE -> "List each artifact once.";
      case WAIVERS_INVALID ->
          "Make the waiver file match https://cyberbaseline.org/schemas/waivers-1.0.schema.json; until then no waiver applies.";
      case WAIVER_EXPIRED -> "Fix the finding, or renew the waiver with a new justification and expiry.";
      case WAIVER_UNUSED -> "Remove the waiver, or correct its rule, artifact or pointer.";
      case LIMIT_EXCEEDED ->
          "Fix the findings listed first, or raise the limit (--max-findings-per-rule, Validator.Builder.maxFindingsPerRule).";
      case SUPPORT_ADDENDUM_INVALID ->
          "Make the support addendum match https://cyberbaseline.org/schemas/support-addendum-1.0.schema.json;"
              + " until then none of its entries is applied.";
      case SUPPORT_ADDENDUM_UNMATCHED ->
          "Correct the entry's ref, purl or name and version so that it names a component of the SBOM, or remove it.";
      case VEX_INVALID ->
          "Make the VEX document valid CycloneDX, OpenVEX 0.2.0 or CSAF 2.0 at the position shown; statements that"
              + " could be read are still checked.";
      case FEED_INVALID -> "Refresh the feed from its publisher; the records shown were skipped or read leniently.";
      default -> "See the message.";
    };
  }
}
