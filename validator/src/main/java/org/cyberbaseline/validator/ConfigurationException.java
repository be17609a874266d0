package org.cyberbaseline.validator;

/**
 * The validator cannot be built as asked: unknown baseline, invalid rule pack, a rule naming a
 * check type that is not on the classpath, or parameters that check type rejects.
 */
public final class ConfigurationException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigurationException(String message) {
    super(message);
  }

  public ConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
