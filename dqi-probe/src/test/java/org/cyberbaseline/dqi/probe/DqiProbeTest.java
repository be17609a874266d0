package org.cyberbaseline.dqi.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cyberbaseline.dqi.server.DqiServer;
import org.cyberbaseline.dqi.server.TestDevice;
import org.cyberbaseline.dqi.server.TestTls;
import org.cyberbaseline.dqi.server.internal.Faults;
import org.cyberbaseline.schemas.BundledSchema;
import org.cyberbaseline.schemas.LocatedJsonReader;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.RuleResult;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.ValidationReport;
import org.cyberbaseline.validator.report.HtmlReport;
import org.cyberbaseline.validator.report.JUnitXmlReport;
import org.cyberbaseline.validator.report.JsonReport;
import org.cyberbaseline.validator.report.MarkdownReport;
import org.cyberbaseline.validator.report.SarifReport;
import org.cyberbaseline.validator.report.TextReport;
import org.junit.jupiter.api.Test;

class DqiProbeTest {
  private static Map<String, Status> statuses(ValidationReport report) {
    Map<String, Status> map = new TreeMap<>();
    report.results().forEach(r -> map.put(r.ruleId(), r.status()));
    return map;
  }

  private static List<String> messages(ValidationReport report, String ruleId) {
    return report.result(ruleId).orElseThrow().findings().stream().map(Finding::message).toList();
  }

  @Test
  void correctlyConfiguredServerPassesEveryCheck() throws Exception {
    try (DqiServer server = ProbeFixture.start(b -> b)) {
      ValidationReport report = ProbeFixture.probe(server, true);
      assertEquals(List.of(), report.allFindings(), () -> TextReport.render(report, 50));
      assertEquals(Map.of("DQI-002", Status.PASS, "DQI-003", Status.PASS, "DQI-006", Status.PASS,
              "DQI-007", Status.PASS, "DQI-008", Status.PASS, "DQI-009", Status.PASS, "DQI-010", Status.PASS,
              "DQI-011", Status.PASS, "XART-005", Status.PASS), statuses(report));
      assertEquals(ValidationReport.Mode.LIVE_PROBE, report.mode());
      RuleResult dqi002 = report.result("DQI-002").orElseThrow();
      assertFalse(dqi002.citations().isEmpty(), "citations come from the bundled pack");
    }
  }

  @Test
  void withoutActiveNoMutatingRequestOrBurstIsSent() throws Exception {
    List<String> methods = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (DqiServer server = ProbeFixture.start(b -> b.auditLog(e -> methods.add(e.method())))) {
      ValidationReport report = ProbeFixture.probe(server, false);
      assertTrue(report.result("DQI-002").isEmpty());
      assertTrue(report.result("DQI-007").isEmpty());
      assertEquals(List.of("GET"), methods.stream().distinct().toList());
      assertTrue(methods.size() <= 11, "passive probe sent " + methods.size() + " requests");
    }
  }

  /** Mutual TLS: the probe presents its certificate for queries and none for the unauthenticated checks. */
  @Test
  void mutualTlsServerPassesWithTheClientCertificate() throws Exception {
    try (DqiServer server = ProbeFixture.start(b -> b.clientAuth(org.cyberbaseline.dqi.server.ClientAuth.mutualTls()))) {
      ValidationReport report = DqiProbe.probe(new DqiProbe.Options(URI.create("https://127.0.0.1:" + server.port()),
          "dqi.json", ProbeFixture.submittedManifest(), Optional.empty(), Optional.empty(),
          TestTls.get().clientContext(true), TestTls.get().clientContext(false), Optional.empty(), false, false,
          Duration.ofSeconds(5), "0", ProbeFixture.CLOCK));
      assertEquals(List.of(), report.allFindings(), () -> TextReport.render(report, 50));
      assertEquals(Status.PASS, report.result("DQI-003").orElseThrow().status());
      assertEquals(Status.PASS, report.result("DQI-009").orElseThrow().status());
    }
  }

