package org.cyberbaseline.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.Position;

/**
 * Tells which SBOM format a document is in from its content. File names are not consulted: in a
 * submission they are whatever the manufacturer chose, and a mislabelled file must still be
 * recognised (or honestly rejected).
 */
final class FormatSniffer {
  /** Enough of the start of a document to see its first significant character and header. */
  static final int PREFIX_BYTES = 64 * 1024;

  /** How many XML events to look through for the SPDX version before giving up on naming it. */
  private static final int XML_EVENT_BUDGET = 20_000;

  private static final String CYCLONEDX_XML_NS = "http://cyclonedx.org/schema/bom/";
  private static final String SPDX_RDF_NS = "http://spdx.org/rdf/terms";
  private static final Pattern TAG_VALUE_VERSION =
      Pattern.compile("^SPDXVersion:[ \\t]*(\\S*)", Pattern.MULTILINE);
  private static final Pattern YAML_SPDX_VERSION =
      Pattern.compile("^spdxVersion:[ \\t]*[\"']?([^\"'\\s]*)", Pattern.MULTILINE);
  private static final Pattern JSON_LD_SPDX_VERSION = Pattern.compile("/rdf/([0-9][0-9.]*)/");

  /** A format this library knows by name, with the version the document declares if it could be seen. */
  record Recognised(String formatName, Optional<String> version) {
    String describe() {
      return formatName + version.map(v -> " (" + v + ")").orElse("");
    }
  }

  /** The outcome of sniffing a non-JSON document: recognised, or why not. */
  sealed interface Sniffed {}

  record Known(Recognised format) implements Sniffed {}

  record NotKnown(JsonProblem problem) implements Sniffed {}

  private FormatSniffer() {}

