package org.cyberbaseline.validator.internal.checks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyGraphCheckTest {
  private static RefGraph graph(Map<String, List<String>> entries) {
    RefGraph graph = new RefGraph(entries.size());
    entries.forEach(graph::addEntry);
    return graph;
  }

  private static Map<String, List<String>> ordered(Object... refAndTargets) {
    Map<String, List<String>> entries = new LinkedHashMap<>();
    for (int i = 0; i < refAndTargets.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> targets = (List<String>) refAndTargets[i + 1];
      entries.put((String) refAndTargets[i], targets);
    }
    return entries;
  }

  @Test
  void countsCyclesWithoutRecursion() {
    assertEquals(0, graph(ordered("a", List.of("b"), "b", List.of("c"))).countCycles());
    assertEquals(1, graph(ordered("a", List.of("b"), "b", List.of("a"))).countCycles());
    assertEquals(1, graph(ordered("a", List.of("a"))).countCycles());
    assertEquals(2, graph(ordered("a", List.of("b", "c"), "b", List.of("a"), "c", List.of("a"))).countCycles());
    // A 200,000-long chain closing on itself would overflow a recursive search.
    RefGraph chain = new RefGraph(200_001);
    for (int i = 0; i < 200_000; i++) {
      chain.addEntry("n" + i, List.of("n" + (i + 1)));
    }
    chain.addEntry("n200000", List.of("n0"));
    assertEquals(1, chain.countCycles());
  }

  @Test
  void cycleCountIsFixedByTheInput() {
    // a -> b -> c -> a and c -> b: from a, the path a, b, c closes on a and on b; entered at b
    // instead, the path b, c, a closes on b twice (a -> b, then c -> b).
    assertEquals(2, graph(ordered("a", List.of("b"), "b", List.of("c"), "c", List.of("a", "b"))).countCycles());
    assertEquals(2, graph(ordered("b", List.of("c"), "c", List.of("a", "b"), "a", List.of("b"))).countCycles());
    // Same graph twice gives the same count: nothing depends on hashing order.
    Map<String, List<String>> diamond = ordered("r", List.of("x", "y"), "x", List.of("z"), "y", List.of("z"), "z", List.of("r"));
    assertEquals(graph(diamond).countCycles(), graph(diamond).countCycles());
    // From r: r, x, z closes on r; y then reaches z, already finished, which is no cycle.
    assertEquals(1, graph(diamond).countCycles());
  }

  @Test
  void reachabilityAndRepeatedEntriesAddUp() {
    RefGraph graph = graph(ordered("root", List.of("a"), "a", List.of(), "orphan", List.of("a")));
    graph.addEntry("a", List.of("b")); // a second entry for "a" adds to the first
    int root = graph.find("root");
    boolean[] reached = graph.reachableFrom(root);
    assertTrue(reached[graph.find("a")]);
    assertTrue(reached[graph.find("b")]);
    assertFalse(reached[graph.find("orphan")]);
    assertTrue(graph.hasDependencies(graph.find("a")));
    assertFalse(graph.hasDependencies(graph.find("b")));
    assertEquals(-1, graph.find("never-named"));
    assertArrayEquals(new boolean[] {true, true, false, true}, reached);
  }
}
