package org.cyberbaseline.threatmodel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The canonical vocabularies of the threat model and the spellings read as each. Matching ignores
 * case, spaces, hyphens, underscores, "and" and "&amp;", so "Denial of Service", "denial-of-service"
 * and "DenialOfService" are one value.
 */
public final class Vocabulary {
  private Vocabulary() {}

  /** STRIDE (IEC 81001-5-1 Annex C.8 lists it among the threat-modelling methods). */
  public static final List<String> STRIDE = List.of(
      "spoofing", "tampering", "repudiation", "information-disclosure", "denial-of-service", "elevation-of-privilege");

  /**
   * FDA premarket guidance Appendix 1 A–H, in that order. §V.B.1 calls H "updatability and
   * patchability"; Appendix 1 calls it "firmware and software updates": both spellings (and the
   * letter) read as {@code firmware-software-updates}.
   */
  public static final List<String> CONTROL_CATEGORIES = List.of(
      "authentication", "authorization", "cryptography", "code-data-execution-integrity", "confidentiality",
      "event-detection-logging", "resiliency-recovery", "firmware-software-updates");

  /** The four views of §V.B.2 (a)–(d). */
  public static final List<String> VIEW_TYPES = List.of(
      "global-system", "multi-patient-harm", "updatability-patchability", "security-use-case");

  /** Threat-source lifecycle phases (§V.A.1 bullet 3, as the catalogue's TM-003 lists them). */
  public static final List<String> LIFECYCLE_PHASES = List.of(
      "supply-chain", "manufacturing", "deployment", "interoperation", "maintenance-update", "decommissioning");

  private static final Map<String, String> STRIDE_ALIASES = aliases(STRIDE, Map.of(
      "s", "spoofing", "t", "tampering", "r", "repudiation", "i", "information-disclosure",
      "d", "denial-of-service", "e", "elevation-of-privilege", "dos", "denial-of-service",
      "informationdisclosure", "information-disclosure", "elevationofprivileges", "elevation-of-privilege"));

  private static final Map<String, String> CONTROL_ALIASES;

  static {
    Map<String, String> extra = new LinkedHashMap<>();
    String[] letters = {"a", "b", "c", "d", "e", "f", "g", "h"};
    for (int i = 0; i < letters.length; i++) {
      extra.put(letters[i], CONTROL_CATEGORIES.get(i));
      extra.put("appendix1" + letters[i], CONTROL_CATEGORIES.get(i));
    }
    extra.put("updatabilitypatchability", "firmware-software-updates");
    extra.put("updateabilitypatchability", "firmware-software-updates");
    extra.put("softwareupdates", "firmware-software-updates");
    extra.put("firmwaresoftwareupdate", "firmware-software-updates");
    extra.put("integrity", "code-data-execution-integrity");
    extra.put("codedataexecutionintegrity", "code-data-execution-integrity");
    extra.put("codedataandexecutionintegrity", "code-data-execution-integrity");
    extra.put("eventdetectionlogging", "event-detection-logging");
    extra.put("logging", "event-detection-logging");
    extra.put("resiliencyrecovery", "resiliency-recovery");
    extra.put("resilience", "resiliency-recovery");
    CONTROL_ALIASES = aliases(CONTROL_CATEGORIES, extra);
  }

  private static final Map<String, String> VIEW_ALIASES = aliases(VIEW_TYPES, Map.of(
      "global", "global-system", "globalsystemview", "global-system", "multipatient", "multi-patient-harm",
      "multipatientharmview", "multi-patient-harm", "updatability", "updatability-patchability",
      "updateability", "updatability-patchability", "updateabilitypatchability", "updatability-patchability",
      "usecase", "security-use-case"));

  private static final Map<String, String> PHASE_ALIASES = aliases(LIFECYCLE_PHASES, Map.of(
      "supplychain", "supply-chain", "maintenance", "maintenance-update", "update", "maintenance-update",
      "maintenanceandupdate", "maintenance-update", "decommission", "decommissioning", "interoperability", "interoperation"));

  public static Optional<String> stride(String value) {
    return lookup(STRIDE_ALIASES, value);
  }

  public static Optional<String> controlCategory(String value) {
    return lookup(CONTROL_ALIASES, value);
  }

  public static Optional<String> viewType(String value) {
    return lookup(VIEW_ALIASES, value);
  }

  public static Optional<String> lifecyclePhase(String value) {
    return lookup(PHASE_ALIASES, value);
  }

  private static Map<String, String> aliases(List<String> canonical, Map<String, String> extra) {
    Map<String, String> map = new LinkedHashMap<>();
    canonical.forEach(c -> map.put(key(c), c));
    extra.forEach((k, v) -> map.put(key(k), v));
    return Map.copyOf(map);
  }

  private static Optional<String> lookup(Map<String, String> aliases, String value) {
    return value == null ? Optional.empty() : Optional.ofNullable(aliases.get(key(value)));
  }

  static String key(String value) {
    String k = value.toLowerCase(Locale.ROOT).replace("&", " and ");
    k = k.replaceAll("[^a-z0-9]+", " ").strip();
    k = (" " + k + " ").replace(" and ", " ").replace(" view ", " ");
    return k.replace(" ", "");
  }
}
