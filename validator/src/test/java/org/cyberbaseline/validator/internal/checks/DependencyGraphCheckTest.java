package org.cyberbaseline.validator.internal.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DependencyGraphCheckTest {
  @Test
  void countsCyclesWithoutRecursion() {
    assertEquals(0, DependencyGraphCheck.countCycles(Map.of("a", List.of("b"), "b", List.of("c"))));
    assertEquals(1, DependencyGraphCheck.countCycles(Map.of("a", List.of("b"), "b", List.of("a"))));
    assertEquals(1, DependencyGraphCheck.countCycles(Map.of("a", List.of("a"))));
    assertEquals(2, DependencyGraphCheck.countCycles(Map.of("a", List.of("b", "c"), "b", List.of("a"), "c", List.of("a"))));
    // A 200,000-long chain closing on itself would overflow a recursive search.
    Map<String, List<String>> chain = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      chain.put("n" + i, new ArrayList<>(List.of("n" + (i + 1))));
    }
    chain.put("n200000", List.of("n0"));
    assertEquals(1, DependencyGraphCheck.countCycles(chain));
  }
}
