package org.cyberbaseline.schemas;

/**
 * The JSON Schemas of the formats this project defines. Each has a versioned {@code $id}; a new
 * incompatible version of a format gets a new constant and a new file, never an edit in place.
 */
public enum BundledSchema {
  SUBMISSION_1_0("submission-1.0.schema.json"),
  RULE_PACK_1_0("rule-pack-1.0.schema.json"),
  REPORT_1_0("report-1.0.schema.json"),
  WAIVERS_1_0("waivers-1.0.schema.json"),
  DQI_MANIFEST_1_0("dqi-manifest-1.0.schema.json"),
  THREAT_MODEL_1_0("threat-model-1.0.schema.json"),
  SUPPORT_ADDENDUM_1_0("support-addendum-1.0.schema.json");

  /** Base of every {@code $id}; mapped to this module's classpath so validation never goes online. */
  public static final String ID_BASE = "https://cyberbaseline.org/schemas/";

  static final String CLASSPATH_BASE = "org/cyberbaseline/schemas/";

  private final String fileName;

  BundledSchema(String fileName) {
    this.fileName = fileName;
  }

  /** The schema's {@code $id}. */
  public String id() {
    return ID_BASE + fileName;
  }

  /** Classpath resource holding the schema. */
  public String resource() {
    return CLASSPATH_BASE + fileName;
  }
}
