package org.cyberbaseline.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackDiffTest {
  @TempDir Path temp;

  @Test
  void reportsAddedRemovedAndChangedRules() throws Exception {
    Path v2 = Files.writeString(temp.resolve("v2.yaml"), """
        packFormat: "1.0"
        id: ntia-sbom-strict
        version: "2"
        title: Stricter
        effectiveDate: 2026-01-01
        extends: ["ntia-sbom@2021"]
        rules:
          - id: SBOM-015
            title: Tool name recorded
            rationale: r
            severity: error
            citations: [ { document: CISA-ME-2025D, section: "Tool Name" } ]
            appliesTo: { artifacts: [sbom] }
            check: { type: sbom.generation-context }
        overrides:
          - rule: SBOM-006
            severity: error
        exclude:
          - rule: SBOM-016
            reason: not asked by this policy
        """);
    RulePackRepository repository = RulePackRepository.builder().addFile(v2).build();
    PackDiff diff = PackDiff.between(
        repository.resolve(PackRef.parse("ntia-sbom@2021")), repository.resolve(PackRef.parse("ntia-sbom-strict@2")));
    assertEquals(List.of("SBOM-015"), diff.added().stream().map(Rule::id).toList());
    assertEquals(List.of("SBOM-016"), diff.removed().stream().map(Rule::id).toList());
    assertEquals(1, diff.changed().size());
    PackDiff.RuleChange change = diff.changed().get(0);
    assertEquals("SBOM-006", change.ruleId());
    assertEquals(List.of(new PackDiff.Change("severity", "warning", "error")), change.changes());
    String text = diff.toText();
    assertTrue(text.contains("+ SBOM-015 [error] Tool name recorded"), text);
    assertTrue(text.contains("- SBOM-016"), text);
    assertTrue(text.contains("1 added, 1 removed, 1 changed"), text);
    assertTrue(diff.toJson().contains("\"aspect\" : \"severity\""), diff.toJson());
  }

  @Test
  void aPackComparedWithItselfHasNoDifferences() throws Exception {
    RulePack pack = RulePackRepository.bundled().resolve(PackRef.parse("ntia-sbom@2021"));
    assertTrue(PackDiff.between(pack, pack).isEmpty());
  }
}
