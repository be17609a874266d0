package org.cyberbaseline.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocatedJsonReaderTest {
  private final LocatedJsonReader reader = new LocatedJsonReader();

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void recordsLineAndColumnOfEveryValue() throws Exception {
    LocatedJson doc = reader.readJson(utf8("{\n  \"a\": [1,\n    {\"b~/c\": true}]\n}"));
    assertEquals(Optional.of(new Position(1, 1)), doc.positionOf(""));
    assertEquals(Optional.of(new Position(2, 8)), doc.positionOf("/a"));
    assertEquals(Optional.of(new Position(2, 9)), doc.positionOf("/a/0"));
    assertEquals(Optional.of(new Position(3, 14)), doc.positionOf("/a/1/b~0~1c"));
    // A member that does not exist is located at its nearest existing ancestor.
    assertEquals(Optional.of(new Position(3, 5)), doc.positionOf("/a/1/missing"));
    assertTrue(doc.root().path("a").path(1).path("b~/c").booleanValue());
  }

  /**
   * The reader takes UTF-8 positions from the parser without allocating a JsonLocation per value.
   * Every value of these documents must get the position Jackson's own currentTokenLocation()
   * reports: line breaks of every kind, tabs, multi-byte characters, a byte-order mark, and lines
   * and strings longer than the parser's 8,000-byte input buffer.
   */
  @Test
  void positionsAgreeWithJacksonsTokenLocations() throws Exception {
    StringBuilder big = new StringBuilder("{\"items\": [");
    for (int i = 0; i < 3000; i++) {
      big.append(i == 0 ? "" : ",").append(i % 7 == 0 ? "\r\n" : i % 11 == 0 ? "\r" : i % 13 == 0 ? "\n\t" : " ")
          .append("{\"n\": ").append(i).append(", \"s\": \"").append("é😀x".repeat(i % 50)).append("\", \"b\": [true, null, -1.5e")
          .append(i % 3).append("]}");
    }
    big.append("], \"long\": \"").append("y".repeat(20_000)).append("\", \"after\": 1}");
    List<String> documents = List.of(
        "{\n  \"a\": [1,\n    {\"b~/c\": true}]\n}",
        "\uFEFF{\"bom\": [\"x\", {}]}",
        "[\r\n\t\"tab\",\r\"cr\",\n\"lf\", \"caf\u00e9\", \"é\", 0]",
        big.toString());
    com.fasterxml.jackson.core.JsonFactory jackson = new com.fasterxml.jackson.core.JsonFactory();
    for (String text : documents) {
      byte[] bytes = utf8(text);
      LocatedJson doc = reader.readJson(bytes);
      int values = 0;
      try (com.fasterxml.jackson.core.JsonParser parser = jackson.createParser(bytes)) {
        java.util.Deque<Object> path = new java.util.ArrayDeque<>(); // member name, or Integer[1] array index
        com.fasterxml.jackson.core.JsonToken token;
        while ((token = parser.nextToken()) != null) {
          if (token == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
            path.push(parser.currentName());
            continue;
          }
          if (token.isStructEnd()) {
            path.pop(); // the container's own marker
            endValue(path);
            continue;
          }
          if (!path.isEmpty() && path.peek() instanceof int[] index) {
            index[0]++;
          }
          String pointer = pointer(path);
          com.fasterxml.jackson.core.JsonLocation expected = parser.currentTokenLocation();
          assertEquals(Optional.of(new Position(expected.getLineNr(), expected.getColumnNr())), doc.positionOf(pointer),
              () -> "at " + pointer);
          values++;
          if (token.isStructStart()) {
            path.push(token == com.fasterxml.jackson.core.JsonToken.START_ARRAY ? new int[] {-1} : "{");
          } else {
            endValue(path);
          }
        }
      }
      assertTrue(values > 0);
    }
  }

  /** After a value: a member name is done with; an array index stays for the next element. */
  private static void endValue(java.util.Deque<Object> path) {
    if (!path.isEmpty() && path.peek() instanceof String name && !name.equals("{")) {
      path.pop();
    }
  }

  private static String pointer(java.util.Deque<Object> path) {
    StringBuilder pointer = new StringBuilder();
    java.util.Iterator<Object> outermostFirst = path.descendingIterator();
    while (outermostFirst.hasNext()) {
      Object step = outermostFirst.next();
      if (step instanceof int[] index) {
        pointer.append('/').append(index[0]);
      } else if (!step.equals("{")) {
        pointer.append('/').append(LocatedJson.escape((String) step));
      }
    }
    return pointer.toString();
  }

  @Test
  void syntaxErrorsArePositioned() {
    JsonReadException e = assertThrows(JsonReadException.class, () -> reader.readJson(utf8("{\n \"a\": [1, }")));
    assertEquals("syntax", e.problem().keyword());
    assertEquals(2, e.problem().position().orElseThrow().line());
  }

  @Test
  void truncatedAndEmptyDocumentsAreRejected() {
    assertThrows(JsonReadException.class, () -> reader.readJson(utf8("{\"a\": ")));
    assertThrows(JsonReadException.class, () -> reader.readJson(new byte[0]));
    assertThrows(JsonReadException.class, () -> reader.readJson(utf8("   ")));
    assertThrows(JsonReadException.class, () -> reader.readJson(utf8("{} {}")));
  }

  @Test
  void duplicateKeysAreRejectedBecauseReadersWouldDisagree() {
    JsonReadException e = assertThrows(JsonReadException.class, () -> reader.readJson(utf8("{\"a\":1,\"a\":2}")));
    assertTrue(e.problem().message().contains("Duplicate"), e.problem().message());
  }

  @Test
  void limitsStopHostileDocuments() {
    LocatedJsonReader small = new LocatedJsonReader(new ReadLimits(1000, 10, 50));
    assertEquals("limit", assertThrows(JsonReadException.class,
        () -> small.readJson(utf8("[".repeat(11) + "]".repeat(11)))).problem().keyword());
    assertEquals("limit", assertThrows(JsonReadException.class,
        () -> small.readJson(utf8("\"" + "x".repeat(51) + "\""))).problem().keyword());
    assertEquals("limit", assertThrows(JsonReadException.class,
        () -> small.readJson(utf8("\"" + " ".repeat(1001) + "\""))).problem().keyword());
    // Deep nesting far beyond the stack must not overflow it.
    assertThrows(JsonReadException.class, () -> reader.readJson(utf8("[".repeat(100_000))));
  }

  @Test
  void yamlAliasBombIsRefused() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    char prev = 'a';
    for (char c = 'b'; c <= 'k'; c++) {
      yaml.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        yaml.append(i == 0 ? "" : ", ").append('*').append(prev);
      }
      yaml.append("]\n");
      prev = c;
    }
    JsonReadException e = assertThrows(JsonReadException.class, () -> reader.readYaml(utf8(yaml.toString())));
    assertTrue(e.problem().message().toLowerCase(java.util.Locale.ROOT).contains("alias"), e.problem().message());
  }

  @Test
  void yamlPositionsAreRecorded() throws Exception {
    LocatedJson doc = reader.readYaml(utf8("id: x\nrules:\n  - id: A\n    severity: high\n"));
    assertEquals(4, doc.positionOf("/rules/0/severity").orElseThrow().line());
  }
}
