package org.cyberbaseline.sbom;

import com.networknt.schema.SpecVersion;
import java.util.List;
import java.util.Map;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.LocatedJson;
import org.cyberbaseline.schemas.SchemaCheck;

/**
 * The official CycloneDX JSON schemas, resolved from the classpath only so that validation never
 * goes online. 1.2 to 1.6 are the copies inside cyclonedx-core-java's jar (at its root); 1.7 is
 * not in that jar, so an unmodified copy ships with this module (see the NOTICE beside it).
 *
 * <p>The two sets live in separate {@link SchemaCheck}s on purpose: both resolve the same
 * {@code $id}s ({@code spdx.schema.json}, {@code jsf-0.82.schema.json}), and 1.7 needs its own,
 * newer SPDX licence list rather than the jar's.
 *
 * <p>Each SchemaCheck compiles a schema once and caches it; they are static so that every
 * {@link SbomReader} in the JVM shares the compiled schemas. Both are thread-safe.
 */
final class CycloneDxSchemas {
  private static final String ID_PREFIX = "http://cyclonedx.org/schema/";

  private CycloneDxSchemas() {}

  /** Holder idiom: nothing is set up until the first CycloneDX document needs checking. */
  private static final class Checks {
    static final SchemaCheck CORE_JAVA_JAR =
        SchemaCheck.forDialect(SpecVersion.VersionFlag.V7, Map.of(ID_PREFIX, "classpath:"));
    static final SchemaCheck BUNDLED =
        SchemaCheck.forDialect(
            SpecVersion.VersionFlag.V7, Map.of(ID_PREFIX, "classpath:org/cyberbaseline/sbom/cyclonedx/"));
  }

  /**
   * Validates against the schema of {@code specVersion} (one of {@link
   * CycloneDxJson#SUPPORTED_VERSIONS}). The 1.2 and 1.3 files declare {@code $id}s ending in
   * "bom-1.2b" and "bom-1.3a"; they are fetched by file name, and their relative {@code $ref}s
   * still resolve under the same prefix.
   */
  static List<JsonProblem> check(String specVersion, LocatedJson document) {
    SchemaCheck check = "1.7".equals(specVersion) ? Checks.BUNDLED : Checks.CORE_JAVA_JAR;
    return check.check(ID_PREFIX + "bom-" + specVersion + ".schema.json", document);
  }
}
