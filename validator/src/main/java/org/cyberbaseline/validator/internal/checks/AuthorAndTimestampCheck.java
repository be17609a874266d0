package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cyberbaseline.sbom.Party;
import org.cyberbaseline.sbom.Sbom;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * The SBOM names who assembled its data (a person or organisation; a tool alone does not count,
 * because the element asks for the entity responsible, not the program it ran) and when: an RFC 3339
 * date-time that is not later than the submission date.
 */
public final class AuthorAndTimestampCheck implements CheckType {
  @Override
  public String name() {
    return "sbom.author-and-timestamp";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of());
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    List<ReadableSbom> sboms = SbomCheckSupport.readable(context);
    if (sboms.isEmpty()) {
      return new Evaluation.NotApplicable(SbomCheckSupport.NO_READABLE_SBOM);
    }
    List<Finding> findings = new ArrayList<>();
    for (ReadableSbom readable : sboms) {
      String path = readable.path();
      Sbom sbom = readable.sbom();
      List<Party> authors =
          sbom.metadata().authors().stream().filter(a -> !a.name().isBlank() && !SbomCheckSupport.isExplicitUnknown(a.name())).toList();
      if (authors.isEmpty()) {
        String message =
            sbom.metadata().tools().isEmpty()
                ? "no author of the SBOM data (person or organisation) is named"
                : "only the generating tool is named; name the person or organisation responsible for the SBOM data"
                    + " (CycloneDX metadata.authors or metadata.manufacturer)";
        findings.add(context.finding(message, context.locate(path, sbom, sbom.metadata().pointer())));
      }
      if (sbom.metadata().timestamp().isEmpty()) {
        findings.add(
            context.finding(
                "the SBOM has no timestamp of when its data was assembled",
                context.locate(path, sbom, sbom.metadata().pointer())));
        continue;
      }
      String text = sbom.metadata().timestamp().get();
      OffsetDateTime timestamp;
      try {
        timestamp = OffsetDateTime.parse(text);
      } catch (DateTimeParseException e) {
        findings.add(
            context.finding(
                "timestamp '" + abbreviate(text) + "' is not an RFC 3339 date-time with offset (e.g. 2026-11-18T09:30:00Z)",
                context.locate(path, sbom, sbom.metadata().timestampPointer())));
        continue;
      }
      OffsetDateTime endOfReferenceDay = context.referenceDate().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
      if (!timestamp.isBefore(endOfReferenceDay)) {
        findings.add(
            context.finding(
                "timestamp " + text + " is later than the submission date " + context.referenceDate(),
                context.locate(path, sbom, sbom.metadata().timestampPointer())));
      }
    }
    return Evaluation.failIfAny(
        findings,
        "an SBOM lacks a responsible author or a valid timestamp",
        "every SBOM names its author and a valid timestamp no later than the submission date");
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
