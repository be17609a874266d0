package org.cyberbaseline.validator.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.rules.AppliesTo;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.rules.CheckSpec;
import org.cyberbaseline.rules.Citation;
import org.cyberbaseline.rules.Exclusion;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.Rule;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.LocatedJsonReader;
import org.cyberbaseline.schemas.ReadLimits;
import org.cyberbaseline.schemas.SchemaCheck;
import org.cyberbaseline.validator.ArtifactSummary;
import org.cyberbaseline.validator.BaselineSummary;
import org.cyberbaseline.validator.ConfigurationException;
import org.cyberbaseline.validator.DeviceIdentity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.RuleResult;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.Summary;
import org.cyberbaseline.validator.ValidationReport;
import org.cyberbaseline.validator.Validator;
import org.cyberbaseline.validator.Waiver;

/** Reports for the report-writer tests: real runs and small hand-made ones, and the SARIF schema. */
final class ReportFixtures {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC);
  static final PackRef PACK = new PackRef("test-pack", "1");
  static final Citation CITATION =
      new Citation("NTIA-ME-2021", "§IV Data fields: Supplier Name", Optional.of("https://example.org/ntia.pdf"));

  /** The OASIS SARIF 2.1.0 schema (draft-04) in the shared reference schemas. */
  static final Path SARIF_SCHEMA = repoRoot().resolve("../shared/reference-schemas/sarif-schema-2.1.0.json").normalize();

  private static final String SARIF_SCHEMA_FOLDER = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/";

  private ReportFixtures() {}

  static Path repoRoot() {
    String property = System.getProperty("cyberbaseline.repoRoot");
    return (property != null ? Path.of(property) : Path.of("..")).toAbsolutePath().normalize();
  }

  static Validator validator() throws ConfigurationException {
    return Validator.builder().baseline("ntia-sbom@2021").clock(CLOCK).build();
  }

  /** Schema violations of a SARIF log; CI has the shared schemas, so a missing schema fails. */
  static List<JsonProblem> sarifSchemaProblems(byte[] sarif) throws Exception {
    if (!Files.isRegularFile(SARIF_SCHEMA)) {
      throw new AssertionError("SARIF schema not found at " + SARIF_SCHEMA);
    }
    SchemaCheck check =
        SchemaCheck.forDialect(
            com.networknt.schema.SpecVersion.VersionFlag.V4,
            Map.of(SARIF_SCHEMA_FOLDER, SARIF_SCHEMA.getParent().toUri().toString()));
    return check.check(SarifReport.SCHEMA_URI, new LocatedJsonReader(ReadLimits.DEFAULT).readJson(sarif));
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A valid submission.json listing {@code sbomsJson} (line 7 is the model; line 12 the first SBOM path). */
  static String manifest(String sbomsJson) {
    return """
        {
          "submissionFormat": "1.0",
          "submissionDate": "2026-11-20",
          "device": {
            "manufacturer": "Example Medical",
            "deviceName": "Example Pump",
            "model": "EX-1",
            "softwareVersion": "1.0.0",
            "cyberDevice": true,
            "intendedUseEnvironments": ["hospital"]
          },
          "artifacts": { "sboms": %s }
        }
        """.formatted(sbomsJson);
  }

  static byte[] minimalSbom() {
    try {
      return Files.readAllBytes(Path.of("src/test/resources/rules/_base/minimal.cdx.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Rule rule(String id, String title, Severity severity) {
    return new Rule(
        id, title, "Why " + id + " matters.", severity, List.of(CITATION), Optional.of("Fix " + id + "."),
        Optional.empty(), new AppliesTo(Set.of(ArtifactType.SBOM), Optional.empty(), Set.of()),
        new CheckSpec("test.check", null));
  }

  static RulePack pack(Rule... rules) {
    return new RulePack(PACK, "Test pack", Optional.empty(), LocalDate.of(2026, 1, 1), List.of(), List.of(rules),
        "classpath:test", List.of(), List.of());
  }

  static Finding finding(String ruleId, Severity severity, String message, Location location) {
    return new Finding(ruleId, severity, message, location, List.of(CITATION), Optional.of("Fix it."));
  }

  /** A waiver for {@code ruleId} declared in waivers.json. */
  static Waiver waiver(String ruleId) {
    return new Waiver(Optional.of("W-1"), ruleId, Optional.empty(), Optional.empty(), "accepted <risk> | see @team",
        "J. Doe", LocalDate.of(2027, 6, 30), at("waivers.json", "/waivers/0", 3, 5));
  }

  /**
   * T-001 passes because a waiver accepts its one error; T-002 fails with a waived error (line 6)
   * and an open warning (line 7).
   */
  static ValidationReport waivedReport() {
    return report(
        List.of(),
        result(ALL_WAIVED, Status.PASS, "passes because a waiver accepts each of its 1 finding(s)",
            finding("T-001", Severity.ERROR, "bad", at("sbom/fw.cdx.json", "/components/0", 5, 5))
                .withWaiver(waiver("T-001"))),
        result(SOME_WAIVED, Status.FAIL, "one open finding",
            finding("T-002", Severity.ERROR, "waived error", at("sbom/fw.cdx.json", "/components/1", 6, 5))
                .withWaiver(waiver("T-002")),
            finding("T-002", Severity.WARNING, "open warning", at("sbom/fw.cdx.json", "/components/2", 7, 5))));
  }

  static final Rule ALL_WAIVED = rule("T-001", "All waived", Severity.ERROR);
  static final Rule SOME_WAIVED = rule("T-002", "Some waived", Severity.ERROR);

  static Location at(String artifact, String pointer, int line, int column) {
    return new Location(artifact, Optional.of(pointer), Optional.of(line), Optional.of(column));
  }

  static RuleResult result(Rule rule, Status status, String explanation, Finding... findings) {
    return new RuleResult(rule.id(), rule.title(), rule.severity(), status, explanation, rule.citations(),
        List.of(findings));
  }

  /** A hand-made submission report over {@link #PACK}. */
  static ValidationReport report(List<Finding> inputProblems, RuleResult... results) {
    return report(List.of(), inputProblems, results);
  }

  /** A hand-made submission report over {@link #PACK}, which leaves out {@code exclusions}. */
  static ValidationReport report(List<Exclusion> exclusions, List<Finding> inputProblems, RuleResult... results) {
    return new ValidationReport(
        "1.2.3",
        CLOCK.instant(),
        new BaselineSummary(PACK, "Test pack", LocalDate.of(2026, 1, 1), List.of(), exclusions),
        ValidationReport.Mode.SUBMISSION,
        Optional.of(new DeviceIdentity("Maker", "Pump", "P-1", "2.0", Optional.of(true), Optional.empty())),
        List.of(
            new ArtifactSummary("submission.json", ArtifactType.SUBMISSION, Optional.empty(), Optional.empty()),
            new ArtifactSummary("sbom/fw.cdx.json", ArtifactType.SBOM, Optional.of("CycloneDX JSON 1.6"),
                Optional.of("00".repeat(32)))),
        inputProblems,
        List.of(results),
        Summary.of(List.of(results), inputProblems));
  }
}
