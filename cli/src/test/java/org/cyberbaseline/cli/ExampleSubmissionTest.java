package org.cyberbaseline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled example submission runs through the CLI (its exact findings belong to its owner's tests). */
class ExampleSubmissionTest {
  @TempDir Path temp;

  static Path repoRoot() {
    String property = System.getProperty("cyberbaseline.repoRoot");
    return (property != null ? Path.of(property) : Path.of("..")).toAbsolutePath().normalize();
  }

  @Test
  void infusionPumpExampleValidates() throws Exception {
    Path example = repoRoot().resolve("examples/infusion-pump");
    assumeTrue(Files.isRegularFile(example.resolve("submission.json")), "no example submission at " + example);
    Path output = temp.resolve("out");

    Cli.Result result =
        Cli.run("validate", "--baseline", "ntia-sbom@2021", example.toString(), "--output", output.toString(), "--timestamp", "2026-03-01T00:00:00Z");

    assertTrue(result.exitCode() == 0 || result.exitCode() == 1, "exit " + result.exitCode() + ":\n" + result.err());
    result.assertNoStackTrace();
    assertEquals(List.of(), Cli.reportSchemaProblems(output.resolve(Cli.REPORT)));
  }
}
