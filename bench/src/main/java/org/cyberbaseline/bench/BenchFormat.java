package org.cyberbaseline.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;

/**
 * The SBOM formats the benchmarks generate, each with its two reference points: the floor (the
 * cheapest full pass over the bytes a reader of that format cannot avoid: Jackson tokens for JSON,
 * StAX events for XML, decoded lines for tag-value) and a reference library that checks and parses
 * the same file on its own (cyclonedx-core-java for CycloneDX, java-spdx-library for SPDX).
 *
 * <p><b>Adding a format</b> (e.g. SPDX YAML or 3.0 once {@code SbomReader} reads them): write an
 * {@link SbomWriter} for {@link SyntheticSbom}, add a constant here with its floor and reference, and
 * add its id to the {@code format} {@code @Param} list in {@link SbomBenchmarks} and to {@code
 * bench/run.sh}. The validator benchmarks then cover it unchanged.
 */
public enum BenchFormat {
  CYCLONEDX_JSON("cyclonedx-json", "CycloneDX 1.6 JSON", new CycloneDxJsonWriter()) {
    private final JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
            .build();

    @Override
    public long floor(byte[] content) throws IOException {
      // Tokens only: Jackson skips string contents it is not asked for, so this is the least work
      // any JSON reader must do.
      long tokens = 0;
      try (JsonParser parser = factory.createParser(content)) {
        while (parser.nextToken() != null) {
          tokens++;
        }
      }
      return tokens;
    }

    @Override
    public Object reference(byte[] content) throws IOException, ParseException {
      org.cyclonedx.parsers.JsonParser parser = new org.cyclonedx.parsers.JsonParser();
      List<ParseException> problems = parser.validate(content, Version.VERSION_16);
      Bom bom = parser.parse(content);
      return problems.isEmpty() ? bom : problems;
    }

    @Override
    public String referenceName() {
      return "cyclonedx-core-java validate+parse";
    }
  },

  CYCLONEDX_XML("cyclonedx-xml", "CycloneDX 1.6 XML", new CycloneDxXmlWriter()) {
    private final XMLInputFactory factory = secureStax();

    @Override
    public long floor(byte[] content) throws Exception {
      // Events only (the JDK's StAX parser, DTDs off): the least any XML reader does.
      long events = 0;
      XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(content));
      try {
        while (reader.hasNext()) {
          reader.next();
          events++;
        }
      } finally {
        reader.close();
      }
      return events;
    }

    @Override
    public Object reference(byte[] content) throws Exception {
      org.cyclonedx.parsers.XmlParser parser = new org.cyclonedx.parsers.XmlParser();
      List<ParseException> problems = parser.validate(content, Version.VERSION_16);
      Bom bom = parser.parse(content);
      return problems.isEmpty() ? bom : problems;
    }

    @Override
    public String referenceName() {
      return "cyclonedx-core-java validate+parse";
    }
  },

  SPDX_JSON("spdx-json", "SPDX 2.3 JSON", new SpdxJsonWriter()) {
    @Override
    public long floor(byte[] content) throws Exception {
      return CYCLONEDX_JSON.floor(content);
    }

    @Override
    public Object reference(byte[] content) throws Exception {
      return SpdxLibrary.deserializeAndVerify(content, false);
    }

    @Override
    public String referenceName() {
      return "java-spdx-library deserialize+verify";
    }
  },

  SPDX_TAG_VALUE("spdx-tag-value", "SPDX 2.3 tag-value", new SpdxTagValueWriter()) {
    @Override
    public long floor(byte[] content) throws IOException {
      // Decode and split into lines at the tag: the least a tag-value reader does.
      long tags = 0;
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8), 1 << 16)) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.indexOf(':') > 0) {
            tags++;
          }
        }
      }
      return tags;
    }

    @Override
    public Object reference(byte[] content) throws Exception {
      return SpdxLibrary.deserializeAndVerify(content, true);
    }

    @Override
    public String referenceName() {
      return "java-spdx-library deserialize+verify";
    }
  };

  private final String id;
  private final String title;
  private final SbomWriter writer;

  BenchFormat(String id, String title, SbomWriter writer) {
    this.id = id;
    this.title = title;
    this.writer = writer;
  }

  /** As used in {@code -p format=...}, file names and result tables. */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public SbomWriter writer() {
    return writer;
  }

  /** The floor: a full pass over the bytes doing the least a reader of this format must do. */
  public abstract long floor(byte[] content) throws Exception;

  /** The reference library's own validate + parse; returns what it produced, for the blackhole. */
  public abstract Object reference(byte[] content) throws Exception;

  /** What {@link #floor} does, as shown in result tables. */
  public String floorName() {
    return switch (this) {
      case CYCLONEDX_JSON, SPDX_JSON -> "Jackson streaming tokens";
      case CYCLONEDX_XML -> "JDK StAX events";
      case SPDX_TAG_VALUE -> "UTF-8 decode + line split";
    };
  }

  /** What {@link #reference} runs, as shown in result tables. */
  public abstract String referenceName();

  private static XMLInputFactory secureStax() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }

  public static BenchFormat of(String id) {
    for (BenchFormat format : values()) {
      if (format.id.equals(id) || format.name().equals(id.toUpperCase(Locale.ROOT))) {
        return format;
      }
    }
    throw new IllegalArgumentException("unknown format '" + id + "'; known: " + List.of(values()));
  }

  @Override
  public String toString() {
    return id;
  }
}
