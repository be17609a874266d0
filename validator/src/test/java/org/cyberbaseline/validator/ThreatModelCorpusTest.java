package org.cyberbaseline.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cyberbaseline.rules.PackRef;
import org.junit.jupiter.api.Test;

/**
 * Every threat model of the shared corpus goes through {@code validate} inside a minimal submission
 * (manifest, one SBOM, the threat model) under {@code fda-premarket@2025.06}: no exception escapes,
 * the report is schema-valid, and the status and finding count of every TM, CTL and XART rule is
 * pinned, so what each real-world model lacks for the FDA is seen in review. Regenerate
 * deliberately with {@code -Dcyberbaseline.updateSnapshots=true} and read the diff.
 */
class ThreatModelCorpusTest {
  private static final Path SNAPSHOT = Path.of("src/test/resources/threat-model-corpus-statuses.txt");
  private static final String MANIFEST = """
      {
        "submissionFormat": "1.0",
        "submissionDate": "2026-11-20",
        "device": { "manufacturer": "Example Medical", "deviceName": "Example Connected Monitor", "model": "EM-1",
                    "softwareVersion": "1.0.0", "pathway": "510(k)-traditional", "cyberDevice": true,
                    "intendedUseEnvironments": ["hospital"] },
        "artifacts": { "sboms": [ { "path": "sbom/device.cdx.json" } ], "threatModel": { "path": "threat-model/%s" } }
      }
      """;

  @Test
  void corpusThreatModelStatusesMatchTheSnapshot() throws Exception {
    Validator validator = Validator.builder().baseline(PackRef.parse("fda-premarket@2025.06")).clock(TestSupport.CLOCK).build();
    byte[] sbom = Files.readAllBytes(Path.of("src/test/resources/rules/_base/complete/sbom/device.cdx.json"));
    List<String> lines = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(TestSupport.corpus().resolve("threat-model"))) {
      files = list.filter(Files::isRegularFile).sorted().toList();
    }
    assertTrue(files.size() >= 17, "corpus incomplete: " + files);
    for (Path file : files) {
      String name = file.getFileName().toString();
      Submission submission = Submission.builder()
          .manifest(String.format(MANIFEST, name).getBytes(StandardCharsets.UTF_8))
          .document("sbom/device.cdx.json", sbom)
          .document("threat-model/" + name, Files.readAllBytes(file))
          .build();
      ValidationReport report = validator.validate(submission);
      assertEquals(List.of(), TestSupport.reportSchemaProblems(report), name);
      lines.add(name + " " + report.results().stream()
          .filter(r -> r.ruleId().matches("(TM|CTL|XART)-.*"))
          .map(r -> r.ruleId() + "=" + r.status() + (r.findings().isEmpty() ? "" : "(" + r.findings().size() + ")"))
          .collect(Collectors.joining(" ")));
    }
    String actual = String.join("\n", lines) + "\n";
    if (Boolean.getBoolean("cyberbaseline.updateSnapshots")) {
      Files.writeString(SNAPSHOT, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(SNAPSHOT, StandardCharsets.UTF_8), actual,
        "statuses changed; if intended, regenerate with -Dcyberbaseline.updateSnapshots=true and review the diff");
  }
}
