package org.cyberbaseline.validator;

/**
 * The input cannot be validated at all: the folder or file does not exist, is not readable, or a
 * folder has no {@code submission.json}. Problems inside a readable submission are findings, not
 * exceptions.
 */
public final class SubmissionException extends Exception {
  private static final long serialVersionUID = 1L;

  public SubmissionException(String message) {
    super(message);
  }

  public SubmissionException(String message, Throwable cause) {
    super(message, cause);
  }
}
