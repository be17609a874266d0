package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * DQI-011: the software inventory is served as CycloneDX or SPDX (at or above the minimum version
 * the pack names, when the media type states a version) — at the rule's severity; vulnerability
 * status as CycloneDX VEX, OpenVEX, CSAF or a link to them, security events and exported logs in a
 * documented log format (syslog RFC 5424, CEF, IHE ATNA) — warnings.
 *
 * <p>Parameter {@code inventoryMinimum} (required): minimum version per family, e.g.
 * {@code {cyclonedx: "1.2", spdx: "2.2"}}.
 */
public final class DqiFormatsCheck extends DqiCheck {
  private static final Pattern VERSION = Pattern.compile("version\\s*=\\s*\"?([0-9]+(?:\\.[0-9]+){0,3})");
  private static final List<String> VEX = List.of("cyclonedx", "openvex", "csaf", "text/uri-list");
  private static final List<String> LOGS = List.of("syslog", "rfc5424", "rfc 5424", "cef", "atna", "leef");

  @Override
  public String name() {
    return "dqi.formats";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of("inventoryMinimum"));
    JsonNode min = params.get("inventoryMinimum");
    if (min == null || !min.isObject() || !min.path("cyclonedx").isTextual() || !min.path("spdx").isTextual()) {
      throw new IllegalArgumentException("'inventoryMinimum' must give cyclonedx and spdx minimum versions, e.g. {cyclonedx: \"1.2\", spdx: \"2.2\"}");
    }
  }

  @Override
  Evaluation decide(Run run) {
    JsonNode min = run.context.params().get("inventoryMinimum");
    List<DqiManifest.Query> queries = run.dqi().queries();
    for (int q = 0; q < queries.size(); q++) {
      DqiManifest.Query query = queries.get(q);
      String base = "/dqi/queries/" + q + "/formats";
      String category = query.category().orElse("");
      List<String> formats = query.formats();
      if (category.equals("software-inventory")) {
        boolean sbomFamily = false;
        for (int f = 0; f < formats.size(); f++) {
          String family = family(formats.get(f));
          if (family == null) {
            continue;
          }
          sbomFamily = true;
          Optional<String> version = version(formats.get(f));
          if (version.isPresent() && compare(version.get(), min.get(family).asText()) < 0) {
            run.add(base + "/" + f, queryName(query, q) + " serves the inventory as " + formats.get(f) + ", older than "
                + family + " " + min.get(family).asText());
          }
        }
        if (!sbomFamily) {
          run.add(formats.isEmpty() ? "/dqi/queries/" + q : base, queryName(query, q)
              + " serves the software inventory in no standard SBOM format (CycloneDX or SPDX): " + formats);
        }
      } else if (category.equals("vulnerability-status") && formats.stream().noneMatch(f -> matchesAny(f, VEX))) {
        run.add(Severity.WARNING, formats.isEmpty() ? "/dqi/queries/" + q : base, queryName(query, q)
            + " serves vulnerability status in no VEX format (CycloneDX VEX, OpenVEX, CSAF) and no link to one: " + formats);
      } else if (category.equals("security-events") && formats.stream().noneMatch(f -> matchesAny(f, LOGS))) {
        run.add(Severity.WARNING, formats.isEmpty() ? "/dqi/queries/" + q : base, queryName(query, q)
            + " serves security events in no documented log format (syslog RFC 5424, CEF, IHE ATNA): " + formats);
      }
    }
    run.dqi().logging().ifPresent(l -> {
      if (!l.exportFormats().isEmpty() && l.exportFormats().stream().noneMatch(f -> matchesAny(f, LOGS))) {
        run.add(Severity.WARNING, "/dqi/logging/exportFormats", "audit logs are exported in no documented log format: " + l.exportFormats());
      }
    });
    return Evaluation.failIfAny(run.findings, "a DQI response format is not a standard one",
        "DQI responses use standard formats (inventory: CycloneDX or SPDX)");
  }

  private static String family(String format) {
    String f = format.toLowerCase(Locale.ROOT);
    return f.contains("cyclonedx") ? "cyclonedx" : f.contains("spdx") ? "spdx" : null;
  }

  private static Optional<String> version(String format) {
    Matcher m = VERSION.matcher(format.toLowerCase(Locale.ROOT));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static boolean matchesAny(String format, List<String> needles) {
    String f = format.toLowerCase(Locale.ROOT);
    return needles.stream().anyMatch(f::contains);
  }

  /** Compares dotted versions part by part as numbers; a missing part counts as 0. */
  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      long p = i < x.length ? Long.parseLong(x[i]) : 0;
      long q = i < y.length ? Long.parseLong(y[i]) : 0;
      if (p != q) {
        return Long.compare(p, q);
      }
    }
    return 0;
  }
}
