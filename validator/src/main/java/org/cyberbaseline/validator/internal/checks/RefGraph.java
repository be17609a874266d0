package org.cyberbaseline.validator.internal.checks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dependency graph over bom-refs / SPDX ids, with each distinct reference numbered once. A large
 * SBOM has tens of thousands of references, long strings that differ only near their ends; hashing
 * and comparing them again at every step of a reachability or cycle search was most of the
 * dependency-graph check's time. Here each string is hashed once, when it is numbered, and the
 * searches walk int arrays.
 *
 * <p>Build with {@link #node} and {@link #addEntry}, then query. Entries keep their order: the cycle
 * search starts from sources in the order their first entry was added (the document's order), so
 * its count is fixed by the input.
 */
final class RefGraph {
  private final Map<String, Integer> ids;
  private final List<String> refs;
  private int[] edgeFrom = new int[64];
  private int[] edgeTo = new int[64];
  private int edgeCount;
  private int[] sources = new int[64];
  private int sourceCount;
  private boolean[] isSource = new boolean[64];
  /** Compressed adjacency, built on first query: targets of node n are targets[offsets[n]..offsets[n+1]). */
  private int[] offsets;
  private int[] targets;

  /** A graph sized for about {@code expectedRefs} references, so that numbering them never rehashes. */
  RefGraph(int expectedRefs) {
    ids = new HashMap<>(Math.max(16, expectedRefs * 2));
    refs = new ArrayList<>(expectedRefs);
  }

  /** The number of {@code ref}, numbering it if it is new. */
  int node(String ref) {
    Integer id = ids.get(ref);
    if (id != null) {
      return id;
    }
    int next = refs.size();
    ids.put(ref, next);
    refs.add(ref);
    offsets = null;
    return next;
  }

  /** The number of {@code ref}, or -1 if it was never numbered. */
  int find(String ref) {
    Integer id = ids.get(ref);
    return id == null ? -1 : id;
  }

  int size() {
    return refs.size();
  }

  /** Records that {@code from} depends on each of {@code dependsOn}, in order; repeated entries add up. */
  void addEntry(String from, List<String> dependsOn) {
    int source = node(from);
    if (source >= isSource.length) {
      isSource = Arrays.copyOf(isSource, Math.max(source + 1, isSource.length * 2));
    }
    if (!isSource[source]) {
      isSource[source] = true;
      if (sourceCount == sources.length) {
        sources = Arrays.copyOf(sources, sourceCount * 2);
      }
      sources[sourceCount++] = source;
    }
    for (String target : dependsOn) {
      int to = node(target);
      if (edgeCount == edgeFrom.length) {
        edgeFrom = Arrays.copyOf(edgeFrom, edgeCount * 2);
        edgeTo = Arrays.copyOf(edgeTo, edgeCount * 2);
      }
      edgeFrom[edgeCount] = source;
      edgeTo[edgeCount++] = to;
    }
    offsets = null;
  }

  /** Whether {@code node} has at least one dependency. */
  boolean hasDependencies(int node) {
    index();
    return offsets[node + 1] > offsets[node];
  }

  /** Which nodes a breadth-first search from {@code root} reaches (the root included). */
  boolean[] reachableFrom(int root) {
    index();
    boolean[] reached = new boolean[size()];
    int[] queue = new int[size()];
    int head = 0;
    int tail = 0;
    reached[root] = true;
    queue[tail++] = root;
    while (head < tail) {
      int node = queue[head++];
      for (int e = offsets[node]; e < offsets[node + 1]; e++) {
        int next = targets[e];
        if (!reached[next]) {
          reached[next] = true;
          queue[tail++] = next;
        }
      }
    }
    return reached;
  }

  /**
   * Number of back edges found by an iterative depth-first search (no recursion: graphs can be
   * deep), started from each source in entry order. The count depends on that order, which is the
   * input's.
   */
  int countCycles() {
    index();
    int n = size();
    byte[] state = new byte[n]; // 0 = unseen, 1 = on the current path, 2 = done
    int[] pathNode = new int[n];
    int[] pathNextEdge = new int[n];
    int cycles = 0;
    for (int s = 0; s < sourceCount; s++) {
      int start = sources[s];
      if (state[start] != 0) {
        continue;
      }
      int depth = 0;
      state[start] = 1;
      pathNode[0] = start;
      pathNextEdge[0] = offsets[start];
      while (depth >= 0) {
        int node = pathNode[depth];
        if (pathNextEdge[depth] < offsets[node + 1]) {
          int target = targets[pathNextEdge[depth]++];
          if (state[target] == 0) {
            state[target] = 1;
            depth++;
            pathNode[depth] = target;
            pathNextEdge[depth] = offsets[target];
          } else if (state[target] == 1) {
            cycles++;
          }
        } else {
          state[node] = 2;
          depth--;
        }
      }
    }
    return cycles;
  }

  /** Builds the compressed adjacency, keeping each source's targets in the order they were added. */
  private void index() {
    if (offsets != null) {
      return;
    }
    int n = size();
    int[] start = new int[n + 1];
    for (int e = 0; e < edgeCount; e++) {
      start[edgeFrom[e] + 1]++;
    }
    for (int i = 0; i < n; i++) {
      start[i + 1] += start[i];
    }
    int[] fill = Arrays.copyOf(start, n);
    int[] to = new int[edgeCount];
    for (int e = 0; e < edgeCount; e++) {
      to[fill[edgeFrom[e]]++] = edgeTo[e];
    }
    offsets = start;
    targets = to;
  }
}
