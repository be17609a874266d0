package org.cyberbaseline.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules.md is generated from the bundled packs; this fails when someone forgets to regenerate. */
class RulesDocTest {
  @Test
  void docsRulesMdIsUpToDate() throws Exception {
    Path root = Path.of(System.getProperty("cyberbaseline.repoRoot", "..")).toAbsolutePath().normalize();
    Path doc = root.resolve("docs/rules.md");
    String generated = RulesMarkdown.render(RulePackRepository.bundled());
    if (Boolean.getBoolean("cyberbaseline.updateDocs")) {
      Files.writeString(doc, generated, StandardCharsets.UTF_8);
    }
    assertEquals(generated, Files.readString(doc, StandardCharsets.UTF_8),
        "docs/rules.md is stale; regenerate it with -Dcyberbaseline.updateDocs=true (see the file's header)");
  }
}
