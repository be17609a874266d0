package org.cyberbaseline.dqi.server;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** A correctly configured reference DQI of a fictional device, for tests (also the probe's, via the test-jar). */
public final class TestDevice {
  /** The per-device token of the tests (never a real one). */
  public static final String TOKEN = "test-token-0123456789abcdefghijklmnopqrstuv";

  public static final String SBOM_MEDIA_TYPE = "application/vnd.cyclonedx+json; version=1.6";

  private TestDevice() {}

  /** A small CycloneDX 1.6 SBOM with two components; {@code variant} changes one component's version. */
  public static byte[] sbom(String opensslVersion) {
    String json = """
        {
          "bomFormat": "CycloneDX",
          "specVersion": "1.6",
          "serialNumber": "urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79",
          "version": 1,
          "metadata": {
            "component": {"type": "device", "bom-ref": "device", "name": "Test Pump", "version": "2.1.0",
              "supplier": {"name": "Test Medical"}}
          },
          "components": [
            {"type": "library", "bom-ref": "openssl", "name": "openssl", "version": "%s",
             "purl": "pkg:generic/openssl@%s", "supplier": {"name": "OpenSSL"}},
            {"type": "library", "bom-ref": "zlib", "name": "zlib", "version": "1.3.1",
             "purl": "pkg:generic/zlib@1.3.1", "supplier": {"name": "zlib"}}
          ]
        }
        """.formatted(opensslVersion, opensslVersion);
    return json.getBytes(StandardCharsets.UTF_8);
  }

  public static byte[] sbom() {
    return sbom("3.0.15");
  }

  /** The builder of a correct DQI: bearer token, 60/min burst 10, 2 threads. */
  public static DqiServer.Builder builder(Consumer<AuditEvent> audit) {
    return DqiServer.builder()
        .device(new DqiServer.Device("Test Medical", "TP-1", "Test Pump", "2.1.0", Optional.of("09520000000001"),
            Optional.empty()))
        .sbom(sbom(), SBOM_MEDIA_TYPE)
        .sbomRef("urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79")
        .patchLevel("2026-11", LocalDate.of(2026, 11, 2), List.of("TP-2026-11-01"))
        .securitySettings(Map.of("usbPorts", "disabled", "remoteService", "disabled"))
        .vex("{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"statements\":[]}".getBytes(StandardCharsets.UTF_8),
            "application/openvex+json")
        .tls(TestTls.get().serverContext())
        .clientAuth(ClientAuth.bearerToken(TOKEN))
        .rateLimit(60, 10)
        .threads(2, 8)
        .auditLog(audit);
  }
}
