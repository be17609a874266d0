package org.cyberbaseline.schemas;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads JSON or YAML into a {@link LocatedJson}, recording the line and column where each value
 * starts (compactly, in a {@link PositionIndex}; small objects keep their members in a {@link
 * CompactMembers} rather than a {@code LinkedHashMap}, which for a large SBOM roughly halves the
 * memory the tree takes). Untrusted input is bounded by {@link ReadLimits}; duplicate keys are rejected because two
 * readers of the same document could otherwise disagree about its content.
 */
public final class LocatedJsonReader {

  /** Objects with at most this many members keep them in a {@link CompactMembers}. */
  private static final int SMALL_OBJECT = 16;

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
    Reading reading = new Reading(factory == yamlFactory);
    // Jackson's limit exceptions carry no location; where the parser stopped is noted here before
    // try-with-resources closes it (a closed parser no longer knows).
    JsonLocation[] limitHit = new JsonLocation[1];
    try (JsonParser parser = factory.createParser(content)) {
      try {
        return readDocument(parser, reading);
      } catch (StreamConstraintsException e) {
        limitHit[0] = parser.currentLocation();
        throw e;
      }
    } catch (StreamConstraintsException e) {
      JsonLocation where = e.getLocation() != null ? e.getLocation() : limitHit[0];
      throw new JsonReadException(
          new JsonProblem("", position(where), "limit exceeded: " + e.getOriginalMessage(), "limit"));
    } catch (JsonProcessingException e) {
      throw new JsonReadException(
          new JsonProblem("", position(e.getLocation()), e.getOriginalMessage(), "syntax"));
    } catch (IOException | RuntimeException e) {
      // SnakeYAML reports its own limits (aliases, code points, nesting) as runtime exceptions.
      throw new JsonReadException(
          new JsonProblem("", Optional.empty(), "unreadable document: " + e.getMessage(), "syntax"));
    }
  }

  private static LocatedJson readDocument(JsonParser parser, Reading reading) throws IOException, JsonReadException {
    JsonToken first = parser.nextToken();
    if (first == null) {
      throw new JsonReadException(
          new JsonProblem("", Optional.empty(), "document is empty", "syntax"));
    }
    long rootPosition = packed(parser);
    JsonNode root = reading.readValue(parser, 0);
    JsonToken trailing = parser.nextToken();
    if (trailing != null) {
      throw new JsonReadException(
          new JsonProblem(
              "",
              position(parser.currentTokenLocation()),
              "unexpected content after the end of the document",
              "syntax"));
    }
    return new LocatedJson(root, reading.positions.build(rootPosition, reading.lastFirst, reading.lastCount));
  }

  /** Where the current token starts, packed for {@link PositionIndex}; {@link PositionIndex#NONE} if unknown. */
  private static long packed(JsonParser parser) {
    if (parser instanceof UTF8StreamJsonParser utf8) {
      // The common case (JSON in UTF-8), read without the JsonLocation that currentTokenLocation()
      // allocates for every value: millions of them for a large SBOM, and garbage made while the
      // tree is being built makes the collector copy that tree more often. This parser's
      // getTokenColumnNr() counts one more than its currentTokenLocation() column for a value
      // token; LocatedJsonReaderTest holds the two ways to the same positions.
      int line = utf8.getTokenLineNr();
      int column = utf8.getTokenColumnNr() - 1;
      return line < 1 || column < 1 ? PositionIndex.NONE : PositionIndex.pack(line, column);
    }
    JsonLocation location = parser.currentTokenLocation();
    if (location == null || location.getLineNr() < 1 || location.getColumnNr() < 1) {
      return PositionIndex.NONE;
    }
    return PositionIndex.pack(location.getLineNr(), location.getColumnNr());
  }

  /**
   * One document being read: the position index under construction and, per nesting depth, a
   * scratch area for the children of the container open at that depth (reused by every container
   * at that depth, so reading allocates nothing per container beyond its node).
   */
  private static final class Reading {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Object[] NO_MEMBERS = {};

    final PositionIndex.Builder positions = new PositionIndex.Builder();
    private final boolean yaml;
    private long[][] where = new long[8][];
    private String[][] names = new String[8][];
    private JsonNode[][] values = new JsonNode[8][];
    private int[][] firsts = new int[8][];
    private int[][] counts = new int[8][];
    /** Where the children of the value just read are: first slot and count (-1 and 0 for a scalar). */
    int lastFirst;
    int lastCount;

    Reading(boolean yaml) {
      this.yaml = yaml;
    }

    /** Reads the value whose first token is current; its position was recorded by the caller. */
    JsonNode readValue(JsonParser parser, int depth) throws IOException {
      if (yaml && ((YAMLParser) parser).isCurrentAlias()) {
        // Jackson reads a YAML alias as the anchor's name, silently changing the data; expanding it
        // instead invites "billion laughs". Our YAML documents (rule packs) never need aliases.
        throw new com.fasterxml.jackson.core.JsonParseException(
            parser, "YAML aliases (*" + parser.getText() + ") are not allowed; write the value out");
      }
      JsonToken token = parser.currentToken();
      lastFirst = -1;
      lastCount = 0;
      switch (token) {
        case START_OBJECT -> {
          int n = 0;
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            long at = packed(parser);
            JsonNode value = readValue(parser, depth + 1);
            add(depth, n++, at, name, value);
          }
          lastCount = n;
          if (n == 0) {
            lastFirst = -1;
            return new ObjectNode(NODES, new CompactMembers(NO_MEMBERS, 0));
          }
          lastFirst = positions.append(where[depth], names[depth], firsts[depth], counts[depth], n);
          Map<String, JsonNode> members;
          if (n <= SMALL_OBJECT) {
            Object[] table = new Object[2 * n];
            for (int i = 0; i < n; i++) {
              table[2 * i] = names[depth][i];
              table[2 * i + 1] = values[depth][i];
            }
            members = new CompactMembers(table, n);
          } else {
            members = new LinkedHashMap<>(n * 4 / 3 + 1);
            for (int i = 0; i < n; i++) {
              members.put(names[depth][i], values[depth][i]);
            }
          }
          return new ObjectNode(NODES, members);
        }
        case START_ARRAY -> {
          int n = 0;
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            long at = packed(parser);
            JsonNode value = readValue(parser, depth + 1);
            add(depth, n++, at, null, value);
          }
          lastCount = n;
          if (n == 0) {
            lastFirst = -1;
            return new ArrayNode(NODES, new ArrayList<>(0));
          }
          lastFirst = positions.append(where[depth], null, firsts[depth], counts[depth], n);
          List<JsonNode> elements = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            elements.add(values[depth][i]);
          }
          return new ArrayNode(NODES, elements);
        }
        case VALUE_STRING -> {
          return NODES.textNode(parser.getText());
        }
        case VALUE_NUMBER_INT -> {
          return NODES.numberNode(parser.getBigIntegerValue());
        }
        case VALUE_NUMBER_FLOAT -> {
          return NODES.numberNode(parser.getDecimalValue());
        }
        case VALUE_TRUE -> {
          return NODES.booleanNode(true);
        }
        case VALUE_FALSE -> {
          return NODES.booleanNode(false);
        }
        case VALUE_NULL -> {
          return NODES.nullNode();
        }
        default -> throw new com.fasterxml.jackson.core.JsonParseException(
            parser, "unexpected token " + token);
      }
    }

    /** Records child {@code i} of the container open at {@code depth}, just read (see lastFirst). */
    private void add(int depth, int i, long at, String name, JsonNode value) {
      if (depth >= where.length) {
        int capacity = Math.max(depth + 1, where.length * 2);
        where = Arrays.copyOf(where, capacity);
        names = Arrays.copyOf(names, capacity);
        values = Arrays.copyOf(values, capacity);
        firsts = Arrays.copyOf(firsts, capacity);
        counts = Arrays.copyOf(counts, capacity);
      }
      if (where[depth] == null) {
        where[depth] = new long[16];
        names[depth] = new String[16];
        values[depth] = new JsonNode[16];
        firsts[depth] = new int[16];
        counts[depth] = new int[16];
      } else if (i == where[depth].length) {
        int capacity = i * 2;
        where[depth] = Arrays.copyOf(where[depth], capacity);
        names[depth] = Arrays.copyOf(names[depth], capacity);
        values[depth] = Arrays.copyOf(values[depth], capacity);
        firsts[depth] = Arrays.copyOf(firsts[depth], capacity);
        counts[depth] = Arrays.copyOf(counts[depth], capacity);
      }
      where[depth][i] = at;
      names[depth][i] = name;
      values[depth][i] = value;
      firsts[depth][i] = lastFirst;
      counts[depth][i] = lastCount;
    }
  }

  private static Optional<Position> position(JsonLocation location) {
    if (location == null || location.getLineNr() < 1 || location.getColumnNr() < 1) {
      return Optional.empty();
    }
    return Optional.of(new Position(location.getLineNr(), location.getColumnNr()));
  }
}
