package org.cyberbaseline.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The members of a small object read from a document, in document order, in one array of
 * alternating names and values. A {@code LinkedHashMap} costs about 40 bytes per member plus a
 * table of at least 16 slots; most objects in an SBOM have two to ten members, and there are
 * hundreds of thousands of them in a large one. Lookups scan the array, which for this few members
 * is as fast as hashing; {@link LocatedJsonReader} uses a {@code LinkedHashMap} for larger objects.
 *
 * <p>A complete, mutable {@link Map} (Jackson's {@code ObjectNode} may be edited by its user),
 * iterating in insertion order like {@code LinkedHashMap}. Not thread-safe for writes, like the
 * {@code ObjectNode} it serves.
 */
final class CompactMembers extends AbstractMap<String, JsonNode> {
  /** name0, value0, name1, value1, ... */
  private Object[] table;
  private int size;

  /** Takes ownership of {@code table}, whose first {@code size} pairs are the members (names unique). */
  CompactMembers(Object[] table, int size) {
    this.table = table;
    this.size = size;
  }

  private int indexOf(Object name) {
    Object[] t = table;
    if (!(name instanceof String wanted)) {
      for (int i = 0; i < size; i++) {
        if (t[2 * i] == name) {
          return i;
        }
      }
      return -1;
    }
    // Member names read by Jackson are interned, and so are most names asked for (schema keywords,
    // constants), so identity usually decides; the String's cached hash rejects the rest cheaply.
    int hash = wanted.hashCode();
    for (int i = 0; i < size; i++) {
      Object candidate = t[2 * i];
      if (candidate == wanted
          || (candidate != null && candidate.hashCode() == hash && wanted.equals(candidate))) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public boolean containsKey(Object name) {
    return indexOf(name) >= 0;
  }

  @Override
  public JsonNode get(Object name) {
    int i = indexOf(name);
    return i < 0 ? null : (JsonNode) table[2 * i + 1];
  }

  @Override
  public JsonNode put(String name, JsonNode value) {
    int i = indexOf(name);
    if (i >= 0) {
      JsonNode old = (JsonNode) table[2 * i + 1];
      table[2 * i + 1] = value;
      return old;
    }
    if (2 * size + 2 > table.length) {
      table = Arrays.copyOf(table, Math.max(8, table.length + table.length / 2 + 2));
    }
    table[2 * size] = name;
    table[2 * size + 1] = value;
    size++;
    return null;
  }

  @Override
  public JsonNode remove(Object name) {
    int i = indexOf(name);
    if (i < 0) {
      return null;
    }
    JsonNode old = (JsonNode) table[2 * i + 1];
    removeAt(i);
    return old;
  }

  private void removeAt(int i) {
    System.arraycopy(table, 2 * i + 2, table, 2 * i, 2 * (size - i - 1));
    size--;
    table[2 * size] = null;
    table[2 * size + 1] = null;
  }

  @Override
  public void clear() {
    Arrays.fill(table, 0, 2 * size, null);
    size = 0;
  }

  /** As {@link AbstractMap#hashCode()} specifies, without a view object per member (schemas hash whole subtrees for uniqueItems). */
  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < size; i++) {
      h += Objects.hashCode(table[2 * i]) ^ Objects.hashCode(table[2 * i + 1]);
    }
    return h;
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public Iterator<Map.Entry<String, JsonNode>> iterator() {
        return new Iterator<>() {
          private int next;
          private int last = -1;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<String, JsonNode> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            last = next++;
            return new Member(last);
          }

          @Override
          public void remove() {
            if (last < 0) {
              throw new IllegalStateException();
            }
            removeAt(last);
            next = last;
            last = -1;
          }
        };
      }
    };
  }

  /** A live view of one member, as a {@code LinkedHashMap} entry is. */
  private final class Member implements Map.Entry<String, JsonNode> {
    private final int index;

    Member(int index) {
      this.index = index;
    }

    @Override
    public String getKey() {
      return (String) table[2 * index];
    }

    @Override
    public JsonNode getValue() {
      return (JsonNode) table[2 * index + 1];
    }

    @Override
    public JsonNode setValue(JsonNode value) {
      JsonNode old = getValue();
      table[2 * index + 1] = value;
      return old;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Map.Entry<?, ?> e && Objects.equals(getKey(), e.getKey()) && Objects.equals(getValue(), e.getValue());
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(getKey()) ^ Objects.hashCode(getValue());
    }

    @Override
    public String toString() {
      return getKey() + "=" + getValue();
    }
  }
}
