package org.cyberbaseline.rules;

import java.util.List;
import java.util.stream.Collectors;
import org.cyberbaseline.schemas.JsonProblem;

/** A rule pack could not be found, read, or is not valid against the rule-pack schema. */
public final class RulePackException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final transient List<JsonProblem> problems;

  public RulePackException(String source, List<JsonProblem> problems) {
    super(format(source, problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  public RulePackException(String source, String message) {
    super(source + ": " + message);
    this.source = source;
    this.problems = List.of();
  }

  public String source() {
    return source;
  }

  public List<JsonProblem> problems() {
    return problems;
  }

  private static String format(String source, List<JsonProblem> problems) {
    return "invalid rule pack "
        + source
        + ":\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
