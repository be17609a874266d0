package org.cyberbaseline.dqi.probe.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * Which TLS versions a server accepts, one handshake per version.
 *
 * <p>TLS 1.2 and 1.3 are tried with the JDK's own TLS stack restricted to that one version. TLS 1.0 and 1.1
 * cannot be: the JDK disables them through {@code jdk.tls.disabledAlgorithms}, so this probe writes a
 * minimal ClientHello for them itself and reads only the ServerHello's version (it never completes the
 * handshake or sends application data). A server that answers it with a ServerHello of that version accepts it.
 */
public final class TlsVersions {
  private static final SecureRandom RANDOM = new SecureRandom();

  private TlsVersions() {}

  /** "1.0", "1.1", "1.2", "1.3" mapped to the JSSE names. */
  public static String jsseName(String version) {
    return switch (version) {
      case "1.0" -> "TLSv1";
      case "1.1" -> "TLSv1.1";
      case "1.2" -> "TLSv1.2";
      case "1.3" -> "TLSv1.3";
      default -> throw new IllegalArgumentException("not a TLS version: " + version);
    };
  }

  public static final List<String> ALL = List.of("1.0", "1.1", "1.2", "1.3");

  /** Whether the server at {@code address} completes a handshake (1.2/1.3) or answers a ServerHello (1.0/1.1) in {@code version}. */
  public static boolean accepts(InetSocketAddress address, String version, SSLContext context, int timeoutMillis) {
    return switch (version) {
      case "1.0" -> legacyHello(address, 0x0301, timeoutMillis);
      case "1.1" -> legacyHello(address, 0x0302, timeoutMillis);
      default -> jsseHandshake(address, jsseName(version), context, timeoutMillis);
    };
  }

  private static boolean jsseHandshake(InetSocketAddress address, String protocol, SSLContext context, int timeoutMillis) {
    try (Socket plain = new Socket()) {
      plain.connect(address, timeoutMillis);
      plain.setSoTimeout(timeoutMillis);
      try (SSLSocket socket = (SSLSocket) context.getSocketFactory()
          .createSocket(plain, address.getHostString(), address.getPort(), false)) {
        socket.setEnabledProtocols(new String[] {protocol});
        socket.startHandshake();
        return protocol.equals(socket.getSession().getProtocol());
      }
    } catch (IOException | IllegalArgumentException e) {
      // Refused (alert, reset) or our own JVM cannot speak it: either way no handshake in this version.
      // A client certificate demanded by an mTLS server still lets the version be seen (the alert comes later
      // for 1.2; for 1.3 the server's Finished precedes it), so a refused client certificate counts as accepted.
      return e.getMessage() != null && e.getMessage().contains("bad_certificate")
          || e instanceof javax.net.ssl.SSLHandshakeException h && String.valueOf(h.getMessage()).contains("certificate_required");
    }
  }

  private static boolean legacyHello(InetSocketAddress address, int version, int timeoutMillis) {
    try (Socket socket = new Socket()) {
      socket.connect(address, timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(clientHello(version));
      out.flush();
      DataInputStream in = new DataInputStream(socket.getInputStream());
      int type = in.readUnsignedByte();
      in.readUnsignedShort(); // record version
      int length = in.readUnsignedShort();
      if (type != 0x16 || length < 6) {
        return false; // an alert (0x15) or anything else: refused
      }
      int handshakeType = in.readUnsignedByte();
      in.readUnsignedByte();
      in.readUnsignedShort(); // handshake length
      int serverVersion = in.readUnsignedShort();
      return handshakeType == 2 && serverVersion == version;
    } catch (IOException e) {
      return false;
    }
  }

  /** A ClientHello offering only {@code version}, forward-secret CBC suites of that era and the usual EC groups. */
  static byte[] clientHello(int version) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(version >> 8);
    body.write(version & 0xff);
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    body.writeBytes(random);
    body.write(0); // no session id
    int[] suites = {0xC009, 0xC00A, 0xC013, 0xC014, 0x002F, 0x0035, 0x00FF};
    body.write(0);
    body.write(suites.length * 2);
    for (int s : suites) {
      body.write(s >> 8);
      body.write(s & 0xff);
    }
    body.write(1); // compression methods: null only
    body.write(0);
    byte[] extensions = {
      0x00, 0x0a, 0x00, 0x08, 0x00, 0x06, 0x00, 0x17, 0x00, 0x18, 0x00, 0x1d, // supported_groups
      0x00, 0x0b, 0x00, 0x02, 0x01, 0x00, // ec_point_formats: uncompressed
      0x00, 0x0d, 0x00, 0x0a, 0x00, 0x08, 0x04, 0x03, 0x04, 0x01, 0x02, 0x03, 0x02, 0x01 // signature_algorithms
    };
    body.write(extensions.length >> 8);
    body.write(extensions.length & 0xff);
    body.writeBytes(extensions);
    byte[] hello = body.toByteArray();
    ByteArrayOutputStream record = new ByteArrayOutputStream();
    record.write(0x16);
    record.write(0x03);
    record.write(0x01);
    int handshakeLength = hello.length + 4;
    record.write(handshakeLength >> 8);
    record.write(handshakeLength & 0xff);
    record.write(0x01);
    record.write(0);
    record.write(hello.length >> 8);
    record.write(hello.length & 0xff);
    record.writeBytes(hello);
    return record.toByteArray();
  }

}
