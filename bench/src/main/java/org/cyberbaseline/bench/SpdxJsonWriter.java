package org.cyberbaseline.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import org.cyberbaseline.bench.SyntheticSbom.Edge;
import org.cyberbaseline.bench.SyntheticSbom.SyntheticComponent;

/** SPDX 2.3 JSON, pretty-printed, of the same content as the CycloneDX documents (see {@link Spdx}). */
public final class SpdxJsonWriter implements SbomWriter {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  @Override
  public String extension() {
    return ".spdx.json";
  }

  @Override
  public void write(SyntheticSbom sbom, OutputStream out) throws IOException {
    try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("spdxVersion", "SPDX-2.3");
      json.writeStringField("dataLicense", "CC0-1.0");
      json.writeStringField("SPDXID", Spdx.DOCUMENT);
      json.writeStringField("name", Spdx.documentName());
      json.writeStringField("documentNamespace", Spdx.namespace(sbom));
      json.writeObjectFieldStart("creationInfo");
      json.writeStringField("created", sbom.timestamp());
      json.writeArrayFieldStart("creators");
      json.writeString(Spdx.ORGANIZATION);
      json.writeString(Spdx.PERSON);
      json.writeString(Spdx.TOOL);
      json.writeEndArray();
      json.writeEndObject();
      json.writeArrayFieldStart("hasExtractedLicensingInfos");
      json.writeStartObject();
      json.writeStringField("licenseId", Spdx.PROPRIETARY);
      json.writeStringField("extractedText", Spdx.PROPRIETARY_TEXT);
      json.writeStringField("name", "Proprietary");
      json.writeEndObject();
      json.writeEndArray();
      json.writeArrayFieldStart("packages");
      spdxPackage(json, sbom.primary());
      for (SyntheticComponent c : sbom.components()) {
        spdxPackage(json, c);
      }
      json.writeEndArray();
      json.writeArrayFieldStart("relationships");
      relationship(json, Spdx.DOCUMENT, "DESCRIBES", Spdx.id(sbom.primary().ref()));
      for (Edge edge : sbom.dependencies()) {
        for (String target : edge.dependsOn()) {
          relationship(json, Spdx.id(edge.ref()), "DEPENDS_ON", Spdx.id(target));
        }
      }
      json.writeEndArray();
      json.writeEndObject();
    }
  }

  private static void spdxPackage(JsonGenerator json, SyntheticComponent c) throws IOException {
    json.writeStartObject();
    json.writeStringField("name", c.name());
    json.writeStringField("SPDXID", Spdx.id(c.ref()));
    json.writeStringField("versionInfo", c.version());
    if (c.supplier().isPresent()) {
      json.writeStringField("supplier", Spdx.supplier(c));
    }
    json.writeStringField("downloadLocation", "NOASSERTION");
    json.writeBooleanField("filesAnalyzed", false);
    json.writeArrayFieldStart("checksums");
    if (c.sha256().isPresent()) {
      checksum(json, "SHA256", c.sha256().get());
    }
    if (c.sha1().isPresent()) {
      checksum(json, "SHA1", c.sha1().get());
    }
    json.writeEndArray();
    json.writeStringField("licenseConcluded", "NOASSERTION");
    json.writeStringField("licenseDeclared", Spdx.declaredLicense(c));
    json.writeStringField("copyrightText", "NOASSERTION");
    if (c.description().isPresent()) {
      json.writeStringField("description", c.description().get());
    }
    json.writeStringField("primaryPackagePurpose", Spdx.purpose(c));
    json.writeArrayFieldStart("externalRefs");
    externalRef(json, "PACKAGE-MANAGER", "purl", c.purl());
    externalRef(json, "SECURITY", "cpe23Type", c.cpe());
    json.writeEndArray();
    json.writeEndObject();
  }

  private static void checksum(JsonGenerator json, String algorithm, String value) throws IOException {
    json.writeStartObject();
    json.writeStringField("algorithm", algorithm);
    json.writeStringField("checksumValue", value);
    json.writeEndObject();
  }

  private static void externalRef(JsonGenerator json, String category, String type, String locator) throws IOException {
    json.writeStartObject();
    json.writeStringField("referenceCategory", category);
    json.writeStringField("referenceType", type);
    json.writeStringField("referenceLocator", locator);
    json.writeEndObject();
  }

  private static void relationship(JsonGenerator json, String from, String type, String to) throws IOException {
    json.writeStartObject();
    json.writeStringField("spdxElementId", from);
    json.writeStringField("relationshipType", type);
    json.writeStringField("relatedSpdxElement", to);
    json.writeEndObject();
  }
}
