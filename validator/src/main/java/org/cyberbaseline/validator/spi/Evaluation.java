package org.cyberbaseline.validator.spi;

import java.util.List;
import java.util.Objects;
import org.cyberbaseline.validator.Finding;

/** What a check decided for one rule. */
public sealed interface Evaluation {

  /** One sentence saying what was checked or why the status is what it is. */
  String explanation();

  /** The requirement is met. */
  record Pass(String explanation) implements Evaluation {
    public Pass {
      Objects.requireNonNull(explanation, "explanation");
    }
  }

  /** The requirement is not met; at least one finding says where. */
  record Fail(String explanation, List<Finding> findings) implements Evaluation {
    public Fail {
      Objects.requireNonNull(explanation, "explanation");
      findings = List.copyOf(findings);
      if (findings.isEmpty()) {
        throw new IllegalArgumentException("a failed rule names at least one finding");
      }
    }
  }

  /** The rule does not apply to this submission. */
  record NotApplicable(String explanation) implements Evaluation {
    public NotApplicable {
      Objects.requireNonNull(explanation, "explanation");
    }
  }

  /** Present, but only a human can judge adequacy; findings point at what to read. */
  record NeedsReview(String explanation, List<Finding> findings) implements Evaluation {
    public NeedsReview {
      Objects.requireNonNull(explanation, "explanation");
      findings = List.copyOf(findings);
    }
  }

  /** Fail when there are findings, otherwise pass with {@code passExplanation}. */
  static Evaluation failIfAny(List<Finding> findings, String failExplanation, String passExplanation) {
    return findings.isEmpty() ? new Pass(passExplanation) : new Fail(failExplanation, findings);
  }
}
