package org.cyberbaseline.sbom;

import java.util.Objects;

/** A component hash: algorithm as written by the producer (e.g. "SHA-256") and hex content. */
public record Hash(String algorithm, String content, String pointer) {
  public Hash {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(pointer, "pointer");
  }
}
