package org.cyberbaseline.cli;

import org.cyberbaseline.validator.Validator;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the validator library's version, the one written into every report. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "cyber-baseline " + version(),
      "default baseline: the newest " + Validator.DEFAULT_BASELINE_ID + " pack",
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  static String version() {
    return Validator.version();
  }
}
