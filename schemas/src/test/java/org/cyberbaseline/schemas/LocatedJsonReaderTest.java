package org.cyberbaseline.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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

  @Test
  void repeatedStringValuesShareOneNodeAndKeepTheirPositions() throws Exception {
    String longText = "x".repeat(300);
    LocatedJson doc = reader.readJson(utf8(
        "[\"library\", {\"type\": \"library\"}, \"librarz\", \"caf\u00e9\", \"café\", \"\", \"\", \""
            + longText + "\", \"" + longText + "\"]"));
    var root = doc.root();
    assertSame(root.get(0), root.get(1).get("type"), "a repeat is the same immutable node");
    assertNotSame(root.get(0), root.get(2));
    assertEquals("librarz", root.get(2).textValue());
    // An escape and the character it stands for read as the same value, so they share too.
    assertSame(root.get(3), root.get(4));
    assertEquals("café", root.get(4).textValue());
    assertEquals("", root.get(6).textValue());
    // Long values are not cached: they rarely repeat, and comparing them would cost more than it saves.
    assertNotSame(root.get(7), root.get(8));
    assertEquals(root.get(7), root.get(8));
    // Sharing a node does not share a position: each occurrence keeps its own.
    assertEquals(Optional.of(new Position(1, 2)), doc.positionOf("/0"));
    assertEquals(Optional.of(new Position(1, 22)), doc.positionOf("/1/type"));
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
