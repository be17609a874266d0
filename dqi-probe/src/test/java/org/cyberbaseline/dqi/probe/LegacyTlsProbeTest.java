package org.cyberbaseline.dqi.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.Security;
import org.cyberbaseline.dqi.server.DqiServer;
import org.cyberbaseline.dqi.server.internal.Faults;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.ValidationReport;
import org.junit.jupiter.api.Test;

/**
 * A DQI that still accepts TLS 1.0 and 1.1 is caught by DQI-006.
 *
 * <p>The JDK refuses TLSv1 and TLSv1.1 through the security property {@code jdk.tls.disabledAlgorithms},
 * which its TLS stack reads once per JVM, and no per-SSLContext or SSLParameters setting can relax it. So this
 * class rewrites the property before anything touches TLS, and the module's surefire configuration gives every
 * test class its own JVM ({@code reuseForks=false}) so that the weakened setting never reaches another test.
 */
class LegacyTlsProbeTest {
  static {
    Security.setProperty("jdk.tls.disabledAlgorithms",
        "SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024, EC keySize < 224, 3DES_EDE_CBC, anon, NULL");
  }

  @Test
  void tls10EnabledIsCaughtByDqi006() throws Exception {
    try (DqiServer server = ProbeFixture.start(b -> b.faultsForProbeTests(new Faults(false, false, true, false)))) {
      ValidationReport report = ProbeFixture.probe(server, false);
      assertEquals(Status.FAIL, report.result("DQI-006").orElseThrow().status());
      var messages = report.result("DQI-006").orElseThrow().findings().stream().map(Finding::message).toList();
      assertTrue(messages.get(0).startsWith("the DQI accepted a TLS 1.0 handshake, below the declared minimum 1.2"),
          messages.toString());
      assertTrue(messages.get(0).endsWith("(accepted: [1.0, 1.1, 1.2, 1.3])"), messages.toString());
    }
  }

  /** The same JVM, the correct server: the probe's own TLS 1.0 hello is refused, so the check is not vacuous. */
  @Test
  void correctServerRefusesTls10EvenWhenTheJvmWouldAllowIt() throws Exception {
    try (DqiServer server = ProbeFixture.start(b -> b)) {
      ValidationReport report = ProbeFixture.probe(server, false);
      assertEquals(Status.PASS, report.result("DQI-006").orElseThrow().status());
    }
  }
}
