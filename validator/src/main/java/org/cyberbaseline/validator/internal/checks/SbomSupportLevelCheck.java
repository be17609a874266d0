package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.sbom.SupportInfo;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * Every component (the primary component included) states its level of support, as FDA's premarket
 * guidance §V.A.4(b) asks ("actively maintained", "no longer maintained", "abandoned" or another
 * description), or gives a justification for why it cannot. Read from {@code cdx:fda:level-of-support}
 * and {@code cdx:fda:justification} (see {@link SupportInfo}); an explicit "unknown" level needs a
 * justification too.
 *
 * <p>A justification written as the CycloneDX FDA taxonomy suggests, {@code "<property>: <text>"},
 * counts only for the property it names; one without a recognised property prefix counts for every
 * support property.
 */
public final class SbomSupportLevelCheck implements CheckType {
  static final String LEVEL = "level-of-support";
  static final String END_OF_SUPPORT = "end-of-support-date";
  private static final Pattern PROPERTY_PREFIX = Pattern.compile(
      "^\\s*(?:cdx:fda:)?(level-of-support|end-of-support-date|end-of-life-date)\\s*:", Pattern.CASE_INSENSITIVE);

  @Override
  public String name() {
    return "sbom.level-of-support";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of());
  }

  /** Whether one of the component's justifications covers {@code property} ("level-of-support", ...). */
  static boolean justified(SupportInfo support, String property) {
    for (String justification : support.justifications()) {
      Matcher prefix = PROPERTY_PREFIX.matcher(justification);
      if (!prefix.find()) {
        if (!justification.isBlank()) {
          return true;
        }
      } else if (prefix.group(1).toLowerCase(Locale.ROOT).equals(property)
          && !justification.substring(prefix.end()).isBlank()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    List<ReadableSbom> sboms = SbomCheckSupport.readable(context);
    if (sboms.isEmpty()) {
      return new Evaluation.NotApplicable(SbomCheckSupport.NO_READABLE_SBOM);
    }
    List<Finding> findings = new ArrayList<>();
    int components = 0;
    for (ReadableSbom readable : sboms) {
      for (Component component : SbomCheckSupport.allComponents(readable.sbom())) {
        components++;
        SupportInfo support = component.support();
        Optional<String> level = support.levelOfSupport().filter(l -> !l.isBlank());
        if (level.isPresent() && !SbomCheckSupport.isExplicitUnknown(level.get())) {
          continue;
        }
        if (justified(support, LEVEL)) {
          continue;
        }
        String problem = level.isPresent()
            ? "gives level of support '" + level.get() + "' without a justification (cdx:fda:justification)"
            : "states no level of support (cdx:fda:level-of-support) and no justification (cdx:fda:justification)";
        findings.add(context.finding("component " + component.label() + " " + problem,
            context.locate(readable.path(), readable.sbom(), component.pointer())));
      }
    }
    return Evaluation.failIfAny(
        findings,
        SbomCheckSupport.plural(findings.size(), "component") + " of " + components
            + " without a level of support or a justification",
        "all " + SbomCheckSupport.plural(components, "component") + " state a level of support or justify its absence");
  }
}
