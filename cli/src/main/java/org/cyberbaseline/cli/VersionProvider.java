package org.cyberbaseline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.cyberbaseline.validator.Validator;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the validator library's version, the one written into every report. */
public final class VersionProvider implements IVersionProvider {
  private static final String RESOURCE = "/org/cyberbaseline/validator/version.properties";

  @Override
  public String[] getVersion() {
    return new String[] {
      "cyber-baseline " + version(),
      "default baseline " + Validator.DEFAULT_BASELINE,
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }

  static String version() {
    try (InputStream in = Validator.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
