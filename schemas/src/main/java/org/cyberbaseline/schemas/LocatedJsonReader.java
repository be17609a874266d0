package org.cyberbaseline.schemas;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads JSON or YAML into a {@link LocatedJson}, recording the line and column where each value
 * starts. Untrusted input is bounded by {@link ReadLimits}; duplicate keys are rejected because two
 * readers of the same document could otherwise disagree about its content.
 */
public final class LocatedJsonReader {
  private final ReadLimits limits;
  private final JsonFactory jsonFactory;
  private final JsonFactory yamlFactory;

  public LocatedJsonReader(ReadLimits limits) {
    this.limits = limits;
    StreamReadConstraints constraints =
        StreamReadConstraints.builder()
            .maxNestingDepth(limits.maxNestingDepth())
            .maxStringLength(limits.maxStringLength())
            .maxNumberLength(1000)
            .maxNameLength(50_000)
            .maxDocumentLength(limits.maxBytes())
            .build();
    this.jsonFactory =
        JsonFactory.builder()
            .streamReadConstraints(constraints)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    LoaderOptions yamlOptions = new LoaderOptions();
    // Aliases are refused outright in readValue; the ceiling is a second line of defence.
    yamlOptions.setMaxAliasesForCollections(20);
    yamlOptions.setNestingDepthLimit(limits.maxNestingDepth());
    yamlOptions.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
    yamlOptions.setAllowDuplicateKeys(false);
    this.yamlFactory =
        YAMLFactory.builder()
            .loaderOptions(yamlOptions)
            .streamReadConstraints(constraints)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
  }

  public LocatedJsonReader() {
    this(ReadLimits.DEFAULT);
  }

  public ReadLimits limits() {
    return limits;
  }

  public LocatedJson readJson(byte[] content) throws JsonReadException {
    return read(jsonFactory, content);
  }

  public LocatedJson readYaml(byte[] content) throws JsonReadException {
    return read(yamlFactory, content);
  }

  private LocatedJson read(JsonFactory factory, byte[] content) throws JsonReadException {
    if (content.length > limits.maxBytes()) {
      throw new JsonReadException(
          new JsonProblem(
              "",
              Optional.empty(),
              "document is " + content.length + " bytes, above the limit of " + limits.maxBytes(),
              "limit"));
    }
    if (content.length == 0) {
      throw new JsonReadException(
          new JsonProblem("", Optional.empty(), "document is empty", "syntax"));
    }
    Map<String, Position> positions = new HashMap<>();
    try (JsonParser parser = factory.createParser(content)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new JsonReadException(
            new JsonProblem("", Optional.empty(), "document is empty", "syntax"));
      }
      JsonNode root = readValue(parser, "", positions);
      JsonToken trailing = parser.nextToken();
      if (trailing != null) {
        throw new JsonReadException(
            new JsonProblem(
                "",
                position(parser.currentTokenLocation()),
                "unexpected content after the end of the document",
                "syntax"));
      }
      return new LocatedJson(root, positions);
    } catch (StreamConstraintsException e) {
      throw new JsonReadException(
          new JsonProblem("", Optional.empty(), "limit exceeded: " + e.getOriginalMessage(), "limit"));
    } catch (JsonProcessingException e) {
      throw new JsonReadException(
          new JsonProblem("", position(e.getLocation()), e.getOriginalMessage(), "syntax"));
    } catch (IOException | RuntimeException e) {
      // SnakeYAML reports its own limits (aliases, code points, nesting) as runtime exceptions.
      throw new JsonReadException(
          new JsonProblem("", Optional.empty(), "unreadable document: " + e.getMessage(), "syntax"));
    }
  }

  private static JsonNode readValue(JsonParser parser, String pointer, Map<String, Position> positions)
      throws IOException {
    position(parser.currentTokenLocation()).ifPresent(p -> positions.put(pointer, p));
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      // Jackson reads a YAML alias as the anchor's name, silently changing the data; expanding it
      // instead invites "billion laughs". Our YAML documents (rule packs) never need aliases.
      throw new com.fasterxml.jackson.core.JsonParseException(
          parser, "YAML aliases (*" + parser.getText() + ") are not allowed; write the value out");
    }
    JsonToken token = parser.currentToken();
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    switch (token) {
      case START_OBJECT -> {
        ObjectNode object = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          object.set(name, readValue(parser, pointer + "/" + LocatedJson.escape(name), positions));
        }
        return object;
      }
      case START_ARRAY -> {
        ArrayNode array = nodes.arrayNode();
        int index = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(readValue(parser, pointer + "/" + index, positions));
          index++;
        }
        return array;
      }
      case VALUE_STRING -> {
        return nodes.textNode(parser.getText());
      }
      case VALUE_NUMBER_INT -> {
        return nodes.numberNode(parser.getBigIntegerValue());
      }
      case VALUE_NUMBER_FLOAT -> {
        return nodes.numberNode(parser.getDecimalValue());
      }
      case VALUE_TRUE -> {
        return nodes.booleanNode(true);
      }
      case VALUE_FALSE -> {
        return nodes.booleanNode(false);
      }
      case VALUE_NULL -> {
        return nodes.nullNode();
      }
      default -> throw new com.fasterxml.jackson.core.JsonParseException(
          parser, "unexpected token " + token);
    }
  }

  private static Optional<Position> position(JsonLocation location) {
    if (location == null || location.getLineNr() < 1 || location.getColumnNr() < 1) {
      return Optional.empty();
    }
    return Optional.of(new Position(location.getLineNr(), location.getColumnNr()));
  }
}
