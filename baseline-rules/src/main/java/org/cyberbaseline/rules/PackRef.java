package org.cyberbaseline.rules;

import java.util.Objects;
import java.util.regex.Pattern;

/** Names one version of a rule pack, written {@code id@version} (e.g. {@code ntia-sbom@2021}). */
public record PackRef(String id, String version) implements Comparable<PackRef> {
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,63}");
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public PackRef {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(version, "version");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("invalid pack id '" + id + "'");
    }
    if (!VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("invalid pack version '" + version + "'");
    }
  }

  /** Parses {@code id@version}. */
  public static PackRef parse(String text) {
    int at = text.indexOf('@');
    if (at <= 0 || at == text.length() - 1 || text.indexOf('@', at + 1) >= 0) {
      throw new IllegalArgumentException(
          "expected a baseline as ID@VERSION (e.g. ntia-sbom@2021), got '" + text + "'");
    }
    return new PackRef(text.substring(0, at), text.substring(at + 1));
  }

  @Override
  public int compareTo(PackRef other) {
    int byId = id.compareTo(other.id);
    return byId != 0 ? byId : version.compareTo(other.version);
  }

  @Override
  public String toString() {
    return id + "@" + version;
  }
}
