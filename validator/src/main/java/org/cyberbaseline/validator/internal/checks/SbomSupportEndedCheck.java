package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.sbom.SupportInfo;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.DeclaredArtifact;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * Components that are no longer supported: an end-of-support (or end-of-life) date on or before the
 * reference date (the submission date), or a level of support such as "no longer maintained" or
 * "abandoned". Such a component needs a plan for updating or replacing it; whether a plan covers it
 * is a reviewer's call, so:
 *
 * <ul>
 *   <li>an unsupported component while the submission declares one of the plan artifacts is a
 *       <em>warning</em> (a reviewer must confirm the plan covers it);
 *   <li>without such a plan it is a finding at the rule's severity;
 *   <li>an unsupported <em>operating system</em> (CycloneDX type {@code operating-system}, or a CPE
 *       whose part is {@code o}) is always at the rule's severity: no plan makes an unsupported OS
 *       acceptable at submission.
 * </ul>
 *
 * <p>Dates that are not valid are left to the end-of-support-date rule. Parameters:
 * {@code unsupportedLevels} (required) — levels of support meaning "no longer supported", compared
 * case-insensitively; {@code planArtifacts} (required) — the artifacts accepted as the plan, as for
 * {@code review.document} (e.g. "supplementary:cybersecurity-management-plan").
 */
public final class SbomSupportEndedCheck implements CheckType {
  @Override
  public String name() {
    return "sbom.end-of-support";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of("unsupportedLevels", "planArtifacts"));
    unsupportedLevels(params);
    SubmissionDocumentationElementsCheck.artifactSpecs(params.get("planArtifacts"), "planArtifacts");
  }

  private static Set<String> unsupportedLevels(ObjectNode params) {
    Set<String> levels = new LinkedHashSet<>();
    SubmissionDocumentationElementsCheck.stringList(params, "unsupportedLevels")
        .forEach(level -> levels.add(level.strip().toLowerCase(Locale.ROOT)));
    return levels;
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    List<ReadableSbom> sboms = SbomCheckSupport.readable(context);
    if (sboms.isEmpty()) {
      return new Evaluation.NotApplicable(SbomCheckSupport.NO_READABLE_SBOM);
    }
    Set<String> unsupported = unsupportedLevels(context.params());
    List<String> planSpecs = SubmissionDocumentationElementsCheck.artifactSpecs(context.params().get("planArtifacts"), "planArtifacts");
    List<DeclaredArtifact> plans = SubmissionDocumentationElementsCheck.evidence(context, planSpecs);
    String planNames = plans.stream().map(DeclaredArtifact::path).collect(Collectors.joining(", "));
    LocalDate reference = context.referenceDate();
    Severity ruleSeverity = context.rule().severity();
    List<Finding> findings = new ArrayList<>();
    int components = 0;
    for (ReadableSbom readable : sboms) {
      for (Component component : SbomCheckSupport.allComponents(readable.sbom())) {
        components++;
        SupportInfo support = component.support();
        List<String> reasons = new ArrayList<>();
        support.endOfSupport().flatMap(SbomSupportDateCheck::parse).filter(d -> !d.isAfter(reference))
            .ifPresent(d -> reasons.add("end of support " + d + " is on or before " + reference));
        if (reasons.isEmpty()) {
          support.endOfLife().flatMap(SbomSupportDateCheck::parse).filter(d -> !d.isAfter(reference))
              .ifPresent(d -> reasons.add("end of life " + d + " is on or before " + reference));
        }
        Optional<String> level = support.levelOfSupport().map(l -> l.strip().toLowerCase(Locale.ROOT));
        if (level.isPresent() && unsupported.contains(level.get())) {
          reasons.add("level of support is '" + support.levelOfSupport().get().strip() + "'");
        }
        if (reasons.isEmpty()) {
          continue;
        }
        String what = "component " + component.label() + " is no longer supported (" + String.join("; ", reasons) + ")";
        Severity severity;
        String message;
        if (isOperatingSystem(component)) {
          severity = ruleSeverity;
          message = "operating-system " + what + "; an unsupported operating system cannot receive security patches,"
              + " so it has to be replaced before submission";
        } else if (!plans.isEmpty()) {
          severity = SbomCheckSupport.atMost(Severity.WARNING, ruleSeverity);
          message = what + "; a reviewer must confirm that " + planNames + " covers how it will be updated or replaced,"
              + " the risk it carries until then, and custody of its source code";
        } else {
          severity = ruleSeverity;
          message = what + ", and the submission declares no plan (accepted: " + String.join(", ", planSpecs)
              + ") for how it will be updated or replaced";
        }
        findings.add(context.finding(severity, message, context.locate(readable.path(), readable.sbom(), component.pointer())));
      }
    }
    return Evaluation.failIfAny(
        findings,
        SbomCheckSupport.plural(findings.size(), "component") + " of " + components + " no longer supported as of " + reference,
        "no component of " + components + " is past end of support as of " + reference);
  }

  /** CycloneDX type operating-system, or a CPE 2.2/2.3 whose part is "o". */
  static boolean isOperatingSystem(Component component) {
    if (component.type().map(t -> t.equalsIgnoreCase("operating-system")).orElse(false)) {
      return true;
    }
    String cpe = component.cpe().map(c -> c.strip().toLowerCase(Locale.ROOT)).orElse("");
    return cpe.startsWith("cpe:2.3:o:") || cpe.startsWith("cpe:/o:");
  }
}
