package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cyberbaseline.sbom.Sbom;
import org.cyberbaseline.sbom.SbomFormat;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * Every SBOM is written in an accepted format family at or above a minimum spec version. Some
 * guidelines accept only recent versions because older ones cannot carry the data they require
 * (BSI TR-03183-2 v2.1.0: CycloneDX 1.6 or later, SPDX 3.0.1 or later); a recipient whose tools
 * expect those versions cannot use an older document without conversion.
 *
 * <p>Parameter {@code minimum} (required): an object whose members name the accepted format
 * families ({@code cyclonedx}, {@code spdx}) and give each its minimum version ("1.6", "3.0.1");
 * a family not named is not accepted at all. Versions are compared part by part as numbers
 * ("1.10" is later than "1.9"; a missing part counts as 0).
 */
public final class SbomFormatVersionCheck implements CheckType {
  private static final String MINIMUM = "minimum";
  private static final Pattern VERSION = Pattern.compile("\\d{1,9}(\\.\\d{1,9}){0,3}");

  @Override
  public String name() {
    return "sbom.format-version";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of(MINIMUM));
    minimum(params);
  }

  private static Map<String, String> minimum(ObjectNode params) {
    JsonNode node = params.get(MINIMUM);
    if (node == null || !node.isObject() || node.isEmpty()) {
      throw new IllegalArgumentException("'" + MINIMUM + "' must map cyclonedx and/or spdx to a minimum version such as \"1.6\"");
    }
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      if (!e.getKey().equals("cyclonedx") && !e.getKey().equals("spdx")) {
        throw new IllegalArgumentException("unknown format family '" + e.getKey() + "' in '" + MINIMUM + "'; known: cyclonedx, spdx");
      }
      if (!e.getValue().isTextual() || !VERSION.matcher(e.getValue().textValue()).matches()) {
        throw new IllegalArgumentException("'" + MINIMUM + "." + e.getKey() + "' must be a version such as \"1.6\" or \"3.0.1\"");
      }
      out.put(e.getKey(), e.getValue().textValue());
    });
    return out;
  }

  static String family(SbomFormat format) {
    return switch (format) {
      case CYCLONEDX_JSON, CYCLONEDX_XML -> "cyclonedx";
      case SPDX_JSON, SPDX_TAG_VALUE, SPDX_RDF, SPDX_JSON_LD -> "spdx";
    };
  }

  /** Where the version is written, for the finding's location. */
  private static String versionPointer(SbomFormat format) {
    return switch (format) {
      case CYCLONEDX_JSON -> "/specVersion";
      case CYCLONEDX_XML -> "/bom";
      case SPDX_JSON, SPDX_TAG_VALUE -> "/spdxVersion";
      case SPDX_RDF, SPDX_JSON_LD -> "";
    };
  }

  /**
   * Compares dotted versions numerically; a version that is not dotted numbers sorts before any
   * that is, so that it never passes a minimum.
   */
  static int compare(String a, String b) {
    Optional<long[]> x = parts(a);
    Optional<long[]> y = parts(b);
    if (x.isEmpty() || y.isEmpty()) {
      return x.isPresent() ? 1 : y.isPresent() ? -1 : 0;
    }
    long[] p = x.get();
    long[] q = y.get();
    for (int i = 0; i < Math.max(p.length, q.length); i++) {
      long u = i < p.length ? p[i] : 0;
      long v = i < q.length ? q[i] : 0;
      if (u != v) {
        return Long.compare(u, v);
      }
    }
    return 0;
  }

  private static Optional<long[]> parts(String version) {
    String v = version.strip();
    if (!VERSION.matcher(v).matches()) {
      return Optional.empty();
    }
    String[] split = v.split("\\.");
    long[] out = new long[split.length];
    for (int i = 0; i < split.length; i++) {
      out[i] = Long.parseLong(split[i]);
    }
    return Optional.of(out);
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    List<ReadableSbom> sboms = SbomCheckSupport.readable(context);
    if (sboms.isEmpty()) {
      return new Evaluation.NotApplicable(SbomCheckSupport.NO_READABLE_SBOM);
    }
    Map<String, String> minimum = minimum(context.params());
    List<Finding> findings = new ArrayList<>();
    for (ReadableSbom readable : sboms) {
      Sbom sbom = readable.sbom();
      String family = family(sbom.format());
      String written = sbom.format().displayName() + " " + abbreviate(sbom.specVersion());
      String required = minimum.get(family);
      if (required == null) {
        findings.add(context.finding(written + " is not an accepted format; accepted: " + accepted(minimum),
            context.locate(readable.path(), sbom, versionPointer(sbom.format()))));
      } else if (compare(sbom.specVersion(), required) < 0) {
        findings.add(context.finding(written + " is older than the minimum version " + required + "; accepted: " + accepted(minimum),
            context.locate(readable.path(), sbom, versionPointer(sbom.format()))));
      }
    }
    return Evaluation.failIfAny(
        findings,
        "an SBOM is not in an accepted format version (" + accepted(minimum) + ")",
        "every SBOM is in an accepted format version (" + accepted(minimum) + ")");
  }

  private static String accepted(Map<String, String> minimum) {
    List<String> out = new ArrayList<>();
    minimum.forEach((family, version) -> out.add((family.equals("cyclonedx") ? "CycloneDX" : "SPDX") + " " + version + " or later"));
    return String.join(", ", out);
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
