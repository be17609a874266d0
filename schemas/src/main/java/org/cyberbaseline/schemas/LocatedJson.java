package org.cyberbaseline.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A parsed JSON or YAML tree together with where each value started in the source text, so that
 * every finding can name a line and column as well as a JSON Pointer.
 */
public final class LocatedJson {
  private final JsonNode root;
  private final PositionIndex positions;

  LocatedJson(JsonNode root, PositionIndex positions) {
    this.root = Objects.requireNonNull(root);
    this.positions = Objects.requireNonNull(positions);
  }

  /** Wraps a tree built in memory; it has no source positions. */
  public static LocatedJson withoutPositions(JsonNode root) {
    return new LocatedJson(root, PositionIndex.EMPTY);
  }

  public JsonNode root() {
    return root;
  }

  /**
   * Position of the value at {@code pointer}, or of its nearest ancestor that has one: a schema
   * error about a missing property points at the object that lacks it.
   */
  public Optional<Position> positionOf(String pointer) {
    return positions.positionOf(Objects.requireNonNull(pointer, "pointer"));
  }

  /**
   * {@link #positionOf} as a function that does not keep the tree reachable: a reader that has
   * mapped the tree into its own model can keep locating pointers while the tree itself is garbage
   * collected (for a large SBOM, most of the memory a read takes).
   */
  public Function<String, Optional<Position>> locator() {
    PositionIndex index = positions;
    return pointer -> index.positionOf(Objects.requireNonNull(pointer, "pointer"));
  }

  /** Escapes one reference token per RFC 6901. */
  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }
}