  /**
   * The start of the document as text, byte-order mark and leading whitespace removed.
   */
  static String start(byte[] content) {
    String text = decode(content, PREFIX_BYTES);
    int i = 0;
    while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\uFEFF')) {
      i++;
    }
    return text.substring(i);
  }

  /**
   * Up to {@code maxBytes} of the document as text. The BOM decides the charset because producers
   * on Windows emit UTF-16 SBOMs; malformed bytes become U+FFFD rather than an error, since this
   * text is only looked at for recognition, never trusted.
   */
  private static String decode(byte[] content, int maxBytes) {
    ByteOrderMark bom = ByteOrderMark.of(content);
    Charset charset = bom.charset();
    int offset = bom.length();
    return new String(content, offset, Math.min(content.length - offset, maxBytes), charset);
  }

  private static boolean startsWith(byte[] content, int... bytes) {
    if (content.length < bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if ((content[i] & 0xFF) != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  /** Recognises a non-CycloneDX JSON document by its tell-tale top-level members. */
  static Optional<Recognised> otherJson(JsonNode root) {
    JsonNode spdxVersion = root.get("spdxVersion");
    if (spdxVersion != null) {
      return Optional.of(
          new Recognised(
              SbomFormat.SPDX_JSON.displayName(),
              spdxVersion.isTextual() ? Optional.of(spdxVersion.textValue()) : Optional.empty()));
    }
    JsonNode context = root.get("@context");
    if (context != null && context.toString().toLowerCase(Locale.ROOT).contains("spdx")) {
      Matcher m = JSON_LD_SPDX_VERSION.matcher(context.toString());
      return Optional.of(
          new Recognised(
              SbomFormat.SPDX_JSON_LD.displayName(),
              m.find() ? Optional.of(m.group(1)) : Optional.empty()));
    }
    return Optional.empty();
  }

  /** Recognises plain-text formats: SPDX tag-value and SPDX YAML. */
  static Sniffed text(String start) {
    Matcher tagValue = TAG_VALUE_VERSION.matcher(start);
    if (tagValue.find()) {
      return new Known(new Recognised(SbomFormat.SPDX_TAG_VALUE.displayName(), nonEmpty(tagValue.group(1))));
    }
    Matcher yaml = YAML_SPDX_VERSION.matcher(start);
    if (yaml.find()) {
      return new Known(new Recognised("SPDX YAML", nonEmpty(yaml.group(1))));
    }
    return new NotKnown(
        new JsonProblem("", Optional.empty(), SbomReader.NOT_RECOGNISED, SbomReader.KEYWORD_UNKNOWN_FORMAT));
  }

  /**
   * Recognises XML formats from the root element and its namespace declarations. StAX reads only
   * as far as needed, with DTDs and external entities off: the document is untrusted, and
   * recognising it must not fetch anything or expand entity bombs.
   */
  static Sniffed xml(byte[] content) {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    XMLStreamReader reader = null;
    try {
      // Handing StAX already-decoded text, not bytes: the JDK parser prints "[Fatal Error]" lines
      // to System.err for undecodable bytes, and a library must not write to the console.
      reader = factory.createXMLStreamReader(new StringReader(decode(content, content.length)));
      while (reader.hasNext() && reader.next() != XMLStreamConstants.START_ELEMENT) {
        // prolog: declaration, comments, processing instructions
      }
      if (!reader.isStartElement()) {
        return new NotKnown(
            new JsonProblem("", Optional.empty(), "XML document has no root element", "syntax"));
      }
      String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
      String local = reader.getLocalName();
      if (ns.startsWith(CYCLONEDX_XML_NS)) {
        return new Known(
            new Recognised(
                SbomFormat.CYCLONEDX_XML.displayName(),
                nonEmpty(ns.substring(CYCLONEDX_XML_NS.length()))));
      }
      if (ns.startsWith(SPDX_RDF_NS) || declaresNamespace(reader, SPDX_RDF_NS)) {
        return new Known(
            new Recognised(
                SbomFormat.SPDX_RDF.displayName(), findElementText(reader, SPDX_RDF_NS, "specVersion")));
      }
      if (ns.isEmpty() && (local.equals("Document") || local.equals("SpdxDocument"))) {
        Optional<String> version = findElementText(reader, "", "spdxVersion");
        if (version.isPresent()) {
          return new Known(new Recognised("SPDX XML", version));
        }
      }
      return new NotKnown(
          new JsonProblem(
              "",
              position(reader.getLocation()),
              SbomReader.NOT_RECOGNISED
                  + ": XML root element is <"
                  + local
                  + (ns.isEmpty() ? "" : " xmlns=\"" + ns + "\"")
                  + ">",
              SbomReader.KEYWORD_UNKNOWN_FORMAT));
    } catch (XMLStreamException e) {
      return new NotKnown(
          new JsonProblem(
              "", position(e.getLocation()), "not well-formed XML: " + firstLine(e.getMessage()), "syntax"));
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing was opened that closing could leak
        }
      }
    }
  }

  private static boolean declaresNamespace(XMLStreamReader reader, String nsPrefix) {
    for (int i = 0; i < reader.getNamespaceCount(); i++) {
      String uri = reader.getNamespaceURI(i);
      if (uri != null && uri.startsWith(nsPrefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Text of the first element with this name, looked for within a bounded number of events. A
   * truncated or broken document past that point still counts as recognised: the root already said
   * what it is.
   */
  private static Optional<String> findElementText(XMLStreamReader reader, String nsPrefix, String localName) {
    try {
      for (int budget = XML_EVENT_BUDGET; budget > 0 && reader.hasNext(); budget--) {
        if (reader.next() == XMLStreamConstants.START_ELEMENT && reader.getLocalName().equals(localName)) {
          String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
          if (nsPrefix.isEmpty() ? ns.isEmpty() : ns.startsWith(nsPrefix)) {
            return nonEmpty(reader.getElementText().strip());
          }
        }
      }
    } catch (XMLStreamException e) {
      // see above: the version just stays unnamed
    }
    return Optional.empty();
  }

  private static Optional<String> nonEmpty(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  private static Optional<Position> position(Location location) {
    if (location == null || location.getLineNumber() < 1 || location.getColumnNumber() < 1) {
      return Optional.empty();
    }
    return Optional.of(new Position(location.getLineNumber(), location.getColumnNumber()));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    // The JDK prefixes "ParseError at [row,col]:[l,c]\nMessage: "; the position is reported apart.
    int idx = message.indexOf("Message: ");
    String m = idx >= 0 ? message.substring(idx + "Message: ".length()) : message;
    int nl = m.indexOf('\n');
    return (nl >= 0 ? m.substring(0, nl) : m).strip();
  }
}
