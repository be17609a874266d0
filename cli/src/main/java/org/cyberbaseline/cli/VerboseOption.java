package org.cyberbaseline.cli;

import picocli.CommandLine.Option;

/** {@code -v/--verbose}: show the stack trace behind an error. */
final class VerboseOption {
  static final String NAME = "--verbose";

  @Option(names = {"-v", NAME}, description = "On error, also print the stack trace.")
  boolean verbose;
}
