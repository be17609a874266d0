package org.cyberbaseline.schemas;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a {@link LocatedJson} against a JSON Schema with networknt and turns each violation
 * into a {@link JsonProblem} carrying JSON Pointer, line and column. Schemas are loaded once and
 * only from the classpath: a schema {@code $id} prefix is mapped to a classpath folder, so
 * validation never touches the network.
 *
 * <p>Thread-safe: compiled networknt schemas are immutable and the cache is concurrent.
 */
public final class SchemaCheck {
  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config;
  private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

  private SchemaCheck(SpecVersion.VersionFlag dialect, Map<String, String> prefixToClasspath) {
    this.factory =
        JsonSchemaFactory.getInstance(
            dialect,
            builder ->
                builder.schemaMappers(
                    mappers -> prefixToClasspath.forEach(mappers::mapPrefix)));
    this.config =
        SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
  }

  /** A checker for this project's own formats (JSON Schema 2020-12). */
  public static SchemaCheck forBundledSchemas() {
    return new SchemaCheck(
        SpecVersion.VersionFlag.V202012,
        Map.of(BundledSchema.ID_BASE, "classpath:" + BundledSchema.CLASSPATH_BASE));
  }

  /**
   * A checker for third-party schemas shipped on the classpath, e.g. the CycloneDX schemas inside
   * cyclonedx-core-java (draft-07, {@code $id} prefix {@code http://cyclonedx.org/schema/}).
   */
  public static SchemaCheck forDialect(
      SpecVersion.VersionFlag dialect, Map<String, String> prefixToClasspath) {
    return new SchemaCheck(dialect, Map.copyOf(prefixToClasspath));
  }

  public List<JsonProblem> check(BundledSchema schema, LocatedJson document) {
    return check(schema.id(), document);
  }

  /** Validates against the schema whose {@code $id} is {@code schemaId}; problems in document order. */
  public List<JsonProblem> check(String schemaId, LocatedJson document) {
    Objects.requireNonNull(document, "document");
    JsonSchema schema =
        compiled.computeIfAbsent(schemaId, id -> factory.getSchema(SchemaLocation.of(id), config));
    return schema.validate(document.root()).stream()
        .map(message -> toProblem(message, document))
        .sorted(
            Comparator.comparing(JsonProblem::pointer)
                .thenComparing(JsonProblem::keyword)
                .thenComparing(JsonProblem::message))
        .toList();
  }

  private static JsonProblem toProblem(ValidationMessage message, LocatedJson document) {
    String pointer = message.getInstanceLocation().toString();
    if ("/".equals(pointer)) {
      pointer = "";
    }
    String keyword = message.getType() == null ? "schema" : message.getType();
    if ("required".equals(keyword) && message.getProperty() != null) {
      // Point at the absent member itself; its position falls back to the enclosing object.
      pointer = pointer + "/" + LocatedJson.escape(message.getProperty());
    }
    String text = message.getMessage();
    // networknt prefixes its messages with the instance location, which the problem carries anyway.
    String prefix = message.getInstanceLocation() + ": ";
    if (text.startsWith(prefix)) {
      text = text.substring(prefix.length());
    }
    return new JsonProblem(pointer, document.positionOf(pointer), text, keyword);
  }
}
