package org.cyberbaseline.rules;

import java.util.Locale;

/**
 * How much a failed rule matters. ERROR: a reviewer would likely raise a deficiency (statutory item,
 * core documentation element missing, integrity failure). WARNING: a "should" not met. INFO: good
 * practice, or asked only by another document version.
 */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lower-case name used in packs and reports. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Severity fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  /** True when this severity is at least as serious as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }
}
