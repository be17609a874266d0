package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.sbom.Sbom;
import org.cyberbaseline.sbom.SbomFormat;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * Unknown information is declared explicitly, and what is unknown is told apart from what is
 * withheld. NTIA's Known Unknowns practice asks for a completeness statement on the dependency
 * data (CycloneDX {@code compositions}); CISA's 2025 draft adds that an author distinguish
 * information that is unknown from information intentionally withheld, and the 2026 final
 * ("Explicitly Identifying Unknown Information") keeps that. A recipient treats the two
 * differently: an unknown is a gap to live with, a withheld value can be asked for.
 *
 * <p>Encoding: the CycloneDX property taxonomy's {@code cdx:cisa:unknown-information} and {@code
 * cdx:cisa:withheld-information}, one component property per field, its value the data field name.
 * A component whose native field holds an explicit unknown ("unknown", NOASSERTION, "unknown
 * provenance") must carry such a declaration for that field. SPDX has no withheld mechanism; its
 * NOASSERTION already is the unknown declaration, so the per-component part applies to CycloneDX
 * documents only.
 *
 * <p>Parameters: {@code elements} (required), an object mapping the model fields checked
 * ({@code version}, {@code supplier}, {@code manufacturer}, {@code license}) to the data field name
 * a declaration uses for them (e.g. {@code version: "Component Version"}); {@code
 * requireFieldName} (default true): a declaration covers a field only when its value is that
 * field's name; when false, any unknown/withheld declaration on the component covers its unknown
 * fields (for a source that defines no names); {@code fieldNames} (optional): the only values a
 * declaration may have; {@code requireCompositions} (default true): each SBOM must also make a
 * completeness statement.
 */
public final class SbomUnknownInformationCheck implements CheckType {
  static final String UNKNOWN_PROPERTY = "cdx:cisa:unknown-information";
  static final String WITHHELD_PROPERTY = "cdx:cisa:withheld-information";

  private static final String ELEMENTS = "elements";
  private static final String REQUIRE_FIELD_NAME = "requireFieldName";
  private static final String FIELD_NAMES = "fieldNames";
  private static final String REQUIRE_COMPOSITIONS = "requireCompositions";

  enum Element {
    VERSION,
    SUPPLIER,
    MANUFACTURER,
    LICENSE;

    /** The value as written when it is an explicit unknown. */
    Optional<String> unknownValue(Component component) {
      return switch (this) {
        case VERSION -> component.version().filter(SbomComponentProducerCheck::isUnknown);
        case SUPPLIER -> component.supplier().filter(SbomComponentProducerCheck::isUnknown);
        case MANUFACTURER -> component.manufacturer().filter(SbomComponentProducerCheck::isUnknown);
        case LICENSE -> !component.licenses().isEmpty() && component.licenses().stream().allMatch(SbomCheckSupport::isExplicitUnknown)
            ? Optional.of(component.licenses().get(0))
            : Optional.empty();
      };
    }

    /** Whether the field holds a real (not unknown) value. */
    boolean known(Component component) {
      return switch (this) {
        case VERSION -> real(component.version());
        case SUPPLIER -> real(component.supplier());
        case MANUFACTURER -> real(component.manufacturer());
        case LICENSE -> component.licenses().stream().anyMatch(l -> !l.isBlank() && !SbomCheckSupport.isExplicitUnknown(l));
      };
    }

    private static boolean real(Optional<String> value) {
      return !SbomCheckSupport.isBlank(value) && !SbomComponentProducerCheck.isUnknown(value.get());
    }

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private record Settings(Map<Element, String> elements, boolean requireFieldName, Optional<Set<String>> fieldNames,
      boolean requireCompositions) {}

  @Override
  public String name() {
    return "sbom.unknown-information";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of(ELEMENTS, REQUIRE_FIELD_NAME, FIELD_NAMES, REQUIRE_COMPOSITIONS));
    for (String flag : List.of(REQUIRE_FIELD_NAME, REQUIRE_COMPOSITIONS)) {
      if (params.has(flag) && !params.get(flag).isBoolean()) {
        throw new IllegalArgumentException("'" + flag + "' must be true or false");
      }
    }
    settings(params);
  }

  private static Settings settings(ObjectNode params) {
    JsonNode map = params.get(ELEMENTS);
    if (map == null || !map.isObject() || map.isEmpty()) {
      throw new IllegalArgumentException("'" + ELEMENTS + "' must map at least one of version, supplier, manufacturer, license"
          + " to the data field name that declares it");
    }
    Map<Element, String> elements = new LinkedHashMap<>();
    map.fields().forEachRemaining(e -> {
      Element element;
      try {
        element = Element.valueOf(e.getKey().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("unknown element '" + e.getKey() + "' in '" + ELEMENTS
            + "'; known: version, supplier, manufacturer, license");
      }
      if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()) {
        throw new IllegalArgumentException("'" + ELEMENTS + "." + e.getKey() + "' must be a data field name");
      }
      elements.put(element, e.getValue().textValue());
    });
    Optional<Set<String>> fieldNames = Optional.empty();
    JsonNode names = params.get(FIELD_NAMES);
    if (names != null) {
      if (!names.isArray() || names.isEmpty()) {
        throw new IllegalArgumentException("'" + FIELD_NAMES + "' must list at least one data field name");
      }
      Set<String> set = new HashSet<>();
      for (JsonNode n : names) {
        if (!n.isTextual() || n.textValue().isBlank()) {
          throw new IllegalArgumentException("'" + FIELD_NAMES + "' must list strings");
        }
        set.add(n.textValue());
      }
      for (String mapped : elements.values()) {
        if (!set.contains(mapped)) {
          throw new IllegalArgumentException("'" + ELEMENTS + "' maps to '" + mapped + "', which '" + FIELD_NAMES + "' does not list");
        }
      }
      fieldNames = Optional.of(Set.copyOf(set));
    }
    return new Settings(
        elements,
        params.path(REQUIRE_FIELD_NAME).asBoolean(true),
        fieldNames,
        params.path(REQUIRE_COMPOSITIONS).asBoolean(true));
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    List<ReadableSbom> sboms = SbomCheckSupport.readable(context);
    if (sboms.isEmpty()) {
      return new Evaluation.NotApplicable(SbomCheckSupport.NO_READABLE_SBOM);
    }
    Settings settings = settings(context.params());
    List<Finding> findings = new ArrayList<>();
    for (ReadableSbom readable : sboms) {
      Sbom sbom = readable.sbom();
      if (settings.requireCompositions() && sbom.compositions().isEmpty()) {
        findings.add(
            context.finding(
                "the SBOM makes no completeness statement (CycloneDX compositions), so its dependency data must be"
                    + " read as incomplete",
                context.locate(readable.path(), sbom, "")));
      }
      if (sbom.format() != SbomFormat.CYCLONEDX_JSON && sbom.format() != SbomFormat.CYCLONEDX_XML) {
        continue;
      }
      for (Component component : SbomCheckSupport.allComponents(sbom)) {
        checkComponent(context, settings, readable.path(), sbom, component, findings);
      }
    }
    return Evaluation.failIfAny(
        findings,
        "unknown information is not declared, or not told apart from withheld information",
        "every SBOM states its completeness and declares what is unknown or withheld");
  }

  private static void checkComponent(
      CheckContext context, Settings settings, String path, Sbom sbom, Component component, List<Finding> findings) {
    List<String> unknown = component.property(UNKNOWN_PROPERTY);
    List<String> withheld = component.property(WITHHELD_PROPERTY);
    if (unknown.isEmpty() && withheld.isEmpty() && settings.elements().keySet().stream().allMatch(e -> e.unknownValue(component).isEmpty())) {
      return; // the common case: nothing unknown, nothing declared
    }
    Location at = context.locate(path, sbom, component.pointer());
    String label = "component " + component.label();
    if (settings.fieldNames().isPresent()) {
      for (String value : distinct(unknown, withheld)) {
        if (!settings.fieldNames().get().contains(value.strip())) {
          findings.add(context.finding(label + " declares '" + abbreviate(value)
              + "' unknown or withheld, which is not a data field name", at));
        }
      }
    }
    for (String value : distinct(unknown, List.of())) {
      if (withheld.stream().anyMatch(w -> w.strip().equals(value.strip()))) {
        findings.add(context.finding(label + " declares '" + abbreviate(value) + "' both unknown and withheld", at));
      }
    }
    for (Map.Entry<Element, String> entry : settings.elements().entrySet()) {
      Element element = entry.getKey();
      String field = entry.getValue();
      Optional<String> written = element.unknownValue(component);
      boolean declared = settings.requireFieldName()
          ? names(unknown, field) || names(withheld, field)
          : !unknown.isEmpty() || !withheld.isEmpty();
      if (written.isPresent() && !declared) {
        findings.add(context.finding(label + " writes its " + element.id() + " as '" + abbreviate(written.get())
            + "' without saying whether it is unknown or withheld (" + UNKNOWN_PROPERTY + " / " + WITHHELD_PROPERTY
            + " '" + field + "')", at));
      } else if (settings.requireFieldName() && names(unknown, field) && element.known(component)) {
        findings.add(context.finding(label + " declares '" + field + "' unknown but gives its " + element.id(), at));
      }
    }
  }

  private static boolean names(List<String> declarations, String field) {
    return declarations.stream().anyMatch(d -> d.strip().equals(field));
  }

  private static List<String> distinct(List<String> a, List<String> b) {
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (List<String> list : List.of(a, b)) {
      for (String value : list) {
        if (seen.add(value.strip())) {
          out.add(value);
        }
      }
    }
    return out;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
