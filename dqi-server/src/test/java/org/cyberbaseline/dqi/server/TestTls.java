package org.cyberbaseline.dqi.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Key material made at test time by the JDK's keytool (no network, nothing committed): a server key for
 * 127.0.0.1/localhost and a DQI client key, each self-signed, each trusting only the other.
 * Shared with the probe's tests through this module's test-jar.
 */
public final class TestTls {
  private static final char[] PASSWORD = "test-only-password".toCharArray();
  private static TestTls instance;

  private final KeyStore server;
  private final KeyStore client;
  private final Path serverTrustFile;
  private final Path clientKeyFile;

  private TestTls(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
    Path serverFile = dir.resolve("server.p12");
    clientKeyFile = dir.resolve("client.p12");
    keytool(serverFile, "server", "CN=dqi-test-device", "san=ip:127.0.0.1,dns:localhost");
    keytool(clientKeyFile, "client", "CN=dqi-test-client", null);
    server = load(serverFile);
    client = load(clientKeyFile);
    serverTrustFile = dir.resolve("server-trust.p12");
    KeyStore trust = trustStore(server.getCertificate("server"), "server");
    try (var out = Files.newOutputStream(serverTrustFile)) {
      trust.store(out, PASSWORD);
    }
  }

  /** The one set of keys of this test JVM (made on first use, about a second). */
  public static synchronized TestTls get() {
    if (instance == null) {
      try {
        Path dir = Files.createTempDirectory("dqi-tls");
        dir.toFile().deleteOnExit();
        instance = new TestTls(dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (GeneralSecurityException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
    return instance;
  }

  /** The device side: its own key, trusting the test client's certificate (for mTLS). */
  public SSLContext serverContext() {
    return context(server, trustStore(certificate(client, "client"), "client"));
  }

  /** A DQI client trusting the device; with {@code clientCertificate} it presents its own certificate. */
  public SSLContext clientContext(boolean clientCertificate) {
    return context(clientCertificate ? client : null, trustStore(certificate(server, "server"), "server"));
  }

  /** PKCS#12 file with the client key (password {@link #password()}). */
  public Path clientKeyFile() {
    return clientKeyFile;
  }

  /** PKCS#12 trust store holding the server certificate (password {@link #password()}). */
  public Path serverTrustFile() {
    return serverTrustFile;
  }

  public static String password() {
    return new String(PASSWORD);
  }

  private static void keytool(Path file, String alias, String dname, String ext)
      throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new java.util.ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", alias,
        "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-dname", dname, "-validity", "2",
        "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password(), "-keypass", password()));
    if (ext != null) {
      command.addAll(List.of("-ext", ext));
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
  }

  private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, PASSWORD);
    }
    return ks;
  }

  private static Certificate certificate(KeyStore ks, String alias) {
    try {
      return ks.getCertificate(alias);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyStore trustStore(Certificate cert, String alias) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry(alias, cert);
      return trust;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SSLContext context(KeyStore keys, KeyStore trust) {
    try {
      SSLContext ctx = SSLContext.getInstance("TLS");
      KeyManagerFactory kmf = null;
      if (keys != null) {
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
      }
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
