package org.cyberbaseline.dqi.probe;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.cyberbaseline.dqi.DqiManifestWriter;
import org.cyberbaseline.dqi.server.DqiServer;
import org.cyberbaseline.dqi.server.TestDevice;
import org.cyberbaseline.dqi.server.TestTls;
import org.cyberbaseline.validator.ValidationReport;

/** The reference DQI on loopback, configured like the manifest says (600/min, burst 20) unless a test breaks it. */
final class ProbeFixture {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);

  private ProbeFixture() {}

  static DqiServer.Builder correct() {
    return TestDevice.builder(event -> {}).rateLimit(600, 20);
  }

  /** The manifest of the correctly configured server: what the device maker submitted. */
  static byte[] submittedManifest() {
    return DqiManifestWriter.toBytes(correct().build().manifest());
  }

  static DqiServer start(UnaryOperator<DqiServer.Builder> change) throws Exception {
    return change.apply(correct()).build().start();
  }

  static ValidationReport probe(DqiServer server, boolean active) throws Exception {
    return DqiProbe.probe(new DqiProbe.Options(URI.create("https://127.0.0.1:" + server.port()), "dqi.json",
        submittedManifest(), Optional.of("sbom.cdx.json"), Optional.of(TestDevice.sbom()),
        TestTls.get().clientContext(false), TestTls.get().clientContext(false), Optional.of(TestDevice.TOKEN), active, false, Duration.ofSeconds(5),
        "0.1.0-SNAPSHOT", CLOCK));
  }
}
