package org.cyberbaseline.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link CompactMembers} behaves as the {@code LinkedHashMap} it stands in for, under any edit. */
class CompactMembersTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void randomEditsMatchLinkedHashMap() {
    Random random = new Random(7);
    for (int round = 0; round < 200; round++) {
      CompactMembers compact = new CompactMembers(new Object[0], 0);
      Map<String, JsonNode> expected = new LinkedHashMap<>();
      for (int step = 0; step < 60; step++) {
        String key = "k" + random.nextInt(12);
        JsonNode value = NODES.numberNode(random.nextInt(5));
        switch (random.nextInt(8)) {
          case 0, 1, 2 -> assertEquals(expected.put(key, value), compact.put(key, value));
          case 3 -> assertEquals(expected.remove(key), compact.remove(key));
          case 4 -> {
            Iterator<Map.Entry<String, JsonNode>> a = expected.entrySet().iterator();
            Iterator<Map.Entry<String, JsonNode>> b = compact.entrySet().iterator();
            while (a.hasNext()) {
              Map.Entry<String, JsonNode> x = a.next();
              Map.Entry<String, JsonNode> y = b.next();
              assertEquals(x, y);
              if (random.nextInt(3) == 0) {
                a.remove();
                b.remove();
              } else if (random.nextInt(3) == 0) {
                assertEquals(x.setValue(value), y.setValue(value));
              }
            }
          }
          case 5 -> {
            Set<String> drop = new HashSet<>(List.of("k" + random.nextInt(12), "k" + random.nextInt(12)));
            expected.keySet().removeAll(drop);
            compact.keySet().removeAll(drop);
          }
          case 6 -> {
            expected.values().removeIf(v -> v.intValue() == 3);
            compact.values().removeIf(v -> v.intValue() == 3);
          }
          default -> {
            assertEquals(expected.get(key), compact.get(key));
            assertEquals(expected.containsKey(key), compact.containsKey(key));
          }
        }
        assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(compact.entrySet()));
        assertEquals(expected, compact);
        assertEquals(compact, expected);
        assertEquals(expected.hashCode(), compact.hashCode());
        assertEquals(expected.size(), compact.size());
      }
      compact.clear();
      assertEquals(Map.of(), compact);
    }
  }

  @Test
  void iteratorRemoveNeedsNext() {
    CompactMembers compact = new CompactMembers(new Object[] {"a", NODES.nullNode()}, 1);
    Iterator<Map.Entry<String, JsonNode>> it = compact.entrySet().iterator();
    assertThrows(IllegalStateException.class, it::remove);
    it.next();
    assertThrows(java.util.NoSuchElementException.class, it::next);
  }

  @Test
  void objectNodeOperationsOnAReadDocument() throws Exception {
    ObjectNode root =
        (ObjectNode)
            new LocatedJsonReader().readJson("{\"a\": 1, \"b\": {\"c\": 2}, \"d\": [3]}".getBytes(StandardCharsets.UTF_8)).root();
    root.put("e", 5);
    root.remove("a");
    root.retain(List.of("b", "d", "e"));
    ((ObjectNode) root.get("b")).put("c", 20);
    root.without(List.of("d"));
    assertEquals("{\"b\":{\"c\":20},\"e\":5}", root.toString());
    assertEquals(List.of("b", "e"), iterable(root.fieldNames()));
    root.removeAll();
    assertEquals("{}", root.toString());
  }

  private static List<String> iterable(Iterator<String> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
