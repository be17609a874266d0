package org.cyberbaseline.sbom;

import java.io.CharArrayReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.Position;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The official CycloneDX XML Schemas (XSD), resolved from the classpath only so that validation
 * never goes online: 1.0 to 1.6 and their {@code spdx.xsd} are the copies at the root of
 * cyclonedx-core-java's jar; 1.7 and its newer {@code spdx.xsd} ship unmodified with this module
 * ({@code org/cyberbaseline/sbom/cyclonedx-xml/}, see the NOTICE there).
 *
 * <p><b>Identity constraints are removed before compiling.</b> Every CycloneDX XSD from 1.1 on
 * declares {@code <xs:unique name="bom-ref">} with selector {@code .//*} on {@code bom}; the JDK
 * validator evaluates that super-linearly (about 16 s for 50,000 components). The schema document
 * is therefore loaded as DOM, its {@code xs:unique}, {@code xs:key} and {@code xs:keyref} elements
 * are removed in memory (the bundled files stay unmodified), and the same rule is checked in
 * linear time by {@link CycloneDxXmlDocument} while reading: a repeated bom-ref on any element is
 * reported at its second occurrence with keyword {@value CycloneDxXml#KEYWORD_UNIQUE}.
 *
 * <p>Each version's {@link Schema} is compiled once per JVM, on first use, and shared (Schema is
 * thread-safe); every validation gets its own {@link ValidatorHandler} (which is not).
 *
 * <p>Validation is a SAX pass over the already-decoded text. A content handler in front of the
 * validator tracks the pointer of the current element (same syntax as {@link CycloneDxXml}), so
 * every {@link SAXParseException} becomes a {@link JsonProblem} with that pointer, the line and
 * column the validator reported, the message without its code, and the code ("cvc-enumeration-valid",
 * "cvc-complex-type.2.4.a", ...) as keyword.
 */
final class CycloneDxXmlSchemas {
  static final String SPDX_NAMESPACE = "http://cyclonedx.org/schema/spdx";

  /** Classpath folder of the bundled 1.7 XSDs. */
  static final String BUNDLED = "/org/cyberbaseline/sbom/cyclonedx-xml/";

  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  private CycloneDxXmlSchemas() {}

  /**
   * Validates {@code text} against the XSD of {@code version}.
   *
   * @param cdxNamespace the root element's namespace, for the pointers
   * @throws RuntimeException when the schema itself cannot be loaded (a packaging error)
   */
  static List<JsonProblem> check(String version, String cdxNamespace, char[] text, int length) {
    Schema schema = schema(version);
    Collector collector = new Collector(cdxNamespace);
    try {
      ValidatorHandler validator = schema.newValidatorHandler();
      validator.setErrorHandler(collector);
      // Nothing is loaded while validating (the schema is complete), and nothing may be.
      validator.setResourceResolver((type, ns, publicId, systemId, baseUri) -> null);
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      collector.validator = validator;

      SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      XMLReader reader = factory.newSAXParser().getXMLReader();
      reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      reader.setContentHandler(collector);
      reader.setErrorHandler(collector);
      reader.parse(new InputSource(new CharArrayReader(text, 0, length)));
    } catch (SAXParseException e) {
      // already recorded by the collector's fatalError
    } catch (SAXException | ParserConfigurationException e) {
      throw new IllegalStateException("XML validator could not be set up: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading from memory: not expected
    }
    return collector.problems;
  }

  /** The compiled schema of a version, compiled on first use and shared by the whole JVM. */
  static Schema schema(String version) {
    return SCHEMAS.computeIfAbsent(version, CycloneDxXmlSchemas::compile);
  }

  /** Loads the XSD, strips its identity constraints, compiles it. */
  private static Schema compile(String version) {
    boolean bundled = version.equals("1.7");
    String xsd = (bundled ? BUNDLED : "/") + "bom-" + version + ".xsd";
    String spdx = (bundled ? BUNDLED : "/") + "spdx.xsd";
    try {
      DocumentBuilderFactory dbf = DocumentBuilderFactory.newDefaultInstance();
      dbf.setNamespaceAware(true);
      dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      dbf.setExpandEntityReferences(false);
      DocumentBuilder builder = dbf.newDocumentBuilder();
      builder.setErrorHandler(RETHROW);
      Document document;
      try (InputStream in = resource(xsd)) {
        document = builder.parse(in, "classpath:" + xsd);
      }
      removeIdentityConstraints(document);

      SchemaFactory factory = SchemaFactory.newDefaultInstance();
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setErrorHandler(RETHROW);
      factory.setResourceResolver(classpathResolver(document, spdx));
      return factory.newSchema(new DOMSource(document, "http://cyclonedx.org/schema/bom/" + version));
    } catch (IOException e) {
      throw new UncheckedIOException("CycloneDX " + version + " XSD could not be read", e);
    } catch (SAXException | ParserConfigurationException e) {
      throw new IllegalStateException("CycloneDX " + version + " XSD could not be compiled: " + e.getMessage(), e);
    }
  }

  static void removeIdentityConstraints(Document schema) {
    for (String name : List.of("unique", "key", "keyref")) {
      NodeList found = schema.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, name);
      // the list is live: collect first, then remove
      List<Node> nodes = new ArrayList<>(found.getLength());
      for (int i = 0; i < found.getLength(); i++) {
        nodes.add(found.item(i));
      }
      nodes.forEach(n -> n.getParentNode().removeChild(n));
    }
  }

  /** Serves the SPDX licence-id schema the CycloneDX XSDs import; refuses everything else. */
  private static LSResourceResolver classpathResolver(Document document, String spdx) {
    DOMImplementationLS ls = (DOMImplementationLS) document.getImplementation().getFeature("LS", "3.0");
    return (type, ns, publicId, systemId, baseUri) -> {
      if (!SPDX_NAMESPACE.equals(ns)) {
        return null; // with ACCESS_EXTERNAL_SCHEMA "" this fails the compile instead of going online
      }
      LSInput input = ls.createLSInput();
      try {
        input.setByteStream(resource(spdx));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      input.setSystemId(systemId);
      input.setPublicId(publicId);
      return input;
    };
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = CycloneDxXmlSchemas.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("classpath resource " + name + " is missing");
    }
    return in;
  }

  private static final ErrorHandler RETHROW =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
          // schema warnings (e.g. unused annotations) do not affect validation
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  /**
   * Sits between the SAX parser and the validator: tracks the current element's pointer and turns
   * the validator's errors into located problems.
   */
  private static final class Collector implements ContentHandler, ErrorHandler {
    private final String cdxNamespace;
    final List<JsonProblem> problems = new ArrayList<>();
    ValidatorHandler validator;

    // The path to the current element, by depth; counters[d] counts the children of each name of
    // the element at depth d - 1 (counters[0] counts root elements) and is reused across elements.
    private String[] names = new String[16];
    private int[] indexes = new int[16];
    private final List<Map<String, Integer>> counters = new ArrayList<>(List.of(new HashMap<>(2)));
    private int depth;

    Collector(String cdxNamespace) {
      this.cdxNamespace = cdxNamespace;
    }

    private String pointer() {
      StringBuilder out = new StringBuilder();
      for (int d = 0; d < depth; d++) {
        CycloneDxXmlDocument.appendStep(out, names[d], indexes[d]);
      }
      return out.toString();
    }

    private void record(SAXParseException e, String fallbackKeyword) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      String keyword = fallbackKeyword;
      int colon = message.indexOf(": ");
      if (message.startsWith("cvc-") && colon > 0) {
        keyword = message.substring(0, colon);
        message = message.substring(colon + 2);
      }
      Optional<Position> position =
          e.getLineNumber() >= 1 && e.getColumnNumber() >= 1
              ? Optional.of(new Position(e.getLineNumber(), e.getColumnNumber()))
              : Optional.empty();
      problems.add(new JsonProblem(pointer(), position, CycloneDxXmlDocument.abbreviateLong(message), keyword));
    }

    @Override
    public void warning(SAXParseException e) {
      // not a violation of the schema
    }

    @Override
    public void error(SAXParseException e) {
      record(e, "xsd");
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      record(e, "syntax");
      throw e;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
      validator.setDocumentLocator(locator);
    }

    @Override
    public void startDocument() throws SAXException {
      validator.startDocument();
    }

    @Override
    public void endDocument() throws SAXException {
      validator.endDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
      validator.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
      validator.endPrefixMapping(prefix);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
      String ns = uri == null ? "" : uri;
      int colon = qName == null ? -1 : qName.indexOf(':');
      String prefix = colon > 0 ? qName.substring(0, colon) : "";
      String name = depth == 0 ? localName : CycloneDxXmlDocument.stepName(ns, prefix, localName, cdxNamespace);
      if (depth == names.length) {
        names = Arrays.copyOf(names, depth * 2);
        indexes = Arrays.copyOf(indexes, depth * 2);
      }
      names[depth] = name;
      indexes[depth] = counters.get(depth).merge(name, 1, Integer::sum);
      depth++;
      if (counters.size() == depth) {
        counters.add(new HashMap<>(8));
      } else {
        counters.get(depth).clear(); // a new element: its children are counted afresh
      }
      validator.startElement(uri, localName, qName, atts);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      validator.endElement(uri, localName, qName);
      depth--;
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      validator.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
      validator.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void processingInstruction(String target, String data) throws SAXException {
      validator.processingInstruction(target, data);
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
      validator.skippedEntity(name);
    }
  }
}