  @Test
  void aDqiSlowerThanItsDeclaredResponseTimeIsCaughtByDqi008() throws Exception {
    var declaration = new org.cyberbaseline.dqi.DqiManifest.Availability(
        java.util.Optional.of(true), java.util.Optional.of(false), java.util.List.of(), java.util.Optional.of(100));
    byte[] manifest = org.cyberbaseline.dqi.DqiManifestWriter.toBytes(
        ProbeFixture.correct().availabilityDeclaration(declaration).build().manifest());
    assertTrue(new String(manifest, java.nio.charset.StandardCharsets.UTF_8).contains("\"maxResponseMillis\" : 100"));
    try (DqiServer server = ProbeFixture.start(b -> b.faultsForProbeTests(new Faults(false, false, false, false, 400)))) {
      // The option allows 5 s: only the manifest's own 100 ms declaration can fail this probe.
      ValidationReport report = DqiProbe.probe(new DqiProbe.Options(java.net.URI.create("https://127.0.0.1:" + server.port()),
          "dqi.json", manifest, java.util.Optional.empty(), java.util.Optional.empty(),
          TestTls.get().clientContext(false), TestTls.get().clientContext(false), java.util.Optional.of(TestDevice.TOKEN),
          false, false, java.time.Duration.ofSeconds(5), "0.1.0-SNAPSHOT", ProbeFixture.CLOCK));
      assertEquals(Status.FAIL, report.result("DQI-008").orElseThrow().status());
      assertTrue(messages(report, "DQI-008").get(0)
          .contains("above the declared bound (dqi.availability.maxResponseMillis) of 100 ms"), messages(report, "DQI-008").toString());
    }
  }

  @Test
  void writeEndpointLeftOpenIsCaughtByDqi002() throws Exception {
    try (DqiServer server = ProbeFixture.start(b -> b.faultsForProbeTests(new Faults(true, false, false, false)))) {
      ValidationReport report = ProbeFixture.probe(server, true);
      assertEquals(Status.FAIL, report.result("DQI-002").orElseThrow().status());
      assertEquals("POST was answered HTTP 204, not refused (405)", messages(report, "DQI-002").get(0));
      assertEquals(Status.PASS, report.result("DQI-003").orElseThrow().status());
    }
  }

  @Test
  void authenticationOffIsCaughtByDqi003() throws Exception {
    try (DqiServer server = ProbeFixture.start(b -> b.faultsForProbeTests(new Faults(false, true, false, false)))) {
      ValidationReport report = ProbeFixture.probe(server, false);
      assertEquals(Status.FAIL, report.result("DQI-003").orElseThrow().status());
      assertEquals("query device-identity answered HTTP 200 without credentials", messages(report, "DQI-003").get(0));
      // The identity answer carries the software version: an unauthenticated caller got it.
      assertTrue(messages(report, "DQI-003").stream().anyMatch(m -> m.contains("version string")));
    }
  }

  @Test
  void versionInServerHeaderIsCaughtByDqi003() throws Exception {
    try (DqiServer server = ProbeFixture.start(b -> b.faultsForProbeTests(new Faults(false, false, false, true)))) {
      ValidationReport report = ProbeFixture.probe(server, false);
      assertEquals(Status.FAIL, report.result("DQI-003").orElseThrow().status());
      assertTrue(messages(report, "DQI-003").get(0).contains("header server: dqi-server/2.1.0"),
          messages(report, "DQI-003").toString());
    }
  }

  @Test
  void missingRateLimitIsCaughtByDqi007() throws Exception {
    try (DqiServer server = ProbeFixture.start(b -> b.rateLimit(1_000_000, 100_000))) {
      ValidationReport report = ProbeFixture.probe(server, true);
      assertEquals(Status.FAIL, report.result("DQI-007").orElseThrow().status());
      assertEquals("25 requests in a burst (declared burst 20, 600/min) were all answered; the rate limit is not enforced",
          messages(report, "DQI-007").get(0));
    }
  }

