package org.cyberbaseline.validator;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.cyberbaseline.rules.Exclusion;
import org.cyberbaseline.rules.PackRef;

/**
 * The baseline a report was produced against.
 *
 * @param exclusions inherited rules the baseline leaves out, with the reason, so a reader sees what
 *     was deliberately not checked
 */
public record BaselineSummary(
    PackRef ref, String title, LocalDate effectiveDate, List<PackRef> extendsPacks, List<Exclusion> exclusions) {
  public BaselineSummary {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    extendsPacks = List.copyOf(extendsPacks);
    exclusions = List.copyOf(exclusions);
  }
}
