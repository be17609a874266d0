package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.sbom.SupportInfo;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * Every component (the primary component included) states its end-of-support date, as FDA's
 * premarket guidance §V.A.4(b) asks, as a valid RFC 3339 full-date ({@code 2028-04-30}), or gives a
 * justification for why it cannot. Read from {@code cdx:fda:end-of-support-date},
 * {@code cdx:lifecycle:milestone:endOfSupport} and SPDX 2.3 {@code validUntilDate}; SPDX writes that
 * field as a date-time, so an RFC 3339 date-time is accepted too (its date counts). A value that is
 * not a date is a finding even when a justification is present: a wrong date misleads, an absent one
 * does not.
 */
public final class SbomSupportDateCheck implements CheckType {
  private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T.+");

  @Override
  public String name() {
    return "sbom.end-of-support-date";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of());
  }

  /** The date an RFC 3339 full-date or date-time names, or empty when the text is neither. */
  static Optional<LocalDate> parse(String text) {
    String value = text.strip();
    try {
      if (FULL_DATE.matcher(value).matches()) {
        return Optional.of(LocalDate.parse(value));
      }
      if (DATE_TIME.matcher(value).matches()) {
        return Optional.of(OffsetDateTime.parse(value).toLocalDate());
      }
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.empty();
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
        Optional<String> date = support.endOfSupport().filter(d -> !d.isBlank());
        String problem = null;
        if (date.isPresent()) {
          if (SbomCheckSupport.isExplicitUnknown(date.get())) {
            if (!SbomSupportLevelCheck.justified(support, SbomSupportLevelCheck.END_OF_SUPPORT)) {
              problem = "gives end-of-support date '" + date.get().strip() + "' without a justification (cdx:fda:justification)";
            }
          } else if (parse(date.get()).isEmpty()) {
            problem = "gives end-of-support date '" + abbreviate(date.get()) + "', which is not an RFC 3339 full-date (YYYY-MM-DD)";
          }
        } else if (!SbomSupportLevelCheck.justified(support, SbomSupportLevelCheck.END_OF_SUPPORT)) {
          problem = "states no end-of-support date (cdx:fda:end-of-support-date) and no justification (cdx:fda:justification)";
        }
        if (problem != null) {
          findings.add(context.finding("component " + component.label() + " " + problem,
              context.locate(readable.path(), readable.sbom(), component.pointer())));
        }
      }
    }
    return Evaluation.failIfAny(
        findings,
        SbomCheckSupport.plural(findings.size(), "component") + " of " + components
            + " without a valid end-of-support date or a justification",
        "all " + SbomCheckSupport.plural(components, "component") + " state a valid end-of-support date or justify its absence");
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
