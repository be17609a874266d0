package org.cyberbaseline.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.cyberbaseline.bench.SyntheticSbom.Edge;
import org.cyberbaseline.bench.SyntheticSbom.SyntheticComponent;

/** CycloneDX 1.6 XML, indented by two spaces, valid against {@code bom-1.6.xsd}; same content as the JSON. */
public final class CycloneDxXmlWriter implements SbomWriter {
  private static final String NS = "http://cyclonedx.org/schema/bom/1.6";

  @Override
  public String extension() {
    return ".cdx.xml";
  }

  @Override
  public void write(SyntheticSbom sbom, OutputStream out) throws IOException {
    try {
      Xml xml = new Xml(XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8"));
      xml.w.writeStartDocument("UTF-8", "1.0");
      xml.start("bom");
      xml.w.writeDefaultNamespace(NS);
      xml.w.writeAttribute("serialNumber", sbom.serialNumber());
      xml.w.writeAttribute("version", "1");

      xml.start("metadata");
      xml.text("timestamp", sbom.timestamp());
      xml.start("lifecycles");
      xml.start("lifecycle");
      xml.text("phase", "build");
      xml.end();
      xml.end();
      xml.start("tools");
      xml.start("components");
      xml.start("component");
      xml.w.writeAttribute("type", "application");
      xml.text("author", "Cyber Baseline");
      xml.text("name", "cyber-baseline-bench-generator");
      xml.text("version", "1.0.0");
      xml.end();
      xml.end();
      xml.end();
      xml.start("authors");
      xml.start("author");
      xml.text("name", "Jane Example");
      xml.text("email", "jane@devices.example.com");
      xml.end();
      xml.end();
      component(xml, sbom.primary(), List.of(), 0, 0);
      xml.start("manufacturer");
      xml.text("name", "Example Medical Devices Inc.");
      xml.text("url", "https://devices.example.com");
      xml.end();
      xml.end();

      List<SyntheticComponent> all = sbom.components();
      xml.start("components");
      int i = 0;
      while (i < all.size()) {
        int end = i + 1;
        while (end < all.size() && all.get(end).parent() == i) {
          end++;
        }
        component(xml, all.get(i), all, i + 1, end);
        i = end;
      }
      xml.end();

      xml.start("dependencies");
      for (Edge edge : sbom.dependencies()) {
        if (edge.dependsOn().isEmpty()) {
          xml.empty("dependency");
          xml.w.writeAttribute("ref", edge.ref());
          continue;
        }
        xml.start("dependency");
        xml.w.writeAttribute("ref", edge.ref());
        for (String target : edge.dependsOn()) {
          xml.empty("dependency");
          xml.w.writeAttribute("ref", target);
        }
        xml.end();
      }
      xml.end();
      xml.end();
      xml.w.writeCharacters("\n");
      xml.w.writeEndDocument();
      xml.w.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private static void component(Xml xml, SyntheticComponent c, List<SyntheticComponent> all, int nestedFrom, int nestedTo)
      throws XMLStreamException {
    xml.start("component");
    xml.w.writeAttribute("type", c.type());
    xml.w.writeAttribute("bom-ref", c.ref());
    if (c.supplier().isPresent()) {
      xml.start("supplier");
      xml.text("name", c.supplier().get());
      if (c.supplierUrl().isPresent()) {
        xml.text("url", c.supplierUrl().get());
      }
      xml.end();
    }
    if (c.group().isPresent()) {
      xml.text("group", c.group().get());
    }
    xml.text("name", c.name());
    xml.text("version", c.version());
    if (c.description().isPresent()) {
      xml.text("description", c.description().get());
    }
    xml.start("hashes");
    if (c.sha256().isPresent()) {
      xml.start("hash");
      xml.w.writeAttribute("alg", "SHA-256");
      xml.w.writeCharacters(c.sha256().get());
      xml.endInline();
    }
    if (c.sha1().isPresent()) {
      xml.start("hash");
      xml.w.writeAttribute("alg", "SHA-1");
      xml.w.writeCharacters(c.sha1().get());
      xml.endInline();
    }
    xml.end();
    if (c.licenseExpression().isPresent() || !c.licenseIds().isEmpty()) {
      xml.start("licenses");
      if (c.licenseExpression().isPresent()) {
        xml.text("expression", c.licenseExpression().get());
      }
      for (String id : c.licenseIds()) {
        xml.start("license");
        xml.text("id", id);
        xml.end();
      }
      xml.end();
    }
    xml.text("cpe", c.cpe());
    xml.text("purl", c.purl());
    if (!c.externalReferences().isEmpty()) {
      xml.start("externalReferences");
      for (String[] reference : c.externalReferences()) {
        xml.start("reference");
        xml.w.writeAttribute("type", reference[0]);
        xml.text("url", reference[1]);
        xml.end();
      }
      xml.end();
    }
    if (!c.properties().isEmpty()) {
      xml.start("properties");
      for (String[] property : c.properties()) {
        xml.start("property");
        xml.w.writeAttribute("name", property[0]);
        xml.w.writeCharacters(property[1]);
        xml.endInline();
      }
      xml.end();
    }
    if (nestedTo > nestedFrom) {
      xml.start("components");
      for (int n = nestedFrom; n < nestedTo; n++) {
        component(xml, all.get(n), all, 0, 0);
      }
      xml.end();
    }
    xml.end();
  }

  /** Indenting element writer: a newline and two spaces per level before each start and each block end. */
  private static final class Xml {
    final XMLStreamWriter w;
    private int depth;

    Xml(XMLStreamWriter w) {
      this.w = w;
    }

    void start(String name) throws XMLStreamException {
      indent();
      w.writeStartElement(name);
      depth++;
    }

    void empty(String name) throws XMLStreamException {
      indent();
      w.writeEmptyElement(name);
    }

    /** Ends an element whose content was written on its own lines. */
    void end() throws XMLStreamException {
      depth--;
      indent();
      w.writeEndElement();
    }

    /** Ends an element whose text content follows its start tag on the same line. */
    void endInline() throws XMLStreamException {
      depth--;
      w.writeEndElement();
    }

    void text(String name, String value) throws XMLStreamException {
      start(name);
      w.writeCharacters(value);
      endInline();
    }

    private void indent() throws XMLStreamException {
      w.writeCharacters("\n" + "  ".repeat(depth));
    }
  }
}
