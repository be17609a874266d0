package org.cyberbaseline.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.cyberbaseline.bench.SyntheticSbom.Edge;
import org.cyberbaseline.bench.SyntheticSbom.SyntheticComponent;

/**
 * CycloneDX 1.6 JSON, pretty-printed as most generators write it (Jackson's default printer, two
 * spaces), valid against {@code bom-1.6.schema.json}.
 */
public final class CycloneDxJsonWriter implements SbomWriter {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  @Override
  public String extension() {
    return ".cdx.json";
  }

  @Override
  public void write(SyntheticSbom sbom, OutputStream out) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
      json.writeStringField("bomFormat", "CycloneDX");
      json.writeStringField("specVersion", "1.6");
      json.writeStringField("serialNumber", sbom.serialNumber());
      json.writeNumberField("version", 1);

      json.writeObjectFieldStart("metadata");
      json.writeStringField("timestamp", sbom.timestamp());
      json.writeArrayFieldStart("lifecycles");
      json.writeStartObject();
      json.writeStringField("phase", "build");
      json.writeEndObject();
      json.writeEndArray();
      json.writeObjectFieldStart("tools");
      json.writeArrayFieldStart("components");
      json.writeStartObject();
      json.writeStringField("type", "application");
      json.writeStringField("author", "Cyber Baseline");
      json.writeStringField("name", "cyber-baseline-bench-generator");
      json.writeStringField("version", "1.0.0");
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
      json.writeArrayFieldStart("authors");
      json.writeStartObject();
      json.writeStringField("name", "Jane Example");
      json.writeStringField("email", "jane@devices.example.com");
      json.writeEndObject();
      json.writeEndArray();
      json.writeFieldName("component");
      component(json, sbom.primary(), List.of(), 0, 0);
      json.writeObjectFieldStart("manufacturer");
      json.writeStringField("name", "Example Medical Devices Inc.");
      json.writeArrayFieldStart("url");
      json.writeString("https://devices.example.com");
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();

      List<SyntheticComponent> all = sbom.components();
      json.writeArrayFieldStart("components");
      int i = 0;
      while (i < all.size()) {
        int end = i + 1;
        while (end < all.size() && all.get(end).parent() == i) {
          end++;
        }
        component(json, all.get(i), all, i + 1, end);
        i = end;
      }
      json.writeEndArray();

      json.writeArrayFieldStart("dependencies");
      for (Edge edge : sbom.dependencies()) {
        json.writeStartObject();
        json.writeStringField("ref", edge.ref());
        json.writeArrayFieldStart("dependsOn");
        for (String target : edge.dependsOn()) {
          json.writeString(target);
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  /** Writes {@code c}, with {@code all[nestedFrom, nestedTo)} as its nested components. */
  private static void component(
      JsonGenerator json, SyntheticComponent c, List<SyntheticComponent> all, int nestedFrom, int nestedTo)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("type", c.type());
    json.writeStringField("bom-ref", c.ref());
    if (c.supplier().isPresent()) {
      json.writeObjectFieldStart("supplier");
      json.writeStringField("name", c.supplier().get());
      if (c.supplierUrl().isPresent()) {
        json.writeArrayFieldStart("url");
        json.writeString(c.supplierUrl().get());
        json.writeEndArray();
      }
      json.writeEndObject();
    }
    if (c.group().isPresent()) {
      json.writeStringField("group", c.group().get());
    }
    json.writeStringField("name", c.name());
    json.writeStringField("version", c.version());
    if (c.description().isPresent()) {
      json.writeStringField("description", c.description().get());
    }
    json.writeArrayFieldStart("hashes");
    if (c.sha256().isPresent()) {
      hash(json, "SHA-256", c.sha256().get());
    }
    if (c.sha1().isPresent()) {
      hash(json, "SHA-1", c.sha1().get());
    }
    json.writeEndArray();
    if (c.licenseExpression().isPresent() || !c.licenseIds().isEmpty()) {
      json.writeArrayFieldStart("licenses");
      if (c.licenseExpression().isPresent()) {
        json.writeStartObject();
        json.writeStringField("expression", c.licenseExpression().get());
        json.writeEndObject();
      }
      for (String id : c.licenseIds()) {
        json.writeStartObject();
        json.writeObjectFieldStart("license");
        json.writeStringField("id", id);
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    json.writeStringField("purl", c.purl());
    json.writeStringField("cpe", c.cpe());
    if (!c.externalReferences().isEmpty()) {
      json.writeArrayFieldStart("externalReferences");
      for (String[] reference : c.externalReferences()) {
        json.writeStartObject();
        json.writeStringField("type", reference[0]);
        json.writeStringField("url", reference[1]);
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    if (!c.properties().isEmpty()) {
      json.writeArrayFieldStart("properties");
      for (String[] property : c.properties()) {
        json.writeStartObject();
        json.writeStringField("name", property[0]);
        json.writeStringField("value", property[1]);
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    if (nestedTo > nestedFrom) {
      json.writeArrayFieldStart("components");
      for (int n = nestedFrom; n < nestedTo; n++) {
        component(json, all.get(n), all, 0, 0);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
  }

  private static void hash(JsonGenerator json, String alg, String content) throws IOException {
    json.writeStartObject();
    json.writeStringField("alg", alg);
    json.writeStringField("content", content);
    json.writeEndObject();
  }
}
