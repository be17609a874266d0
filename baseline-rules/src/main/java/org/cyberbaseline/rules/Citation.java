package org.cyberbaseline.rules;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a requirement comes from.
 *
 * @param document short id of the document, as in the regulatory catalogue (e.g. NTIA-ME-2021)
 * @param section section, clause or element name as printed in that document; empty when only the
 *     document is cited
 * @param url where the document can be read, if public
 */
public record Citation(String document, String section, Optional<String> url) {
  public Citation {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(url, "url");
  }

  /** "NTIA-ME-2021 §IV Timestamp" style text for summaries. */
  public String display() {
    return section.isEmpty() ? document : document + " " + section;
  }
}
