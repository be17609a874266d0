package org.cyberbaseline.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed JSON or YAML tree together with where each value started in the source text, so that
 * every finding can name a line and column as well as a JSON Pointer.
 */
public final class LocatedJson {
  private final JsonNode root;
  private final Map<String, Position> positions;

  LocatedJson(JsonNode root, Map<String, Position> positions) {
    this.root = Objects.requireNonNull(root);
    this.positions = Map.copyOf(positions);
  }

  /** Wraps a tree built in memory; it has no source positions. */
  public static LocatedJson withoutPositions(JsonNode root) {
    return new LocatedJson(root, Map.of());
  }

  public JsonNode root() {
    return root;
  }

  /**
   * Position of the value at {@code pointer}, or of its nearest ancestor that has one: a schema
   * error about a missing property points at the object that lacks it.
   */
  public Optional<Position> positionOf(String pointer) {
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

  /** Escapes one reference token per RFC 6901. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
