package org.cyberbaseline.sbom;

import static org.cyberbaseline.sbom.TestSupport.parsed;
import static org.cyberbaseline.sbom.TestSupport.unreadable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.Position;
import org.cyberbaseline.schemas.ReadLimits;
import org.junit.jupiter.api.Test;

/** Untrusted CycloneDX XML: entities, DOCTYPEs, broken bytes, truncation and resource limits. */
class CycloneDxXmlSecurityTest {
  private final SbomReader reader = new SbomReader();

  private SbomReadResult read(String xml) {
    return reader.read(xml.getBytes(StandardCharsets.UTF_8));
  }

  private static final String NS = "http://cyclonedx.org/schema/bom/1.6";

  @Test
  void externalEntityIsRefusedAndNeverRead() throws IOException {
    String xxe =
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE bom [<!ENTITY xxe SYSTEM \"file:///etc/hostname\">]>\n"
            + "<bom xmlns=\"" + NS + "\" version=\"1\">\n"
            + "  <components><component type=\"library\"><name>&xxe;</name></component></components>\n"
            + "</bom>\n";
    JsonProblem problem = unreadable(read(xxe));
    assertEquals("syntax", problem.keyword());
    assertTrue(problem.message().contains("DOCTYPE"), problem.message());
    assertEquals(Optional.of(2), problem.position().map(Position::line));
    assertFalse(problem.message().contains("/etc/hostname"), "the declaration is not echoed: " + problem.message());
    Path hostname = Path.of("/etc/hostname");
    if (Files.isReadable(hostname)) {
      String secret = Files.readString(hostname).strip();
      if (!secret.isEmpty()) {
        assertFalse(problem.message().contains(secret), "file content leaked: " + problem.message());
      }
    }
  }

  @Test
  void externalDtdIsRefused() {
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE bom SYSTEM \"http://localhost:1/bom.dtd\">\n<bom xmlns=\"" + NS + "\"/>\n";
    JsonProblem problem = unreadable(read(xml));
    assertEquals("syntax", problem.keyword());
    assertTrue(problem.message().contains("DOCTYPE"), problem.message());
  }

  @Test
  void schemaLocationHintsAndExternalDtdsAreNeverFetched() throws IOException {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      server.setSoTimeout(300);
      String url = "http://127.0.0.1:" + server.getLocalPort();
      String hinted =
          "<?xml version=\"1.0\"?>\n"
              + "<bom xmlns=\"" + NS + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
              + " xsi:schemaLocation=\"" + NS + " " + url + "/bom.xsd urn:x " + url + "/x.xsd\" version=\"1\">\n"
              + "  <components><component type=\"library\"><name>a</name>"
              + "<x:ext xmlns:x=\"urn:x\" xsi:schemaLocation=\"urn:x " + url + "/x2.xsd\">v</x:ext></component></components>\n"
              + "</bom>\n";
      SbomReadResult.Parsed result = parsed(read(hinted));
      assertEquals(List.of(), result.schemaProblems(), "validated against the bundled XSD only");
      unreadable(read("<?xml version=\"1.0\"?>\n<!DOCTYPE bom SYSTEM \"" + url + "/bom.dtd\">\n<bom xmlns=\"" + NS + "\"/>"));
      try (Socket connection = server.accept()) {
        throw new AssertionError("the reader connected to " + url + " from " + connection.getRemoteSocketAddress());
      } catch (SocketTimeoutException expected) {
        // nothing came
      }
    }
  }

