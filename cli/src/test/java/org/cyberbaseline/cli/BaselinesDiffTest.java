package org.cyberbaseline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselinesDiffTest {
  @TempDir Path temp;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void diffShowsAddedRemovedAndChangedRules() throws Exception {
    Path pack = Files.writeString(temp.resolve("strict.yaml"), """
        packFormat: "1.0"
        id: strict
        version: "1"
        title: Strict
        effectiveDate: 2026-01-01
        extends: ["ntia-sbom@2021"]
        rules: []
        overrides:
          - rule: SBOM-006
            severity: error
        exclude:
          - rule: SBOM-016
            reason: not needed
        """);
    Run text = run("baselines", "diff", "ntia-sbom@2021", "strict@1", "--pack", pack.toString());
    assertEquals(0, text.exit(), text.err());
    assertTrue(text.out().contains("- SBOM-016"), text.out());
    assertTrue(text.out().contains("~ SBOM-006"), text.out());
    assertTrue(text.out().contains("severity: warning"), text.out());
    Run json = run("baselines", "diff", "ntia-sbom@2021", "strict@1", "--pack", pack.toString(), "--json");
    assertTrue(json.out().contains("\"removed\""), json.out());
    Run list = run("baselines", "list");
    assertEquals(0, list.exit());
    assertTrue(list.out().contains("ntia-sbom@2021"), list.out());
    Run unknown = run("baselines", "diff", "ntia-sbom@2021", "nope@1");
    assertEquals(2, unknown.exit());
  }
}
