package org.cyberbaseline.schemas;

import java.util.Objects;

/** A document could not be read at all (syntax error, truncated, limit exceeded). */
public final class JsonReadException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient JsonProblem problem;

  public JsonReadException(JsonProblem problem) {
    super(problem.toString());
    this.problem = Objects.requireNonNull(problem);
  }

  public JsonProblem problem() {
    return problem;
  }
}
