package org.cyberbaseline.bench;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Serialises a {@link SyntheticSbom} in one SBOM format. Adding a format to the benchmarks means
 * one implementation of this and one constant in {@link BenchFormat}.
 */
public interface SbomWriter {
  /** File name suffix, e.g. {@code .cdx.json}. */
  String extension();

  /** Writes the document; must produce a document valid against the format's schema. */
  void write(SyntheticSbom sbom, OutputStream out) throws IOException;
}
