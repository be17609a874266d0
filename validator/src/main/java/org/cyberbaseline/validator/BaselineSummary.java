package org.cyberbaseline.validator;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.cyberbaseline.rules.PackRef;

/** The baseline a report was produced against. */
public record BaselineSummary(PackRef ref, String title, LocalDate effectiveDate, List<PackRef> extendsPacks) {
  public BaselineSummary {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(effectiveDate, "effectiveDate");
    extendsPacks = List.copyOf(extendsPacks);
  }
}
