package org.cyberbaseline.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.schemas.BundledSchema;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.JsonReadException;
import org.cyberbaseline.schemas.LocatedJson;
import org.cyberbaseline.schemas.LocatedJsonReader;
import org.cyberbaseline.schemas.SchemaCheck;
import org.cyberbaseline.validator.DeviceIdentity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.Submission;

/**
 * Reads {@code submission.json}: checks it against the submission schema first, then takes what it
 * can from it. A manifest with schema errors still yields the artifacts it lists, so one typo does
 * not hide every other finding.
 */
final class ManifestReader {
  private final LocatedJsonReader reader;
  private final SchemaCheck schemas;

  ManifestReader(LocatedJsonReader reader, SchemaCheck schemas) {
    this.reader = reader;
    this.schemas = schemas;
  }

  record ArtifactRef(ArtifactType type, String path, String pointer, Optional<String> kind, Optional<String> title) {}

  record Manifest(
      Optional<LocatedJson> document,
      Optional<DeviceIdentity> device,
      Optional<LocalDate> submissionDate,
      List<ArtifactRef> artifacts,
      List<Finding> problems) {}

  Manifest read(byte[] content) {
    LocatedJson document;
    try {
      document = reader.readJson(content);
    } catch (JsonReadException e) {
      return new Manifest(
          Optional.empty(),
          Optional.empty(),
          Optional.empty(),
          List.of(),
          List.of(problem(InputProblems.MANIFEST_SYNTAX, e.problem(), "submission.json is not readable JSON: ")));
    }
    List<Finding> problems = new ArrayList<>();
    for (JsonProblem p : schemas.check(BundledSchema.SUBMISSION_1_0, document)) {
      problems.add(problem(InputProblems.MANIFEST_SCHEMA, p, ""));
    }
    JsonNode root = document.root();
    return new Manifest(
        Optional.of(document), device(root.path("device")), date(root.path("submissionDate")), artifacts(root), problems);
  }

  private static Finding problem(String code, JsonProblem p, String prefix) {
    Location location =
        new Location(
            Submission.MANIFEST_FILE,
            Optional.of(p.pointer()),
            p.position().map(pos -> pos.line()),
            p.position().map(pos -> pos.column()));
    return InputProblems.finding(code, Severity.ERROR, prefix + p.message(), location);
  }

  private static Optional<DeviceIdentity> device(JsonNode device) {
    String manufacturer = text(device, "manufacturer");
    String name = text(device, "deviceName");
    String model = text(device, "model");
    String version = text(device, "softwareVersion");
    if (manufacturer == null || name == null || model == null || version == null) {
      return Optional.empty();
    }
    JsonNode cyber = device.path("cyberDevice");
    return Optional.of(
        new DeviceIdentity(
            manufacturer,
            name,
            model,
            version,
            cyber.isBoolean() ? Optional.of(cyber.booleanValue()) : Optional.empty(),
            Optional.ofNullable(text(device, "pathway"))));
  }

  private static Optional<LocalDate> date(JsonNode node) {
    if (!node.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(node.asText()));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // the schema check already reported the bad date
    }
  }

  private static List<ArtifactRef> artifacts(JsonNode root) {
    JsonNode artifacts = root.path("artifacts");
    List<ArtifactRef> refs = new ArrayList<>();
    list(artifacts, "sboms", ArtifactType.SBOM, refs);
    single(artifacts, "threatModel", ArtifactType.THREAT_MODEL, refs);
    list(artifacts, "vex", ArtifactType.VEX, refs);
    single(artifacts, "dqiManifest", ArtifactType.DQI_MANIFEST, refs);
    single(artifacts, "waivers", ArtifactType.WAIVERS, refs);
    list(artifacts, "supplementary", ArtifactType.SUPPLEMENTARY, refs);
    return refs;
  }

  private static void single(JsonNode artifacts, String field, ArtifactType type, List<ArtifactRef> refs) {
    JsonNode entry = artifacts.path(field);
    JsonNode path = entry.path("path");
    if (path.isTextual()) {
      refs.add(new ArtifactRef(type, path.asText(), "/artifacts/" + field + "/path", optionalText(entry, "kind"),
          optionalText(entry, "title")));
    }
  }

  private static void list(JsonNode artifacts, String field, ArtifactType type, List<ArtifactRef> refs) {
    JsonNode entries = artifacts.path(field);
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.path(i);
      JsonNode path = entry.path("path");
      if (path.isTextual()) {
        refs.add(new ArtifactRef(type, path.asText(), "/artifacts/" + field + "/" + i + "/path",
            optionalText(entry, "kind"), optionalText(entry, "title")));
      }
    }
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    return Optional.ofNullable(text(node, field));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
  }
}
