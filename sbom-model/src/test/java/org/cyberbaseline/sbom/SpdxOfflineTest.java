package org.cyberbaseline.sbom;

import static org.cyberbaseline.sbom.SpdxTestSupport.spdxFixture;
import static org.cyberbaseline.sbom.TestSupport.parsed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spdx.library.ListedLicenses;

/**
 * Reading and verifying SPDX never touches the network. java-spdx-library fetches the SPDX licence
 * list from spdx.org unless told not to; the reader tells it not to (see {@link SpdxVerification}).
 *
 * <p>How a connection attempt is caught on Java 17 (the SecurityManager is deprecated for
 * removal): a {@link ProxySelector} that records every URI it is asked about and refuses it. The
 * JDK consults the default ProxySelector before every {@code URL.openConnection()} to http(s)/ftp
 * (how the library downloads) and, through the SOCKS layer, before every plain {@link Socket}
 * connect; refusing means no connection is made, so the test needs no network and cannot leak to
 * one. (NIO SocketChannels bypass it; the library does not use them.) The second test shows the
 * guard does see the library's download when the offline switch is off, so the first test can
 * fail.
 */
class SpdxOfflineTest {
  private static final SbomReader READER = new SbomReader();

  /** Records and refuses every connection the JDK asks it to route. */
  static final class RefusingProxySelector extends ProxySelector {
    final List<URI> attempts = Collections.synchronizedList(new ArrayList<>());

    @Override
    public List<Proxy> select(URI uri) {
      attempts.add(uri);
      throw new IllegalStateException("network access attempted during a test: " + uri);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
      // nothing is ever connected
    }
  }

  @Test
  void readingAndVerifyingSpdxMakesNoConnection() {
    ProxySelector previous = ProxySelector.getDefault();
    RefusingProxySelector guard = new RefusingProxySelector();
    ProxySelector.setDefault(guard);
    try {
      // The first SPDX read configures the library; earlier tests in this JVM may have done so.
      parsed(READER.read(spdxFixture("equivalence-sbom.spdx.json")));
      // Rebuild the licence list as a fresh JVM would on first use, now under the guard: it reads
      // the configuration again, so this fails if the reader did not switch the download off.
      ListedLicenses.resetListedLicenses();
      for (String fixture : List.of("equivalence-sbom.spdx.json", "equivalence-sbom.spdx", "equivalence-sbom.spdx.yaml")) {
        SbomReadResult.Parsed result = parsed(READER.read(spdxFixture(fixture)));
        assertEquals(List.of(), result.schemaProblems(), fixture + ": verified, licences resolved from the bundled list");
      }
      // Licence expressions that are not on the list make the library look harder.
      String unknownLicence =
          new String(spdxFixture("equivalence-sbom.spdx.json"), java.nio.charset.StandardCharsets.UTF_8)
              .replace("\"licenseDeclared\": \"MIT\"", "\"licenseDeclared\": \"MIT AND Not-A-Listed-Licence-1.0\"");
      assertTrue(
          parsed(READER.read(unknownLicence.getBytes(java.nio.charset.StandardCharsets.UTF_8))).schemaProblems().stream()
              .anyMatch(p -> p.message().contains("Not-A-Listed-Licence-1.0")));
      assertTrue(ListedLicenses.getListedLicenses().isSpdxListedLicenseId("Apache-2.0"), "the bundled list is in use");
      assertEquals(List.of(), guard.attempts);
      assertEquals("true", System.getProperty(SpdxVerification.OFFLINE_PROPERTY));
    } finally {
      ProxySelector.setDefault(previous);
    }
  }

  /**
   * SPDX RDF/XML is recognised, not read (no RDF store is on the classpath). Recognising it must not
   * expand or fetch external entities either.
   */
  @Test
  void rdfXmlWithExternalEntitiesIsRecognisedWithoutExpandingOrFetchingThem() {
    String xxe =
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE rdf:RDF [<!ENTITY local SYSTEM \"file:///etc/passwd\"><!ENTITY remote SYSTEM \"http://spdx.org/x\">]>\n"
            + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:spdx=\"http://spdx.org/rdf/terms#\">"
            + "<spdx:SpdxDocument><spdx:specVersion>SPDX-2.3</spdx:specVersion><spdx:name>&local;&remote;</spdx:name>"
            + "</spdx:SpdxDocument></rdf:RDF>";
    ProxySelector previous = ProxySelector.getDefault();
    RefusingProxySelector guard = new RefusingProxySelector();
    ProxySelector.setDefault(guard);
    try {
      org.cyberbaseline.schemas.JsonProblem problem =
          TestSupport.unreadable(READER.read(xxe.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertEquals(SbomReader.KEYWORD_UNSUPPORTED_FORMAT, problem.keyword());
      assertTrue(problem.message().startsWith("SPDX RDF/XML (SPDX-2.3) is recognised but not read"), problem.message());
      assertFalse(problem.message().contains("root:"), "no file content leaks into the message");
      assertEquals(List.of(), guard.attempts);
    } finally {
      ProxySelector.setDefault(previous);
    }
  }

  @Test
  void theGuardSeesTheLibrarysDownloadWhenTheOfflineSwitchIsOff() throws Exception {
    parsed(READER.read(spdxFixture("equivalence-sbom.spdx.json"))); // library configured
    String configured = System.getProperty(SpdxVerification.OFFLINE_PROPERTY);
    ProxySelector previous = ProxySelector.getDefault();
    RefusingProxySelector guard = new RefusingProxySelector();
    ProxySelector.setDefault(guard);
    try {
      System.setProperty(SpdxVerification.OFFLINE_PROPERTY, "false");
      try {
        ListedLicenses.resetListedLicenses();
      } catch (RuntimeException expected) {
        // the guard's refusal surfaces through the library
      }
      assertFalse(guard.attempts.isEmpty(), "the library went online and the guard saw it");
      assertEquals("spdx.org", guard.attempts.get(0).getHost());

      // And the guard catches the JDK's other ways out, so a different download path is caught too.
      guard.attempts.clear();
      try {
        new URL("https://spdx.org/licenses/licenses.json").openStream().close();
      } catch (IOException | RuntimeException expected) {
        // refused
      }
      try (Socket socket = new Socket()) {
        socket.connect(InetSocketAddress.createUnresolved("spdx.org", 443), 1000);
      } catch (IOException | RuntimeException expected) {
        // refused
      }
      assertEquals(2, guard.attempts.size(), guard.attempts.toString());
    } finally {
      // Put back exactly what the reader configured (not "true": that would hide a reader that
      // forgot to), and rebuild the licence list while the guard is still up.
      if (configured == null) {
        System.clearProperty(SpdxVerification.OFFLINE_PROPERTY);
      } else {
        System.setProperty(SpdxVerification.OFFLINE_PROPERTY, configured);
      }
      try {
        ListedLicenses.resetListedLicenses();
      } catch (RuntimeException refused) {
        // only when the reader did not configure offline use; the other test then fails
      } finally {
        ProxySelector.setDefault(previous);
      }
    }
  }
}
