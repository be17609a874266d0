package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.sbom.Sbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.SbomArtifact;

/** Small helpers shared by the SBOM checks. */
final class SbomCheckSupport {
  /**
   * Values producers write to say "we do not know" (SPDX NOASSERTION, CycloneDX has no keyword).
   * An explicit unknown is honest and weaker than an answer, so it is a warning, not an error.
   */
  private static final Set<String> EXPLICIT_UNKNOWNS =
      Set.of("noassertion", "unknown", "n/a", "na", "none", "unspecified", "not specified", "-", "?");

  private SbomCheckSupport() {}

  record ReadableSbom(String path, Sbom sbom) {}

  static List<ReadableSbom> readable(CheckContext context) {
    List<ReadableSbom> result = new ArrayList<>();
    for (SbomArtifact artifact : context.sboms()) {
      artifact.sbom().ifPresent(sbom -> result.add(new ReadableSbom(artifact.path(), sbom)));
    }
    return result;
  }

  static final String NO_READABLE_SBOM =
      "no SBOM could be read, so this element cannot be assessed (see SBOM-001)";

  /** Every component the SBOM describes: the primary component first, then the listed ones. */
  static List<Component> allComponents(Sbom sbom) {
    List<Component> all = new ArrayList<>(sbom.components().size() + 1);
    sbom.metadata().primaryComponent().ifPresent(all::add);
    all.addAll(sbom.components());
    return all;
  }

  /** Length of the longest of {@link #EXPLICIT_UNKNOWNS}. */
  private static final int LONGEST_UNKNOWN =
      EXPLICIT_UNKNOWNS.stream().mapToInt(String::length).max().orElseThrow();

  static boolean isExplicitUnknown(String value) {
    String stripped = value.strip();
    // Lower-casing maps each code point to one or more, never fewer, so a value of more code points
    // than the longest unknown cannot be one; most values (supplier names, purls) are answered here
    // without the copy toLowerCase makes. (codePointCount is constant-time for Latin-1 strings.)
    if (stripped.length() > LONGEST_UNKNOWN
        && stripped.codePointCount(0, stripped.length()) > LONGEST_UNKNOWN) {
      return false;
    }
    return EXPLICIT_UNKNOWNS.contains(stripped.toLowerCase(Locale.ROOT));
  }

  static boolean isBlank(Optional<String> value) {
    return value.isEmpty() || value.get().isBlank();
  }

  /** The less serious of two severities: a sub-finding never outranks its rule. */
  static Severity atMost(Severity wanted, Severity ruleSeverity) {
    return wanted.ordinal() >= ruleSeverity.ordinal() ? wanted : ruleSeverity;
  }

  static Severity severityParam(ObjectNode params, String name, Severity fallback) {
    JsonNode value = params.get(name);
    if (value == null) {
      return fallback;
    }
    if (!value.isTextual()) {
      throw new IllegalArgumentException("'" + name + "' must be one of error, warning, info");
    }
    try {
      return Severity.fromId(value.asText());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + name + "' must be one of error, warning, info, got '" + value.asText() + "'");
    }
  }

  static void onlyKnownParams(ObjectNode params, Set<String> known) {
    params.fieldNames().forEachRemaining(
        name -> {
          if (!known.contains(name)) {
            throw new IllegalArgumentException("unknown parameter '" + name + "'; known: " + known);
          }
        });
  }

  static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
