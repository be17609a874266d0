package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * Every component (the primary component included) carries the named properties, each with one
 * value (repeats of the same value are tolerated) and, where a vocabulary is given, one of its values. Some guidelines require component facts
 * that no SBOM format has a native field for and define a property taxonomy instead (BSI
 * TR-03183-2: {@code bsi:component:filename}, {@code bsi:component:executable}, ...); a recipient
 * can only rely on such a fact when every component states it in the agreed spelling.
 *
 * <p>Properties are read from the normalised model: CycloneDX {@code properties}; SPDX 2.x has no
 * properties (its annotations are named {@code spdx:annotation:<type>}), so an SPDX document meets
 * this check only if the property names given are those.
 *
 * <p>Parameter {@code properties} (required): a list of {@code {name, values?}}; {@code values},
 * when given, lists the only values allowed (compared exactly).
 */
public final class SbomComponentPropertyCheck implements CheckType {
  private static final String PROPERTIES = "properties";

  private record Spec(String name, Optional<Set<String>> values) {}

  @Override
  public String name() {
    return "sbom.component-property";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of(PROPERTIES));
    specs(params);
  }

  private static List<Spec> specs(ObjectNode params) {
    JsonNode list = params.get(PROPERTIES);
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException("'" + PROPERTIES + "' must list at least one {name, values?}");
    }
    List<Spec> specs = new ArrayList<>();
    for (JsonNode entry : list) {
      if (!entry.isObject()) {
        throw new IllegalArgumentException("each entry of '" + PROPERTIES + "' must be an object {name, values?}");
      }
      entry.fieldNames().forEachRemaining(field -> {
        if (!field.equals("name") && !field.equals("values")) {
          throw new IllegalArgumentException("unknown member '" + field + "' in an entry of '" + PROPERTIES + "'; known: name, values");
        }
      });
      JsonNode name = entry.get("name");
      if (name == null || !name.isTextual() || name.textValue().isBlank()) {
        throw new IllegalArgumentException("each entry of '" + PROPERTIES + "' needs a property 'name'");
      }
      Optional<Set<String>> values = Optional.empty();
      JsonNode allowed = entry.get("values");
      if (allowed != null) {
        if (!allowed.isArray() || allowed.isEmpty()) {
          throw new IllegalArgumentException("'values' of property '" + name.textValue() + "' must list at least one value");
        }
        Set<String> set = new LinkedHashSet<>();
        for (JsonNode v : allowed) {
          if (!v.isTextual()) {
            throw new IllegalArgumentException("'values' of property '" + name.textValue() + "' must list strings");
          }
          set.add(v.textValue());
        }
        values = Optional.of(set);
      }
      specs.add(new Spec(name.textValue(), values));
    }
    return specs;
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    List<ReadableSbom> sboms = SbomCheckSupport.readable(context);
    if (sboms.isEmpty()) {
      return new Evaluation.NotApplicable(SbomCheckSupport.NO_READABLE_SBOM);
    }
    List<Spec> specs = specs(context.params());
    List<Finding> findings = new ArrayList<>();
    int components = 0;
    for (ReadableSbom readable : sboms) {
      for (Component component : SbomCheckSupport.allComponents(readable.sbom())) {
        components++;
        Location at = null;
        for (Spec spec : specs) {
          List<String> values = component.property(spec.name()).stream().filter(v -> !v.isBlank()).map(String::strip).distinct().toList();
          String problem = null;
          if (values.isEmpty()) {
            problem = "has no property " + spec.name();
          } else if (values.size() > 1) {
            problem = "gives property " + spec.name() + " " + values.size() + " different values " + abbreviate(values.toString());
          } else if (spec.values().isPresent() && !spec.values().get().contains(values.get(0))) {
            problem = "gives property " + spec.name() + " the value '" + abbreviate(values.get(0)) + "'; expected one of "
                + spec.values().get();
          }
          if (problem != null) {
            if (at == null) {
              at = context.locate(readable.path(), readable.sbom(), component.pointer());
            }
            findings.add(context.finding("component " + component.label() + " " + problem, at));
          }
        }
      }
    }
    String names = specs.stream().map(Spec::name).toList().toString();
    return Evaluation.failIfAny(
        findings,
        SbomCheckSupport.plural(findings.size(), "problem") + " with properties " + names + " across "
            + SbomCheckSupport.plural(components, "component"),
        "all " + SbomCheckSupport.plural(components, "component") + " carry " + names);
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