  @Test
  void inventoryDifferentFromTheSbomIsCaughtByXart005() throws Exception {
    try (DqiServer server = ProbeFixture.start(b -> b.sbom(TestDevice.sbom("3.0.14"), TestDevice.SBOM_MEDIA_TYPE))) {
      ValidationReport report = ProbeFixture.probe(server, false);
      assertEquals(Status.FAIL, report.result("XART-005").orElseThrow().status());
      assertEquals(List.of(
              "components of sbom.cdx.json not in the inventory served: openssl 3.0.15 pkg:generic/openssl@3.0.15",
              "components served that sbom.cdx.json does not list: openssl 3.0.14 pkg:generic/openssl@3.0.14"),
          messages(report, "XART-005"));
      assertEquals(Status.PASS, report.result("DQI-011").orElseThrow().status());
    }
  }

  @Test
  void wrongMediaTypeIsCaughtByDqi011() throws Exception {
    try (DqiServer server = ProbeFixture.start(
        b -> b.sbom(TestDevice.sbom(), "application/vnd.cyclonedx+json; version=1.5"))) {
      ValidationReport report = ProbeFixture.probe(server, false);
      assertEquals(Status.FAIL, report.result("DQI-011").orElseThrow().status());
      assertTrue(messages(report, "DQI-011").get(0).startsWith(
          "query software-inventory answered Content-Type 'application/vnd.cyclonedx+json; version=1.5'"));
    }
  }

  @Test
  void activeChecksAgainstANonLoopbackAddressNeedTheExplicitFlag() {
    DqiProbe.Options options = new DqiProbe.Options(URI.create("https://192.0.2.10:8443"), "dqi.json",
        ProbeFixture.submittedManifest(), Optional.empty(), Optional.empty(), TestTls.get().clientContext(false), TestTls.get().clientContext(false),
        Optional.empty(), true, false, Duration.ofSeconds(1), "0", ProbeFixture.CLOCK);
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> DqiProbe.probe(options));
    assertTrue(refused.getMessage().startsWith("refusing active checks against 192.0.2.10"));
    assertFalse(DqiProbe.isLoopback("192.0.2.10"));
    assertTrue(DqiProbe.isLoopback("127.0.0.1"));
    assertTrue(DqiProbe.isLoopback("::1"));
  }

  @Test
  void unreadableManifestIsAnInputProblemAndNothingIsProbed() throws Exception {
    ValidationReport report = DqiProbe.probe(new DqiProbe.Options(URI.create("https://127.0.0.1:9"), "dqi.json",
        "{\"dqiManifestVersion\":\"2.0\"}".getBytes(StandardCharsets.UTF_8), Optional.empty(), Optional.empty(),
        TestTls.get().clientContext(false), TestTls.get().clientContext(false), Optional.empty(), false, false, Duration.ofSeconds(1), "0",
        ProbeFixture.CLOCK));
    assertEquals(List.of(), report.results());
    assertEquals("DQI-001", report.inputProblems().get(0).ruleId());
    assertTrue(report.inputProblems().get(0).message().contains("not supported"));
  }

  /** Every report format the project writes works on a probe report; the JSON one is report-1.0 valid. */
  @Test
  void everyReportFormatRendersAProbeReport() throws Exception {
    try (DqiServer server = ProbeFixture.start(b -> b.faultsForProbeTests(new Faults(true, false, false, false)))) {
      ValidationReport report = ProbeFixture.probe(server, true);
      byte[] json = JsonReport.toBytes(report);
      assertEquals(List.of(), org.cyberbaseline.schemas.SchemaCheck.forBundledSchemas()
          .check(BundledSchema.REPORT_1_0, new LocatedJsonReader().readJson(json)));
      assertTrue(new String(json, StandardCharsets.UTF_8).contains("\"mode\" : \"live-probe\""));
      var pack = org.cyberbaseline.rules.RulePackRepository.bundled();
      var baseline = pack.resolve(pack.select(DqiProbe.BASELINE));
      assertTrue(new String(SarifReport.toBytes(report, baseline, SarifReport.Options.DEFAULT), StandardCharsets.UTF_8)
          .contains("DQI-002"));
      assertTrue(HtmlReport.render(report, baseline).contains("DQI-002"));
      assertTrue(MarkdownReport.render(report, 10).contains("DQI-002"));
      assertTrue(new String(JUnitXmlReport.toBytes(report), StandardCharsets.UTF_8).contains("DQI-002"));
      assertTrue(TextReport.render(report, 10).contains("POST was answered HTTP 204"));
    }
  }
}
