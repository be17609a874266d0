package org.cyberbaseline.cli;

/**
 * A problem the user can fix, reported as one line on stderr with an exit code (no stack trace
 * unless {@code --verbose}).
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  CliException(String message) {
    this(message, null);
  }

  CliException(String message, Throwable cause) {
    super(message, cause);
    this.exitCode = ExitCodes.USAGE;
  }

  int exitCode() {
    return exitCode;
  }
}
