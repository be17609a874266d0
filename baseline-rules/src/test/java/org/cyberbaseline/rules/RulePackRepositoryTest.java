package org.cyberbaseline.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackRepositoryTest {
  @TempDir Path temp;

  private static final String RULE =
      """
        - id: %s
          title: t
          rationale: r
          severity: %s
          citations: [ { document: NTIA-ME-2021, section: "§IV Timestamp" } ]
          appliesTo: { artifacts: [sbom] }
          check: { type: sbom.author-and-timestamp }
      """;

  private Path pack(String name, String id, String version, String extendsLine, String rules) throws Exception {
    return Files.writeString(
        temp.resolve(name),
        "packFormat: \"1.0\"\nid: " + id + "\nversion: \"" + version + "\"\ntitle: T\neffectiveDate: 2026-01-01\n"
            + extendsLine + "rules:\n" + rules);
  }

  @Test
  void bundledNtiaPackHasTheCatalogueRules() throws Exception {
    RulePack pack = RulePackRepository.bundled().resolve(PackRef.parse("ntia-sbom@2021"));
    assertEquals(
        List.of("SBOM-001", "SBOM-002", "SBOM-003", "SBOM-004", "SBOM-005", "SBOM-006", "SBOM-007", "SBOM-008",
            "SBOM-013", "SBOM-014", "SBOM-016"),
        pack.rules().stream().map(Rule::id).toList());
    assertEquals(LocalDate.of(2021, 7, 12), pack.effectiveDate());
    Rule supplier = pack.rule("SBOM-004").orElseThrow();
    assertEquals(Severity.ERROR, supplier.severity());
    assertEquals("NTIA-ME-2021", supplier.citations().get(0).document());
    assertEquals("§IV Data fields: Supplier Name", supplier.citations().get(0).section());
    assertEquals(Set.of(ArtifactType.SBOM), supplier.appliesTo().artifacts());
    assertEquals("sbom.component-element", supplier.check().type());
    assertEquals("supplier", supplier.check().params().get("elements").get(0).asText());
    assertEquals(Severity.WARNING, pack.rule("SBOM-006").orElseThrow().severity());
    assertEquals(Severity.INFO, pack.rule("SBOM-013").orElseThrow().severity());
  }

  /** Every citation names a catalogue document id; ids follow the catalogue's pattern. */
  @Test
  void bundledRulesUseCatalogueIdsAndDocumentIds() throws Exception {
    Pattern ruleId = Pattern.compile("(SUB|SBOM|VLN|TM|CTL|TST|LBL|PLN|DQI|XART)-\\d{3}");
    Set<String> documents = Set.of("FDCA-524B", "FDA-PMC-2023.09", "FDA-PMC-2025.06", "FDA-PMC-2026.02", "FDA-PM-2016",
        "FDA-RTA-510K-2022", "NTIA-ME-2021", "NTIA-FRAMING-2021", "CISA-ME-2025D", "CISA-ME-2026", "IEC-81001-5-1",
        "AAMI-SW96", "AAMI-TIR57", "AAMI-TIR97", "IEC-62443-4-2", "ISA-62443-4-1", "IEC-TR-60601-4-5", "MDS2-2019",
        "HSCC-JSP2", "ETSI-303645", "EU-MDR", "MDCG-2019-16", "EU-CRA", "BSI-TR-03183-2", "RFC9472", "OPENVEX-0.2.0",
        "CSAF-2.0", "CDX-1.7", "OTM-0.2.0");
    RulePackRepository repository = RulePackRepository.bundled();
    for (PackRef ref : repository.packs()) {
      for (Rule rule : repository.declared(ref).orElseThrow().rules()) {
        assertTrue(ruleId.matcher(rule.id()).matches(), ref + ": " + rule.id());
        for (Citation c : rule.citations()) {
          assertTrue(documents.contains(c.document()), ref + " " + rule.id() + " cites unknown document " + c.document());
        }
      }
    }
  }

  @Test
  void aBareIdSelectsTheVersionWithTheLatestEffectiveDate() throws Exception {
    RulePackRepository bundled = RulePackRepository.bundled();
    assertEquals(PackRef.parse("fda-premarket@2026.02"), bundled.select("fda-premarket"));
    assertEquals(PackRef.parse("fda-premarket@2023.09"), bundled.select("fda-premarket@2023.09"));
    assertEquals(PackRef.parse("cisa-sbom@2026"), bundled.select(" cisa-sbom "));

    // The effective date decides, not the order of the version strings ("0.9" sorts before "2026.02").
    Path later = Files.writeString(temp.resolve("later.yaml"), "packFormat: \"1.0\"\nid: fda-premarket\nversion: \"0.9\"\n"
        + "title: T\neffectiveDate: 2027-01-01\nextends: [\"fda-premarket@2026.02\"]\nrules: []\n");
    assertEquals(PackRef.parse("fda-premarket@0.9"), RulePackRepository.builder().addFile(later).build().select("fda-premarket"));

    RulePackException unknownVersion = assertThrows(RulePackException.class, () -> bundled.select("fda-premarket@1999"));
    assertTrue(unknownVersion.getMessage().contains("known versions of fda-premarket: 2023.09, 2025.06, 2026.02"),
        unknownVersion.getMessage());
    assertThrows(RulePackException.class, () -> bundled.select("fda"));
    assertThrows(RulePackException.class, () -> bundled.select("fda-premarket@"));
  }

  @Test
  void includeTakesSingleRulesFromAPackThatIsNotExtended() throws Exception {
    Path company = Files.writeString(temp.resolve("company.yaml"), """
        packFormat: "1.0"
        id: company
        version: "1"
        title: Company baseline
        effectiveDate: 2026-06-01
        extends: ["ntia-sbom@2021"]
        include:
          - pack: fda-premarket@2025.06
            rules: [PLN-003, SBOM-010]
        overrides:
          - rule: PLN-003
            severity: warning
        rules: []
        """);
    RulePack resolved = RulePackRepository.builder().addFile(company).build().resolve(PackRef.parse("company@1"));
    RulePack ntia = RulePackRepository.bundled().resolve(PackRef.parse("ntia-sbom@2021"));
    assertEquals(ntia.rules().size() + 2, resolved.rules().size());
    Rule patchCycle = resolved.rule("PLN-003").orElseThrow();
    assertEquals(Severity.WARNING, patchCycle.severity(), "overrides apply to included rules");
    assertEquals("FDCA-524B", patchCycle.citations().get(0).document(), "the rule comes with its citations");
    assertTrue(resolved.rule("SBOM-010").isPresent());
    assertTrue(resolved.rule("TST-001").isEmpty(), "only the named rules are taken");

    Path unknownRule = Files.writeString(temp.resolve("bad1.yaml"), """
        packFormat: "1.0"
        id: bad
        version: "1"
        title: T
        effectiveDate: 2026-06-01
        include: [ { pack: ntia-sbom@2021, rules: [PLN-003] } ]
        rules: []
        """);
    RulePackException e1 = assertThrows(RulePackException.class,
        () -> RulePackRepository.builder().addFile(unknownRule).build().resolve(PackRef.parse("bad@1")));
    assertTrue(e1.getMessage().contains("include at /include/0 (6:12) names rule PLN-003, which ntia-sbom@2021 does not define"),
        e1.getMessage());

    Path twice = Files.writeString(temp.resolve("bad2.yaml"), """
        packFormat: "1.0"
        id: twice
        version: "1"
        title: T
        effectiveDate: 2026-06-01
        extends: ["ntia-sbom@2021"]
        include: [ { pack: fda-premarket@2025.06, rules: [SBOM-004] } ]
        rules: []
        """);
    RulePackException e2 = assertThrows(RulePackException.class,
        () -> RulePackRepository.builder().addFile(twice).build().resolve(PackRef.parse("twice@1")));
    assertTrue(e2.getMessage().contains("names rule SBOM-004, which this pack already inherits"), e2.getMessage());

    Path unknownPack = Files.writeString(temp.resolve("bad3.yaml"), """
        packFormat: "1.0"
        id: nopack
        version: "1"
        title: T
        effectiveDate: 2026-06-01
        include: [ { pack: fda-premarket@1999, rules: [PLN-003] } ]
        rules: []
        """);
    RulePackException e3 = assertThrows(RulePackException.class,
        () -> RulePackRepository.builder().addFile(unknownPack).build().resolve(PackRef.parse("nopack@1")));
    assertTrue(e3.getMessage().contains("names pack fda-premarket@1999, which is not known"), e3.getMessage());
  }

  @Test
  void userPackExtendsAndOverrides() throws Exception {
    Path base = pack("base.yaml", "org-base", "1", "", RULE.formatted("ORG-001", "error") + RULE.formatted("ORG-002", "info"));
    Path child = pack("child.yaml", "org-child", "2", "extends: [\"org-base@1\"]\n", RULE.formatted("ORG-002", "warning"));
    RulePackRepository repository = RulePackRepository.builder().addFile(base).addFile(child).build();
    RulePack resolved = repository.resolve(PackRef.parse("org-child@2"));
    assertEquals(List.of("ORG-001", "ORG-002"), resolved.rules().stream().map(Rule::id).toList());
    assertEquals(Severity.WARNING, resolved.rule("ORG-002").orElseThrow().severity());
    assertEquals(List.of(PackRef.parse("org-base@1")), resolved.extendsPacks());
    assertEquals(1, repository.declared(PackRef.parse("org-child@2")).orElseThrow().rules().size());
  }

  @Test
  void overridesAndExclusionsChangeInheritedRules() throws Exception {
    Path base = pack("base.yaml", "org-base", "1", "", RULE.formatted("ORG-001", "error") + RULE.formatted("ORG-002", "info")
        + RULE.formatted("ORG-003", "info"));
    Path child = pack("child.yaml", "org-child", "2", "extends: [\"org-base@1\"]\n", "  []\n"
        + "overrides:\n  - rule: ORG-002\n    severity: error\n    params: { strict: true }\n    notes: stricter here\n"
        + "exclude:\n  - rule: ORG-003\n    reason: covered by our own process\n");
    RulePackRepository repository = RulePackRepository.builder().addFile(base).addFile(child).build();
    RulePack resolved = repository.resolve(PackRef.parse("org-child@2"));
    assertEquals(List.of("ORG-001", "ORG-002"), resolved.rules().stream().map(Rule::id).toList());
    Rule overridden = resolved.rule("ORG-002").orElseThrow();
    assertEquals(Severity.ERROR, overridden.severity());
    assertTrue(overridden.check().params().get("strict").asBoolean());
    assertEquals("sbom.author-and-timestamp", overridden.check().type(), "the check type is inherited");
    assertEquals("stricter here", overridden.notes().orElseThrow());
    assertEquals(List.of(new Exclusion("ORG-003", "covered by our own process", PackRef.parse("org-child@2"))), resolved.exclusions());
    // A grandchild inherits the exclusion record.
    Path grandchild = pack("gc.yaml", "org-gc", "3", "extends: [\"org-child@2\"]\n", "  []\n");
    RulePack gc = RulePackRepository.builder().addFile(base).addFile(child).addFile(grandchild).build()
        .resolve(PackRef.parse("org-gc@3"));
    assertEquals(1, gc.exclusions().size());
  }

  @Test
  void overridesOfUnknownRulesAreErrors() throws Exception {
    Path base = pack("base.yaml", "org-base", "1", "", RULE.formatted("ORG-001", "error"));
    Path badOverride = pack("o.yaml", "org-o", "1", "extends: [\"org-base@1\"]\n", "  []\n"
        + "overrides:\n  - rule: ORG-009\n    severity: info\n");
    RulePackException o = assertThrows(RulePackException.class,
        () -> RulePackRepository.builder().addFile(base).addFile(badOverride).build().resolve(PackRef.parse("org-o@1")));
    assertTrue(o.getMessage().contains("ORG-009") && o.getMessage().contains("/overrides/0"), o.getMessage());
    Path badExclude = pack("e.yaml", "org-e", "1", "extends: [\"org-base@1\"]\n", "  []\n"
        + "exclude:\n  - rule: ORG-009\n    reason: x\n");
    RulePackException e = assertThrows(RulePackException.class,
        () -> RulePackRepository.builder().addFile(base).addFile(badExclude).build().resolve(PackRef.parse("org-e@1")));
    assertTrue(e.getMessage().contains("ORG-009"), e.getMessage());
    Path noParent = pack("n.yaml", "org-n", "1", "", "  []\nexclude:\n  - rule: ORG-001\n    reason: x\n");
    assertThrows(RulePackException.class, () -> RulePackRepository.builder().addFile(noParent).build());
  }

  @Test
  void extendsCycleIsAnError() throws Exception {
    Path a = pack("a.yaml", "a", "1", "extends: [\"b@1\"]\n", RULE.formatted("ORG-001", "error"));
    Path b = pack("b.yaml", "b", "1", "extends: [\"a@1\"]\n", RULE.formatted("ORG-002", "error"));
    RulePackRepository repository = RulePackRepository.builder().addFile(a).addFile(b).build();
    RulePackException e = assertThrows(RulePackException.class, () -> repository.resolve(PackRef.parse("a@1")));
    assertTrue(e.getMessage().contains("cycle"), e.getMessage());
  }

  @Test
  void invalidPacksAreRejectedWithLocations() throws Exception {
    Path badSeverity = pack("bad.yaml", "bad", "1", "", RULE.formatted("ORG-001", "critical"));
    RulePackException e = assertThrows(RulePackException.class, () -> RulePackRepository.builder().addFile(badSeverity).build());
    assertEquals("/rules/0/severity", e.problems().get(0).pointer());
    assertEquals(10, e.problems().get(0).position().orElseThrow().line());

    Path duplicate = pack("dup.yaml", "dup", "1", "", RULE.formatted("ORG-001", "error") + RULE.formatted("ORG-001", "info"));
    RulePackException d = assertThrows(RulePackException.class, () -> RulePackRepository.builder().addFile(duplicate).build());
    assertEquals("/rules/1/id", d.problems().get(0).pointer());

    Path clash = pack("clash.yaml", "ntia-sbom", "2021", "", RULE.formatted("ORG-001", "error"));
    RulePackException c = assertThrows(RulePackException.class, () -> RulePackRepository.builder().addFile(clash).build());
    assertTrue(c.getMessage().contains("already defined"), c.getMessage());

    RulePackException missing = assertThrows(RulePackException.class,
        () -> RulePackRepository.builder().addFile(temp.resolve("nope.yaml")).build());
    assertTrue(missing.getMessage().contains("nope.yaml"), missing.getMessage());

    Path notYaml = Files.writeString(temp.resolve("broken.yaml"), "id: [unclosed\n");
    RulePackException syntax = assertThrows(RulePackException.class, () -> RulePackRepository.builder().addFile(notYaml).build());
    assertEquals("syntax", syntax.problems().get(0).keyword());
  }

  @Test
  void unknownPackListsTheKnownOnes() throws Exception {
    RulePackException e = assertThrows(RulePackException.class,
        () -> RulePackRepository.bundled().resolve(PackRef.parse("nope@1")));
    assertTrue(e.getMessage().contains("ntia-sbom@2021"), e.getMessage());
  }

  @Test
  void packRefSyntax() {
    assertEquals(new PackRef("fda-premarket", "2025.06"), PackRef.parse("fda-premarket@2025.06"));
    for (String bad : List.of("ntia-sbom", "@2021", "ntia-sbom@", "a@b@c", "UPPER@1", "x@ 1")) {
      assertThrows(IllegalArgumentException.class, () -> PackRef.parse(bad), bad);
    }
  }
}
