package org.cyberbaseline.sbom;

import java.util.Objects;

/**
 * A person, organisation or tool named in an SBOM (author, supplier, manufacturer).
 *
 * @param name the name as written (e-mail or URL when that is all there is)
 * @param kind what the document says the party is
 * @param pointer JSON Pointer of the party in the source document
 */
public record Party(String name, Kind kind, String pointer) {
  public enum Kind {
    PERSON,
    ORGANIZATION,
    TOOL
  }

  public Party {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(pointer, "pointer");
  }
}
