package org.cyberbaseline.schemas;

import java.util.Objects;
import java.util.Optional;

/**
 * Something wrong with a JSON (or YAML) document, located by JSON Pointer and, where the parser
 * knows it, by line and column.
 *
 * @param pointer RFC 6901 JSON Pointer of the offending value ("" is the whole document)
 * @param position where the parser saw that value; empty when unknown (e.g. in-memory trees)
 * @param message human-readable explanation
 * @param keyword the schema keyword that failed ("required", "enum", ...) or "syntax" for parse errors
 */
public record JsonProblem(String pointer, Optional<Position> position, String message, String keyword) {
  public JsonProblem {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(keyword, "keyword");
  }

  @Override
  public String toString() {
    return (pointer.isEmpty() ? "/" : pointer)
        + position.map(p -> " (" + p + ")").orElse("")
        + ": "
        + message;
  }
}
