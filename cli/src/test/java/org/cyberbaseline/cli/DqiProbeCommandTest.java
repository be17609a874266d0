package org.cyberbaseline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.cyberbaseline.dqi.DqiManifestWriter;
import org.cyberbaseline.dqi.server.DqiServer;
import org.cyberbaseline.dqi.server.TestDevice;
import org.cyberbaseline.dqi.server.TestTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DqiProbeCommandTest {
  @TempDir Path dir;

  @Test
  void probesTheReferenceServerAndWritesEveryReportFormat() throws Exception {
    try (DqiServer server = TestDevice.builder(e -> {}).rateLimit(600, 20).build().start()) {
      Path manifest = Files.write(dir.resolve("dqi.json"), DqiManifestWriter.toBytes(server.manifest()));
      Path sbom = Files.write(dir.resolve("sbom.cdx.json"), TestDevice.sbom());
      Path token = Files.writeString(dir.resolve("token"), TestDevice.TOKEN + "\n");
      Path out = dir.resolve("report");
      Cli.Result result = Cli.runWithEnv(Map.of(DqiProbeCommand.PASSWORD_ENV, TestTls.password(),
              "SOURCE_DATE_EPOCH", "1700000000"),
          "dqi", "probe", "https://127.0.0.1:" + server.port(), "--manifest", manifest.toString(),
          "--sbom", sbom.toString(), "--trust-store", TestTls.get().serverTrustFile().toString(),
          "--token", "@" + token, "--active", "--format", "text,json,sarif,html,md,junit", "--output", out.toString());
      assertEquals(0, result.exitCode(), result.out() + result.err());
      assertTrue(result.out().contains("DQI-007"), result.out());
      for (String file : new String[] {"cyber-baseline-report.json", "cyber-baseline-report.sarif",
          "cyber-baseline-report.html", "cyber-baseline-report.md", "cyber-baseline-junit.xml"}) {
        assertTrue(Files.size(out.resolve(file)) > 0, file);
      }
      assertTrue(Files.readString(out.resolve("cyber-baseline-report.json")).contains("\"live-probe\""));
    }
  }

  @Test
  void wrongTokenFailsAndActiveAgainstNonLoopbackIsAUsageError() throws Exception {
    try (DqiServer server = TestDevice.builder(e -> {}).rateLimit(600, 20).build().start()) {
      Path manifest = Files.write(dir.resolve("dqi.json"), DqiManifestWriter.toBytes(server.manifest()));
      Cli.Result wrong = Cli.runWithEnv(Map.of(DqiProbeCommand.PASSWORD_ENV, TestTls.password()),
          "dqi", "probe", "https://127.0.0.1:" + server.port(), "--manifest", manifest.toString(),
          "--trust-store", TestTls.get().serverTrustFile().toString(), "--token",
          "wrong-token-0123456789abcdefghijklmnopqrstuv", "--format", "text", "--output", dir.toString());
      assertEquals(1, wrong.exitCode(), wrong.out());
      assertTrue(wrong.out().contains("answered HTTP 401 to an authenticated GET"), wrong.out());
      Cli.Result refused = Cli.runWithEnv(Map.of(), "dqi", "probe", "https://192.0.2.10:8443", "--manifest",
          manifest.toString(), "--active", "--output", dir.toString());
      assertEquals(2, refused.exitCode(), refused.out() + refused.err());
      assertTrue(refused.err().contains("--allow-non-loopback-active"), refused.err());
    }
  }
}
