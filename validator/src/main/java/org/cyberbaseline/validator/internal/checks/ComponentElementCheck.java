package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.sbom.Hash;
import org.cyberbaseline.sbom.Sbom;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * Every component (the primary component included) carries the named data elements.
 *
 * <p>Parameters: {@code elements} (required; any of supplier, name, version, identifier, hash,
 * license); {@code unknownSeverity} (default warning) for an explicit "unknown"/NOASSERTION, which
 * is honest but weaker than an answer; {@code weakHashSeverity} (default warning) when a component's
 * only hashes use MD5 or SHA-1. Neither ever exceeds the rule's own severity.
 */
public final class ComponentElementCheck implements CheckType {
  enum Element {
    SUPPLIER,
    NAME,
    VERSION,
    IDENTIFIER,
    HASH,
    LICENSE
  }

  private static final Set<String> WEAK_HASHES = Set.of("MD5", "SHA-1", "SHA1");
  @Override
  public String name() {
    return "sbom.component-element";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of("elements", "unknownSeverity", "weakHashSeverity"));
    elements(params);
    SbomCheckSupport.severityParam(params, "unknownSeverity", Severity.WARNING);
    SbomCheckSupport.severityParam(params, "weakHashSeverity", Severity.WARNING);
  }

  private static Set<Element> elements(ObjectNode params) {
    JsonNode list = params.get("elements");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException("'elements' must list at least one of supplier, name, version, identifier, hash, license");
    }
    Set<Element> elements = EnumSet.noneOf(Element.class);
    for (JsonNode e : list) {
      try {
        elements.add(Element.valueOf(e.asText().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException("unknown element '" + e.asText() + "' in 'elements'");
      }
    }
    return elements;
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    List<ReadableSbom> sboms = SbomCheckSupport.readable(context);
    if (sboms.isEmpty()) {
      return new Evaluation.NotApplicable(SbomCheckSupport.NO_READABLE_SBOM);
    }
    ObjectNode params = context.params();
    Set<Element> elements = elements(params);
    Severity ruleSeverity = context.rule().severity();
    Severity unknownSeverity =
        SbomCheckSupport.atMost(SbomCheckSupport.severityParam(params, "unknownSeverity", Severity.WARNING), ruleSeverity);
    Severity weakSeverity =
        SbomCheckSupport.atMost(SbomCheckSupport.severityParam(params, "weakHashSeverity", Severity.WARNING), ruleSeverity);
    List<Finding> findings = new ArrayList<>();
    int components = 0;
    for (ReadableSbom readable : sboms) {
      for (Component component : SbomCheckSupport.allComponents(readable.sbom())) {
        components++;
        Checker checker =
            new Checker(context, readable.path(), readable.sbom(), component, unknownSeverity, weakSeverity, findings);
        for (Element element : elements) {
          checker.check(element);
        }
      }
    }
    String names = elements.stream().map(e -> e.name().toLowerCase(Locale.ROOT)).toList().toString();
    return Evaluation.failIfAny(
        findings,
        SbomCheckSupport.plural(findings.size(), "problem") + " with " + names + " across "
            + SbomCheckSupport.plural(components, "component"),
        "all " + SbomCheckSupport.plural(components, "component") + " have " + names);
  }

  /**
   * Checks one component. Its location is looked up only when there is something to report: most
   * components of a large SBOM have no finding, and the lookup would then be wasted work.
   */
  private static final class Checker {
    private final CheckContext context;
    private final String path;
    private final Sbom sbom;
    private final Component component;
    private final Severity unknownSeverity;
    private final Severity weakSeverity;
    private final List<Finding> findings;
    private Location at;

    Checker(
        CheckContext context,
        String path,
        Sbom sbom,
        Component component,
        Severity unknownSeverity,
        Severity weakSeverity,
        List<Finding> findings) {
      this.context = context;
      this.path = path;
      this.sbom = sbom;
      this.component = component;
      this.unknownSeverity = unknownSeverity;
      this.weakSeverity = weakSeverity;
      this.findings = findings;
    }

    private Location at() {
      if (at == null) {
        at = context.locate(path, sbom, component.pointer());
      }
      return at;
    }

    void check(Element element) {
      switch (element) {
        case SUPPLIER -> textual(component.supplier(), "supplier", "supplier (supplier.name)");
        case NAME -> textual(component.name(), "name", "name");
        case VERSION -> textual(component.version(), "version", "version");
        case IDENTIFIER -> identifier();
        case HASH -> hash();
        case LICENSE -> license();
      }
    }

    private void textual(Optional<String> value, String what, String field) {
      if (SbomCheckSupport.isBlank(value)) {
        findings.add(context.finding("component " + component.label() + " has no " + field, at()));
      } else if (SbomCheckSupport.isExplicitUnknown(value.get())) {
        findings.add(
            context.finding(unknownSeverity, "component " + component.label() + " declares its " + what + " as unknown ('"
                + value.get() + "')", at()));
      }
    }

    private void identifier() {
      boolean any = false;
      if (component.purl().isPresent()) {
        any = true;
        IdentifierSyntax.purlProblem(component.purl().get())
            .ifPresent(why -> findings.add(
                context.finding("component " + component.label() + " has an invalid package URL '"
                    + component.purl().get() + "': " + why, at())));
      }
      if (component.cpe().isPresent()) {
        any = true;
        String cpe = component.cpe().get();
        if (!IdentifierSyntax.isCpe(cpe)) {
          findings.add(
              context.finding("component " + component.label() + " has a CPE that is neither CPE 2.3 nor 2.2 syntax: '"
                  + cpe + "'", at()));
        }
      }
      any |= component.swidTagId().isPresent() || !component.otherIdentifiers().isEmpty();
      if (!any) {
        findings.add(
            context.finding("component " + component.label()
                + " has no unique identifier (package URL, CPE, SWID tag, OmniBOR or SWHID)", at()));
      }
    }

    private void hash() {
      if (component.hashes().isEmpty()) {
        findings.add(context.finding("component " + component.label() + " has no hash", at()));
        return;
      }
      boolean strong = false;
      for (Hash hash : component.hashes()) {
        if (!WEAK_HASHES.contains(hash.algorithm().toUpperCase(Locale.ROOT))) {
          strong = true;
          break;
        }
      }
      if (!strong) {
        findings.add(
            context.finding(weakSeverity, "component " + component.label() + " is hashed only with "
                + component.hashes().stream().map(Hash::algorithm).distinct().toList()
                + "; add SHA-256 or stronger", at()));
      }
    }

    private void license() {
      if (component.licenses().isEmpty()) {
        findings.add(context.finding("component " + component.label() + " has no license information", at()));
      } else if (component.licenses().stream().allMatch(SbomCheckSupport::isExplicitUnknown)) {
        findings.add(
            context.finding(unknownSeverity, "component " + component.label() + " declares its license as unknown", at()));
      }
    }
  }
}
