package org.cyberbaseline.validator;

/** Outcome of one rule for one submission. */
public enum Status {
  /** The rule's requirement is met. */
  PASS,
  /** The requirement is not met; the result's findings say where. */
  FAIL,
  /** The rule does not apply (device conditions, or an artifact the run does not have). */
  NOT_APPLICABLE,
  /** Only a human can judge it: listed, not hidden, with what the tool could see. */
  NEEDS_REVIEW
}
