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
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * Every component (the primary component included) names the organisation that produced it.
 * CISA renamed NTIA's "Supplier Name" to "Software Producer" (2025 draft) and "Component Producer"
 * (2026 final) because a supplier can be a mere distributor, and the 2026 mapping puts the
 * producer in CycloneDX {@code components[].manufacturer} (SPDX: {@code originator}), not in
 * {@code supplier}. Who to ask about a vulnerability is the producer.
 *
 * <p>Parameters: {@code sources} (required), the model fields that may carry the producer, in
 * order of preference: {@code manufacturer} (CycloneDX 1.6+ manufacturer, SPDX originator) and/or
 * {@code supplier}; {@code fallbackSeverity} (optional): when set, a component whose producer is
 * found only in a later source than the first gets a finding at this severity (e.g. "names a
 * supplier but no manufacturer"); {@code unknownSeverity} (default warning) for an explicit
 * unknown ("unknown", "unknown provenance", NOASSERTION), which is honest but still a gap. Neither
 * ever exceeds the rule's own severity.
 */
public final class SbomComponentProducerCheck implements CheckType {
  private static final String SOURCES = "sources";
  private static final String FALLBACK = "fallbackSeverity";
  private static final String UNKNOWN = "unknownSeverity";

  enum Source {
    MANUFACTURER("manufacturer", "manufacturer.name (SPDX originator)"),
    SUPPLIER("supplier", "supplier.name");

    final String id;
    final String field;

    Source(String id, String field) {
      this.id = id;
      this.field = field;
    }

    Optional<String> of(Component component) {
      return this == MANUFACTURER ? component.manufacturer() : component.supplier();
    }
  }

  @Override
  public String name() {
    return "sbom.component-producer";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of(SOURCES, FALLBACK, UNKNOWN));
    sources(params);
    if (params.has(FALLBACK)) {
      SbomCheckSupport.severityParam(params, FALLBACK, Severity.WARNING);
    }
    SbomCheckSupport.severityParam(params, UNKNOWN, Severity.WARNING);
  }

  private static List<Source> sources(ObjectNode params) {
    JsonNode list = params.get(SOURCES);
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException("'" + SOURCES + "' must list manufacturer and/or supplier");
    }
    List<Source> sources = new ArrayList<>();
    for (JsonNode s : list) {
      Source source;
      try {
        source = Source.valueOf(s.asText().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown source '" + s.asText() + "' in '" + SOURCES + "'; known: manufacturer, supplier");
      }
      if (sources.contains(source)) {
        throw new IllegalArgumentException("source '" + source.id + "' is listed twice in '" + SOURCES + "'");
      }
      sources.add(source);
    }
    return sources;
  }

  /** An explicit "we do not know", including CISA 2026's "unknown provenance". */
  static boolean isUnknown(String value) {
    return SbomCheckSupport.isExplicitUnknown(value) || value.strip().equalsIgnoreCase("unknown provenance");
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    List<ReadableSbom> sboms = SbomCheckSupport.readable(context);
    if (sboms.isEmpty()) {
      return new Evaluation.NotApplicable(SbomCheckSupport.NO_READABLE_SBOM);
    }
    ObjectNode params = context.params();
    List<Source> sources = sources(params);
    Severity ruleSeverity = context.rule().severity();
    Severity unknownSeverity = SbomCheckSupport.atMost(SbomCheckSupport.severityParam(params, UNKNOWN, Severity.WARNING), ruleSeverity);
    Optional<Severity> fallbackSeverity = params.has(FALLBACK)
        ? Optional.of(SbomCheckSupport.atMost(SbomCheckSupport.severityParam(params, FALLBACK, Severity.WARNING), ruleSeverity))
        : Optional.empty();
    String fields = String.join(" or ", sources.stream().map(s -> s.field).toList());
    List<Finding> findings = new ArrayList<>();
    int components = 0;
    for (ReadableSbom readable : sboms) {
      for (Component component : SbomCheckSupport.allComponents(readable.sbom())) {
        components++;
        Source named = null;
        String unknown = null;
        for (Source source : sources) {
          Optional<String> value = source.of(component);
          if (SbomCheckSupport.isBlank(value)) {
            continue;
          }
          if (isUnknown(value.get())) {
            if (unknown == null) {
              unknown = value.get();
            }
            continue;
          }
          named = source;
          break;
        }
        if (named == null && unknown == null) {
          findings.add(context.finding("component " + component.label() + " names no producer (" + fields + ")",
              context.locate(readable.path(), readable.sbom(), component.pointer())));
        } else if (named == null) {
          findings.add(context.finding(unknownSeverity, "component " + component.label() + " declares its producer as unknown ('"
              + unknown + "')", context.locate(readable.path(), readable.sbom(), component.pointer())));
        } else if (named != sources.get(0) && fallbackSeverity.isPresent()) {
          findings.add(context.finding(fallbackSeverity.get(), "component " + component.label() + " names its producer only in "
              + named.field + "; the producer belongs in " + sources.get(0).field,
              context.locate(readable.path(), readable.sbom(), component.pointer())));
        }
      }
    }
    return Evaluation.failIfAny(
        findings,
        SbomCheckSupport.plural(findings.size(), "problem") + " with the producer across "
            + SbomCheckSupport.plural(components, "component"),
        "all " + SbomCheckSupport.plural(components, "component") + " name their producer");
  }
}
