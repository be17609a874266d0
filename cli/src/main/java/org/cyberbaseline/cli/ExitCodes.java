package org.cyberbaseline.cli;

/** The process exit codes of {@code cyber-baseline}. */
final class ExitCodes {
  /** No finding at or above {@code --fail-on} (or {@code --fail-on never}); other commands: success. */
  static final int OK = 0;
  /** At least one finding at or above {@code --fail-on}. */
  static final int FINDINGS = 1;
  /**
   * Usage error (bad option, unknown baseline or rule, invalid pack, malformed ID@VERSION), or
   * input that cannot be validated at all (no such path, folder without submission.json, file too
   * large), or the report cannot be written.
   */
  static final int USAGE = 2;
  /** A bug in the tool: an unexpected exception. */
  static final int INTERNAL = 3;

  private ExitCodes() {}
}
