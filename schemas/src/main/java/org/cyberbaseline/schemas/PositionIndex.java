package org.cyberbaseline.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each value of a parsed document started, stored compactly and independently of the tree:
 * per value one {@code long} (line and column packed), its member name when it is a member of an
 * object, and, when it is itself an array or object, where its children are. The children of one
 * container occupy one contiguous run of slots. A JSON Pointer is resolved by walking these runs
 * from the root, so no pointer string is built while reading, and the index answers the same
 * whatever later happens to the tree (or after the tree is gone, see {@link LocatedJson#locator()}).
 *
 * <p>This replaced a map from every value's pointer string to its position, which for a 40 MB SBOM
 * held 1.3 million strings and cost more time and memory than the parse itself.
 *
 * <p>Immutable once built, and so safe to share between threads; the lazily built name index of
 * large objects is held in a concurrent map.
 */
final class PositionIndex {
  /** No position known (the parser gave none). */
  static final long NONE = -1L;

  /** Objects with more members than this get a hash index on first lookup instead of a scan. */
  private static final int SCAN_LIMIT = 16;

  /** Slots are stored in chunks so that a large document never needs one huge array or a copy to grow it. */
  private static final int CHUNK_BITS = 12;
  private static final int CHUNK = 1 << CHUNK_BITS;
  private static final int CHUNK_MASK = CHUNK - 1;

  static final PositionIndex EMPTY = new PositionIndex(NONE, -1, 0, new long[0][], new String[0][], new int[0][], new int[0][]);

  private final long root;
  private final int rootFirst;
  private final int rootCount;
  private final long[][] where;
  private final String[][] names;
  private final int[][] firsts;
  private final int[][] counts;
  private final Map<Integer, Map<String, Integer>> largeObjects = new ConcurrentHashMap<>();

  private PositionIndex(
      long root, int rootFirst, int rootCount, long[][] where, String[][] names, int[][] firsts, int[][] counts) {
    this.root = root;
    this.rootFirst = rootFirst;
    this.rootCount = rootCount;
    this.where = where;
    this.names = names;
    this.firsts = firsts;
    this.counts = counts;
  }

  static long pack(int line, int column) {
    return ((long) line << 32) | (column & 0xffffffffL);
  }

  Optional<Position> positionOf(String pointer) {
    long found = root;
    if (!pointer.isEmpty() && pointer.charAt(0) == '/') {
      int first = rootFirst;
      int count = rootCount;
      int start = 1;
      while (count > 0) {
        int end = pointer.indexOf('/', start);
        String token = pointer.substring(start, end < 0 ? pointer.length() : end);
        int slot;
        if (name(first) != null) {
          String name = unescape(token);
          slot = name == null ? -1 : memberSlot(first, count, name);
        } else {
          int i = arrayIndex(token);
          slot = i < 0 || i >= count ? -1 : first + i;
        }
        if (slot < 0) {
          break;
        }
        long position = where[slot >>> CHUNK_BITS][slot & CHUNK_MASK];
        if (position != NONE) {
          found = position;
        }
        if (end < 0) {
          break;
        }
        first = firsts[slot >>> CHUNK_BITS][slot & CHUNK_MASK];
        count = counts[slot >>> CHUNK_BITS][slot & CHUNK_MASK];
        start = end + 1;
      }
    }
    return found == NONE ? Optional.empty() : Optional.of(new Position((int) (found >>> 32), (int) found));
  }

  private int memberSlot(int first, int count, String name) {
    if (count <= SCAN_LIMIT) {
      for (int i = first; i < first + count; i++) {
        if (name(i).equals(name)) {
          return i;
        }
      }
      return -1;
    }
    Map<String, Integer> byName =
        largeObjects.computeIfAbsent(
            first,
            f -> {
              Map<String, Integer> map = new HashMap<>(count * 4 / 3 + 1);
              for (int i = f; i < f + count; i++) {
                map.put(name(i), i);
              }
              return map;
            });
    Integer slot = byName.get(name);
    return slot == null ? -1 : slot;
  }

  private String name(int slot) {
    return names[slot >>> CHUNK_BITS][slot & CHUNK_MASK];
  }

  /** RFC 6901 unescaping; null for a token no escaped member name can equal (a stray '~'). */
  private static String unescape(String token) {
    int tilde = token.indexOf('~');
    if (tilde < 0) {
      return token;
    }
    StringBuilder out = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c != '~') {
        out.append(c);
      } else if (i + 1 < token.length() && token.charAt(i + 1) == '0') {
        out.append('~');
        i++;
      } else if (i + 1 < token.length() && token.charAt(i + 1) == '1') {
        out.append('/');
        i++;
      } else {
        return null;
      }
    }
    return out.toString();
  }

  /** The index an array token names, or -1: only the canonical decimal form counts, as in a pointer. */
  private static int arrayIndex(String token) {
    int n = token.length();
    if (n == 0 || n > 9 || (n > 1 && token.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * Collects positions while a document is read. The children of the container being read at each
   * depth are gathered in a per-depth scratch area by the reader and appended here when the
   * container ends, so that every container's children end up contiguous.
   */
  static final class Builder {
    private long[][] where = new long[16][];
    private String[][] names = new String[16][];
    private int[][] firsts = new int[16][];
    private int[][] counts = new int[16][];
    private int size;

    /**
     * Appends the children of one container: their positions, for an object their names ({@code
     * childNames} null for an array), and for each child that is a container where its own
     * children are (first slot and count; -1 and 0 for a scalar). Returns the slot of the first.
     */
    int append(long[] childWhere, String[] childNames, int[] childFirsts, int[] childCounts, int count) {
      int first = size;
      int done = 0;
      while (done < count) {
        int chunk = size >>> CHUNK_BITS;
        int offset = size & CHUNK_MASK;
        if (chunk == where.length) {
          where = Arrays.copyOf(where, chunk * 2);
          names = Arrays.copyOf(names, chunk * 2);
          firsts = Arrays.copyOf(firsts, chunk * 2);
          counts = Arrays.copyOf(counts, chunk * 2);
        }
        if (where[chunk] == null) {
          where[chunk] = new long[CHUNK];
          names[chunk] = new String[CHUNK];
          firsts[chunk] = new int[CHUNK];
          counts[chunk] = new int[CHUNK];
        }
        int n = Math.min(count - done, CHUNK - offset);
        System.arraycopy(childWhere, done, where[chunk], offset, n);
        if (childNames != null) {
          System.arraycopy(childNames, done, names[chunk], offset, n);
        }
        System.arraycopy(childFirsts, done, firsts[chunk], offset, n);
        System.arraycopy(childCounts, done, counts[chunk], offset, n);
        done += n;
        size += n;
      }
      return first;
    }

    PositionIndex build(long root, int rootFirst, int rootCount) {
      return new PositionIndex(root, rootFirst, rootCount, where, names, firsts, counts);
    }
  }
}
