package org.cyberbaseline.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link PositionIndex} answers exactly as the map from every value's pointer to its position that
 * it replaced: the old algorithm is kept here as the oracle and every pointer of several documents,
 * plus pointers that miss in every way a pointer can, is asked of both.
 */
class PositionIndexTest {
  private final LocatedJsonReader reader = new LocatedJsonReader();

  private static final String JSON =
      "{\n"
          + "  \"a\": [1, 2.5, {\"b~/c\": true, \"\": null}, [], {}, [[\"x\"]]],\n"
          + "  \"0\": {\"01\": \"leading zero key\", \"-\": \"dash\", \"~\": \"tilde\", \"/\": \"slash\"},\n"
          + "  \"nested\": {\"deeper\": {\"deepest\": [\"v\", {\"k\": 12345678901234567890}]}},\n"
          + "  \"big\": {" + bigObject(40) + "},\n"
          + "  \"list\": [" + "\"e\",".repeat(30) + "\"last\"],\n"
          + "  \"unicode \\u00e9\": \"caf\\u00e9\"\n"
          + "}";

  private static String bigObject(int members) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < members; i++) {
      out.append(i == 0 ? "" : ",\n    ").append("\"m").append(i).append("\": {\"v\": ").append(i).append('}');
    }
    return out.toString();
  }

  private static final String YAML =
      "id: x\nrules:\n  - id: A\n    severity: high\n    params: {a: 1, b: [x, y]}\n  - id: B\n"
          + "    'key/with~chars': yes\n";

  @Test
  void answersLikeThePointerMapForEveryPointerOfJson() throws Exception {
    byte[] json = JSON.getBytes(StandardCharsets.UTF_8);
    Map<String, Position> oracle = oracle(new JsonFactory(), json);
    assertTrue(oracle.size() > 100);
    assertSameAnswers(reader.readJson(json), oracle);
  }

  @Test
  void answersLikeThePointerMapForEveryPointerOfYaml() throws Exception {
    byte[] yaml = YAML.getBytes(StandardCharsets.UTF_8);
    Map<String, Position> oracle = oracle(new YAMLFactory(), yaml);
    assertTrue(oracle.size() > 10);
    assertSameAnswers(reader.readYaml(yaml), oracle);
  }

  @Test
  void scalarRootAndEmptyContainers() throws Exception {
    for (String text : List.of("\"just a string\"", "42", "[]", "{}", "[[], {}]", "  \n  {\"a\": {}}")) {
      byte[] json = text.getBytes(StandardCharsets.UTF_8);
      assertSameAnswers(reader.readJson(json), oracle(new JsonFactory(), json));
    }
  }

  @Test
  void treeIsTheSameAsJacksonsOwn() throws Exception {
    // numbers as the reader keeps them: exact, as BigInteger and BigDecimal
    JsonNode expected =
        JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build()
            .readTree(JSON);
    JsonNode actual = reader.readJson(JSON.getBytes(StandardCharsets.UTF_8)).root();
    assertEquals(expected, actual);
    assertEquals(actual, expected);
    assertEquals(expected.hashCode(), actual.hashCode());
    assertEquals(expected.toString(), actual.toString());
    assertEquals(expected, actual.deepCopy());
  }

  @Test
  void editedTreeStillAnswersForWhatWasRead() throws Exception {
    LocatedJson doc = reader.readJson(JSON.getBytes(StandardCharsets.UTF_8));
    Optional<Position> before = doc.positionOf("/0/-");
    ObjectNode zero = (ObjectNode) doc.root().get("0");
    zero.put("added", "value");
    zero.remove("01");
    assertEquals(before, doc.positionOf("/0/-"));
    assertEquals(doc.positionOf("/0"), doc.positionOf("/0/added"));
    assertEquals("value", doc.root().path("0").path("added").asText());
    assertFalse(doc.root().path("0").has("01"));
  }

  @Test
  void nodesOfAnotherDocumentAreNotLookedInto() throws Exception {
    LocatedJson one = reader.readJson("{\"a\": {\"b\": 1}}".getBytes(StandardCharsets.UTF_8));
    LocatedJson two = reader.readJson("{\n\n\"a\": {\n\n\"c\": {\"b\": 2}}}".getBytes(StandardCharsets.UTF_8));
    // graft a node of document two into document one: its positions belong to two, not one
    ((ObjectNode) one.root()).set("x", two.root().get("a").get("c"));
    assertEquals(one.positionOf(""), one.positionOf("/x/b"));
    assertNotEquals(Optional.empty(), two.positionOf("/a/c/b"));
  }

  @Test
  void withoutPositionsKnowsNoPosition() {
    LocatedJson doc = LocatedJson.withoutPositions(new ObjectMapper().createObjectNode().put("a", 1));
    assertEquals(Optional.empty(), doc.positionOf(""));
    assertEquals(Optional.empty(), doc.positionOf("/a"));
  }

  private static void assertSameAnswers(LocatedJson doc, Map<String, Position> oracle) {
    List<String> pointers = new ArrayList<>();
    for (String pointer : oracle.keySet()) {
      pointers.add(pointer);
      for (String suffix : List.of("/missing", "/0", "/00", "/01", "/-", "/~2", "/~", "/", "/999999999999", "/+1", "/1/2")) {
        pointers.add(pointer + suffix);
      }
    }
    pointers.addAll(List.of("", "/", "no-leading-slash", "~", "//", "/a//0", "/big/m39/v/x"));
    for (String pointer : pointers) {
      assertEquals(oldPositionOf(oracle, pointer), doc.positionOf(pointer), "pointer '" + pointer + "'");
    }
  }

  // ---- the replaced implementation, kept as the oracle ----

  private static Map<String, Position> oracle(JsonFactory factory, byte[] content) throws IOException {
    Map<String, Position> positions = new HashMap<>();
    try (JsonParser parser = factory.createParser(content)) {
      parser.nextToken();
      walk(parser, "", positions);
    }
    return positions;
  }

  private static void walk(JsonParser parser, String pointer, Map<String, Position> positions) throws IOException {
    JsonLocation location = parser.currentTokenLocation();
    if (location != null && location.getLineNr() >= 1 && location.getColumnNr() >= 1) {
      positions.put(pointer, new Position(location.getLineNr(), location.getColumnNr()));
    }
    if (parser.currentToken() == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        walk(parser, pointer + "/" + LocatedJson.escape(name), positions);
      }
    } else if (parser.currentToken() == JsonToken.START_ARRAY) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        walk(parser, pointer + "/" + index++, positions);
      }
    }
  }

  private static Optional<Position> oldPositionOf(Map<String, Position> positions, String pointer) {
    String p = pointer;
    while (true) {
      Position found = positions.get(p);
      if (found != null) {
        return Optional.of(found);
      }
      if (p.isEmpty()) {
        return Optional.empty();
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }
}
