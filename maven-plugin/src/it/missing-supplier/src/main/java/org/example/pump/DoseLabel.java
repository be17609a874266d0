package org.example.pump;

import org.apache.commons.lang3.StringUtils;

/** A tiny class so the sample jar really uses its one dependency. */
public final class DoseLabel {
  private DoseLabel() {}

  public static String of(String drug, double mlPerHour) {
    return StringUtils.capitalize(drug.strip()) + " " + mlPerHour + " mL/h";
  }
}
