package org.cyberbaseline.validator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** This library's version, written into every report; filled in by the Maven build. */
final class ToolVersion {
  private static final String VERSION = load();

  private ToolVersion() {}

  static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ToolVersion.class.getResourceAsStream("/org/cyberbaseline/validator/version.properties")) {
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
