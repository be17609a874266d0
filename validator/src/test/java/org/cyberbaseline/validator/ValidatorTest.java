package org.cyberbaseline.validator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.report.JsonReport;
import org.junit.jupiter.api.Test;

class ValidatorTest {
  private static final Path MINIMAL_SBOM = Path.of("src/test/resources/rules/_base/minimal.cdx.json");
  private static final Path NO_IDS = Path.of("src/test/resources/rules/SBOM-006/fail/no-identifier-and-bad-purl.cdx.json");

  @Test
  void loneSbomRunsOnlySbomRulesAndExplainsTheRest() throws Exception {
    ValidationReport report = TestSupport.validator().validate(Submission.fromSbomFile(NO_IDS));
    assertEquals(ValidationReport.Mode.SBOM_ONLY, report.mode());
    assertTrue(report.device().isEmpty());
    RuleResult ids = report.result("SBOM-006").orElseThrow();
    assertEquals(Status.FAIL, ids.status());
    assertEquals(2, ids.findings().size());
    assertEquals(2, report.summary().findingsBySeverity().get(Severity.WARNING));
    assertEquals(10, report.summary().rulesByStatus().get(Status.PASS));
    assertTrue(report.hasFindingsAtOrAbove(Severity.WARNING));
    assertTrue(!report.hasFindingsAtOrAbove(Severity.ERROR));
  }

  @Test
  void sameInputsAndClockGiveByteIdenticalReports() throws Exception {
    byte[] first = JsonReport.toBytes(TestSupport.validator().validate(Submission.fromSbomFile(NO_IDS)));
    byte[] second = JsonReport.toBytes(TestSupport.validator().validate(Submission.fromSbomFile(NO_IDS)));
    assertArrayEquals(first, second);
    assertTrue(new String(first, java.nio.charset.StandardCharsets.UTF_8).contains("\"generatedAt\" : \"2026-11-29T12:00:00Z\""));
  }

  @Test
  void reportsAreValidAgainstTheReportSchema() throws Exception {
    ValidationReport report = TestSupport.validator().validate(Submission.fromSbomFile(NO_IDS));
    assertEquals(List.of(), TestSupport.reportSchemaProblems(report));
  }

  @Test
  void oneValidatorIsSafeToShareAcrossThreads() throws Exception {
    Validator validator = TestSupport.validator();
    List<Submission> inputs = List.of(Submission.fromSbomFile(MINIMAL_SBOM), Submission.fromSbomFile(NO_IDS));
    List<ValidationReport> expected = inputs.stream().map(validator::validate).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<ValidationReport>> futures = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Submission input = inputs.get(i % 2);
        futures.add(pool.submit(() -> validator.validate(input)));
      }
      for (int i = 0; i < futures.size(); i++) {
        assertEquals(expected.get(i % 2), futures.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void userPackExtendsABundledPackAndUsesAUserCheckType() throws Exception {
    Validator validator =
        Validator.builder()
            .addPackFile(Path.of("src/test/resources/packs/acme-sbom-policy.yaml"))
            .baseline(PackRef.parse("acme-sbom-policy@1"))
            .clock(TestSupport.CLOCK)
            .build();
    assertEquals(12, validator.baseline().rules().size(), "11 inherited + ORG-001, SBOM-006 replaced");
    ValidationReport report = validator.validate(Submission.fromSbomFile(NO_IDS));
    RuleResult ids = report.result("SBOM-006").orElseThrow();
    assertEquals(Severity.ERROR, ids.severity());
    assertTrue(ids.findings().stream().allMatch(f -> f.severity() == Severity.ERROR));
    RuleResult custom = report.result("ORG-001").orElseThrow();
    assertEquals(Status.FAIL, custom.status());
    assertEquals("2 components, more than 1", custom.findings().get(0).message());
    assertEquals(List.of(List.of("ORG-001"), List.of("SBOM-001")),
        List.of(List.of(report.results().get(0).ruleId()), List.of(report.results().get(1).ruleId())),
        "results are sorted by rule id");
  }

  @Test
  void configurationErrorsFailAtBuildTimeWithClearMessages() {
    ConfigurationException unknownPack =
        assertThrows(ConfigurationException.class, () -> Validator.builder().baseline("no-such-pack", "1").build());
    assertTrue(unknownPack.getMessage().contains("ntia-sbom@2021"), unknownPack.getMessage());

    ConfigurationException unknownCheck =
        assertThrows(
            ConfigurationException.class,
            () -> Validator.builder()
                .addPackFile(Path.of("src/test/resources/packs/unknown-check-type.yaml"))
                .baseline("broken-pack", "1")
                .build());
    assertTrue(unknownCheck.getMessage().contains("no.such-check"), unknownCheck.getMessage());

    ConfigurationException invalid =
        assertThrows(
            ConfigurationException.class,
            () -> Validator.builder()
                .addPackFile(Path.of("src/test/resources/packs/schema-invalid.yaml"))
                .baseline("invalid-pack", "1")
                .build());
    assertTrue(invalid.getMessage().contains("/rules/0/severity"), invalid.getMessage());
    assertTrue(invalid.getMessage().contains("(10:15)"), "line of the bad severity: " + invalid.getMessage());
  }

  @Test
  void noCheckCanCrashTheRun() throws Exception {
    byte[] hostile = ("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":" + "[".repeat(5000)
        + "]".repeat(5000) + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    ValidationReport report = TestSupport.validator().validate(Submission.ofSbom("deep.json", hostile));
    RuleResult readable = report.result("SBOM-001").orElseThrow();
    assertEquals(Status.FAIL, readable.status());
    assertTrue(readable.findings().get(0).message().toLowerCase(java.util.Locale.ROOT).contains("nesting"),
        readable.findings().get(0).message());
    assertEquals(Status.NOT_APPLICABLE, report.result("SBOM-004").orElseThrow().status());
    assertTrue(Files.exists(MINIMAL_SBOM));
  }
}
