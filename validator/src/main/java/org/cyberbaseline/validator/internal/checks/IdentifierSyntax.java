package org.cyberbaseline.validator.internal.checks;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Optional;
import java.util.regex.Pattern;

/** Syntax of the component identifiers that SBOM checks validate: package URLs and CPE names. */
final class IdentifierSyntax {
  // CPE 2.2 URI binding.
  private static final Pattern CPE_22 = Pattern.compile("^[cC][pP][eE]:/[AHOaho]?(:[A-Za-z0-9._\\-~%]*){0,6}$");

  private IdentifierSyntax() {}

  /** Why packageurl-java rejects {@code purl}, or empty when it is a valid package URL. */
  static Optional<String> purlProblem(String purl) {
    try {
      new PackageURL(purl);
      return Optional.empty();
    } catch (MalformedPackageURLException | RuntimeException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  /** Whether {@code cpe} is a CPE 2.3 formatted string or a CPE 2.2 URI. */
  static boolean isCpe(String cpe) {
    return isCpe23(cpe) || CPE_22.matcher(cpe).matches();
  }

  /**
   * Whether {@code cpe} is a CPE 2.3 formatted string in the shape this project has always accepted,
   * the regular expression {@code ^cpe:2\.3:[aho*\-](:(?:[^:\\]|\\.)+){10}$}: the prefix, a part,
   * then exactly ten non-empty attributes, each a run of characters other than colon and backslash
   * or of backslash-escaped characters (an escaped colon does not end an attribute). Written out by
   * hand because every component of a large SBOM goes through it and the regular expression cost a
   * microsecond or two each; {@code IdentifierSyntaxTest} holds the two to the same answers.
   */
  static boolean isCpe23(String cpe) {
    if (!cpe.startsWith("cpe:2.3:") || cpe.length() < 9 || "aho*-".indexOf(cpe.charAt(8)) < 0) {
      return false;
    }
    int attributes = 0;
    int i = 9;
    int length = cpe.length();
    while (i < length) {
      if (cpe.charAt(i) != ':') {
        return false;
      }
      int start = ++i;
      while (i < length && cpe.charAt(i) != ':') {
        if (cpe.charAt(i) == '\\') {
          // "." in the expression: any character but a line terminator.
          if (i + 1 >= length || isLineTerminator(cpe.charAt(i + 1))) {
            return false;
          }
          i += 2;
        } else {
          i++;
        }
      }
      if (i == start) {
        return false;
      }
      attributes++;
    }
    return attributes == 10;
  }

  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
  }
}