  @Test
  void billionLaughsIsRefusedQuickly() {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE bom [\n <!ENTITY lol0 \"lol\">\n");
    for (int i = 1; i <= 12; i++) {
      xml.append(" <!ENTITY lol").append(i).append(" \"");
      for (int j = 0; j < 10; j++) {
        xml.append("&lol").append(i - 1).append(';');
      }
      xml.append("\">\n");
    }
    xml.append("]>\n<bom xmlns=\"" + NS + "\"><components><component type=\"library\"><name>&lol12;</name></component></components></bom>\n");
    JsonProblem problem =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> unreadable(read(xml.toString())));
    assertEquals("syntax", problem.keyword());
    assertTrue(problem.message().contains("DOCTYPE"), problem.message());
  }

  @Test
  void undeclaredEntityIsASyntaxError() {
    JsonProblem problem = unreadable(read("<bom xmlns=\"" + NS + "\">\n<components>&nope;</components></bom>"));
    assertEquals("syntax", problem.keyword());
    assertEquals(Optional.of(2), problem.position().map(Position::line));
  }

  @Test
  void truncatedAndGarbledDocumentsAreLocatedSyntaxErrors() {
    JsonProblem truncated =
        unreadable(read("<?xml version=\"1.0\"?>\n<bom xmlns=\"" + NS + "\">\n  <components>\n    <component type=\"lib"));
    assertEquals("syntax", truncated.keyword());
    assertEquals(Optional.of(4), truncated.position().map(Position::line));
    assertTrue(truncated.message().startsWith("not well-formed XML: "), truncated.message());

    JsonProblem mismatched = unreadable(read("<bom xmlns=\"" + NS + "\">\n<components></component></bom>"));
    assertEquals("syntax", mismatched.keyword());
    assertEquals(Optional.of(2), mismatched.position().map(Position::line));

    JsonProblem trailing = unreadable(read("<bom xmlns=\"" + NS + "\"/>\n<bom xmlns=\"" + NS + "\"/>"));
    assertEquals("syntax", trailing.keyword());
  }

  @Test
  void undecodableBytesAreLocatedAndNothingIsPrinted() {
    byte[] prefix = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bom xmlns=\"" + NS + "\">\n<components><component type=\"library\"><name>")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] suffix = "</name></component></components></bom>".getBytes(StandardCharsets.US_ASCII);
    byte[] content = new byte[prefix.length + 2 + suffix.length];
    System.arraycopy(prefix, 0, content, 0, prefix.length);
    content[prefix.length] = (byte) 0xC3; // a lead byte followed by ASCII: not UTF-8
    content[prefix.length + 1] = 'x';
    System.arraycopy(suffix, 0, content, prefix.length + 2, suffix.length);

    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    JsonProblem problem;
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      problem = unreadable(reader.read(content));
    } finally {
      System.setErr(original);
    }
    assertEquals("", captured.toString(StandardCharsets.UTF_8), "a library must not write to the console");
    assertEquals("syntax", problem.keyword());
    assertEquals(Optional.of(new Position(3, 45)), problem.position());
  }

  @Test
  void declaredAndByteOrderMarkedEncodingsAreHonoured() {
    String body = "<bom xmlns=\"" + NS + "\"><components><component type=\"library\"><name>Ærø-lib</name></component></components></bom>";
    byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + body).getBytes(StandardCharsets.ISO_8859_1);
    SbomReadResult.Parsed parsedLatin1 = parsed(reader.read(latin1));
    assertEquals(Optional.of("Ærø-lib"), parsedLatin1.sbom().components().get(0).name());
    assertEquals(List.of(), parsedLatin1.schemaProblems());

    byte[] utf16 = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + body).getBytes(StandardCharsets.UTF_16LE);
    SbomReadResult.Parsed parsed16 = parsed(reader.read(utf16));
    assertEquals(Optional.of("Ærø-lib"), parsed16.sbom().components().get(0).name());
    assertEquals(List.of(), parsed16.schemaProblems());

    byte[] unknown = ("<?xml version=\"1.0\" encoding=\"X-NO-SUCH-CHARSET\"?>\n" + body).getBytes(StandardCharsets.US_ASCII);
    JsonProblem problem = unreadable(reader.read(unknown));
    assertEquals("syntax", problem.keyword());
    assertTrue(problem.message().contains("X-NO-SUCH-CHARSET"), problem.message());
    assertTrue(Charset.isSupported("ISO-8859-1"));
  }

  @Test
  void limitsAreEnforced() {
    SbomReader strict = new SbomReader(new ReadLimits(10_000, 5, 50));

    String deep = "<bom xmlns=\"" + NS + "\"><components><component type=\"library\"><name>x</name>"
        + "<components><component type=\"library\"><name>y</name></component></components></component></components></bom>";
    JsonProblem depth = unreadable(strict.read(deep.getBytes(StandardCharsets.UTF_8)));
    assertEquals("limit", depth.keyword(), depth.message());
    assertTrue(depth.message().contains("nest"), depth.message());

    String longText = "<bom xmlns=\"" + NS + "\"><components><component type=\"library\"><name>" + "n".repeat(51)
        + "</name></component></components></bom>";
    JsonProblem text = unreadable(strict.read(longText.getBytes(StandardCharsets.UTF_8)));
    assertEquals("limit", text.keyword(), text.message());
    assertEquals("/bom/components/component[1]/name", text.pointer());

    String longAttribute = "<bom xmlns=\"" + NS + "\"><components><component type=\"library\" bom-ref=\"" + "r".repeat(51)
        + "\"><name>x</name></component></components></bom>";
    JsonProblem attribute = unreadable(strict.read(longAttribute.getBytes(StandardCharsets.UTF_8)));
    assertEquals("limit", attribute.keyword(), attribute.message());
    assertEquals("/bom/components/component[1]/@bom-ref", attribute.pointer());

    byte[] big = ("<bom xmlns=\"" + NS + "\">" + " ".repeat(10_000) + "</bom>").getBytes(StandardCharsets.UTF_8);
    assertEquals("limit", unreadable(strict.read(big)).keyword());
    assertEquals("limit", unreadable(CycloneDxXml.read(big, new ReadLimits(10_000, 5, 50))).keyword());

    // within the limits, the same shapes are fine
    assertEquals(2, parsed(reader.read(deep.getBytes(StandardCharsets.UTF_8))).sbom().components().size());
  }
}
