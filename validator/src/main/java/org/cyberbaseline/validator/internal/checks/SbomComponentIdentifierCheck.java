package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * Every component (the primary component included) has at least one identifier that serves as a
 * look-up key (package URL, CPE, SWID tag, OmniBOR, SWHID, or an identifier property the rule
 * names), and its package URL and CPE are syntactically valid. Identifiers are how a recipient
 * matches a component against vulnerability databases; a malformed one matches nothing.
 *
 * <p>This differs from {@code sbom.component-element} with element {@code identifier} only in that
 * identifiers carried in properties count: CISA 2026's CycloneDX mapping puts UUIDs and
 * organisation-specific identifiers, for which no native field fits, in the property {@code
 * cdx:cisa:component-identifier}.
 *
 * <p>Parameter {@code identifierProperties} (optional): names of component properties whose
 * non-blank values count as identifiers.
 */
public final class SbomComponentIdentifierCheck implements CheckType {
  private static final String PROPERTIES = "identifierProperties";

  @Override
  public String name() {
    return "sbom.component-identifier";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of(PROPERTIES));
    properties(params);
  }

  private static List<String> properties(ObjectNode params) {
    JsonNode list = params.get(PROPERTIES);
    if (list == null) {
      return List.of();
    }
    if (!list.isArray()) {
      throw new IllegalArgumentException("'" + PROPERTIES + "' must list property names");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode name : list) {
      if (!name.isTextual() || name.textValue().isBlank()) {
        throw new IllegalArgumentException("'" + PROPERTIES + "' must list property names");
      }
      out.add(name.textValue());
    }
    return out;
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    List<ReadableSbom> sboms = SbomCheckSupport.readable(context);
    if (sboms.isEmpty()) {
      return new Evaluation.NotApplicable(SbomCheckSupport.NO_READABLE_SBOM);
    }
    List<String> properties = properties(context.params());
    List<Finding> findings = new ArrayList<>();
    int components = 0;
    for (ReadableSbom readable : sboms) {
      for (Component component : SbomCheckSupport.allComponents(readable.sbom())) {
        components++;
        String label = "component " + component.label();
        List<String> problems = new ArrayList<>();
        boolean any = false;
        if (component.purl().isPresent()) {
          any = true;
          IdentifierSyntax.purlProblem(component.purl().get())
              .ifPresent(why -> problems.add(
                  label + " has an invalid package URL '" + abbreviate(component.purl().get()) + "': " + why));
        }
        if (component.cpe().isPresent()) {
          any = true;
          String cpe = component.cpe().get();
          if (!IdentifierSyntax.isCpe(cpe)) {
            problems.add(label + " has a CPE that is neither CPE 2.3 nor 2.2 syntax: '" + abbreviate(cpe) + "'");
          }
        }
        any |= component.swidTagId().isPresent() || !component.otherIdentifiers().isEmpty();
        for (String property : properties) {
          any |= component.property(property).stream().anyMatch(v -> !v.isBlank());
        }
        if (!any) {
          problems.add(label + " has no unique identifier (package URL, CPE, SWID tag, OmniBOR, SWHID"
              + (properties.isEmpty() ? "" : " or property " + String.join(", ", properties)) + ")");
        }
        if (!problems.isEmpty()) {
          Location at = context.locate(readable.path(), readable.sbom(), component.pointer());
          problems.forEach(p -> findings.add(context.finding(p, at)));
        }
      }
    }
    return Evaluation.failIfAny(
        findings,
        SbomCheckSupport.plural(findings.size(), "problem") + " with identifiers across " + SbomCheckSupport.plural(components, "component"),
        "all " + SbomCheckSupport.plural(components, "component") + " have a valid unique identifier");
  }

  private static String abbreviate(String text) {
    return text.length() <= 120 ? text : text.substring(0, 117) + "...";
  }
}
