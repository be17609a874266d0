package org.cyberbaseline.sbom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fixtures and corpus access for the SPDX tests. */
final class SpdxTestSupport {
  private static Path corpus;
  private static Map<String, Row> provenance;

  private SpdxTestSupport() {}

  /** One row of the corpus' PROVENANCE.md file table. */
  record Row(String file, String format, String components, String intended, String schemaCheck) {}

  /** A fixture under src/test/resources/spdx/. */
  static byte[] spdxFixture(String name) {
    String resource = "/spdx/" + name;
    try (InputStream in = SpdxTestSupport.class.getResourceAsStream(resource)) {
      assertNotNull(in, "test resource missing: " + resource);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String spdxFixtureText(String name) {
    return new String(spdxFixture(name), StandardCharsets.UTF_8);
  }

  /** The shared corpus, found as {@code CorpusTest} finds it. */
  static synchronized Path corpus() {
    if (corpus == null) {
      List<Path> candidates = new ArrayList<>();
      String repoRoot = System.getProperty("cyberbaseline.repoRoot");
      if (repoRoot != null && !repoRoot.isBlank()) {
        candidates.add(Path.of(repoRoot).resolve("../shared/corpus").toAbsolutePath().normalize());
      }
      candidates.add(Path.of("../../shared/corpus").toAbsolutePath().normalize());
      corpus =
          candidates.stream()
              .filter(p -> Files.isRegularFile(p.resolve("PROVENANCE.md")))
              .findFirst()
              .orElseGet(() -> fail("shared corpus not found; looked in " + candidates));
    }
    return corpus;
  }

  /** PROVENANCE.md's file table by corpus-relative path. */
  static synchronized Map<String, Row> provenance() {
    if (provenance == null) {
      Path file = corpus().resolve("PROVENANCE.md");
      Map<String, Row> rows = new LinkedHashMap<>();
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.startsWith("| sbom/") && !line.startsWith("| invalid/")) {
            continue;
          }
          String[] cells = line.split("\\|", -1);
          if (cells.length < 10) {
            continue; // the summary table above the file table also starts with "| sbom/"
          }
          // | file | source | path | licence | format / version | components | intended | schema check | ...
          Row row = new Row(cells[1].strip(), cells[5].strip(), cells[6].strip(), cells[7].strip(), cells[8].strip());
          rows.put(row.file(), row);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      assertFalse(rows.isEmpty(), "no file rows in " + file);
      provenance = rows;
    }
    return provenance;
  }
}
