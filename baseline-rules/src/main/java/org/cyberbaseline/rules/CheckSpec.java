package org.cyberbaseline.rules;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * The check a rule runs: a check type name, resolved to a Java class at validation time, and its
 * parameters as plain data.
 */
public final class CheckSpec {
  private final String type;
  private final ObjectNode params;

  public CheckSpec(String type, ObjectNode params) {
    this.type = Objects.requireNonNull(type, "type");
    this.params = params == null ? JsonNodeFactory.instance.objectNode() : params.deepCopy();
  }

  public String type() {
    return type;
  }

  /** A copy of the parameters; the spec itself stays immutable. */
  public ObjectNode params() {
    return params.deepCopy();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CheckSpec other && type.equals(other.type) && params.equals(other.params);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, params);
  }

  @Override
  public String toString() {
    return type + params;
  }
}
