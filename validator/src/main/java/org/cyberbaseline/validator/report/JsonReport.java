package org.cyberbaseline.validator.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.cyberbaseline.rules.Citation;
import org.cyberbaseline.rules.Exclusion;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.schemas.BundledSchema;
import org.cyberbaseline.validator.ArtifactSummary;
import org.cyberbaseline.validator.DeviceIdentity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.RuleResult;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.ValidationReport;
import org.cyberbaseline.validator.Waiver;

/**
 * Serialises a {@link ValidationReport} as JSON conforming to {@code report-1.0.schema.json}.
 * Members are written in a fixed order with '\n' line ends, so equal reports give identical bytes
 * on every platform.
 */
public final class JsonReport {
  public static final String FORMAT_VERSION = "1.0";

  private JsonReport() {}

  public static byte[] toBytes(ValidationReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.setPrettyPrinter(pretty);
      write(report, json);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static void write(ValidationReport report, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("$schema", BundledSchema.REPORT_1_0.id());
    json.writeStringField("reportFormat", FORMAT_VERSION);
    json.writeObjectFieldStart("tool");
    json.writeStringField("name", "cyber-baseline");
    json.writeStringField("version", report.toolVersion());
    json.writeEndObject();
    json.writeStringField("generatedAt", report.generatedAt().toString());
    json.writeObjectFieldStart("baseline");
    json.writeStringField("id", report.baseline().ref().id());
    json.writeStringField("version", report.baseline().ref().version());
    json.writeStringField("title", report.baseline().title());
    json.writeStringField("effectiveDate", report.baseline().effectiveDate().toString());
    json.writeArrayFieldStart("extends");
    for (PackRef parent : report.baseline().extendsPacks()) {
      json.writeString(parent.toString());
    }
    json.writeEndArray();
    json.writeArrayFieldStart("excluded");
    for (Exclusion exclusion : report.baseline().exclusions()) {
      json.writeStartObject();
      json.writeStringField("ruleId", exclusion.ruleId());
      json.writeStringField("reason", exclusion.reason());
      json.writeStringField("excludedBy", exclusion.excludedBy().toString());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeStringField("mode", report.mode().id());
    if (report.device().isPresent()) {
      writeDevice(report.device().get(), json);
    }
    json.writeArrayFieldStart("artifacts");
    for (ArtifactSummary artifact : report.artifacts()) {
      json.writeStartObject();
      json.writeStringField("path", artifact.path());
      json.writeStringField("type", artifact.type().id());
      optional(json, "format", artifact.format());
      optional(json, "sha256", artifact.sha256());
      json.writeEndObject();
    }
    json.writeEndArray();
    writeSummary(report, json);
    json.writeArrayFieldStart("inputProblems");
    for (Finding finding : report.inputProblems()) {
      writeFinding(finding, json);
    }
    json.writeEndArray();
    writeVulnerabilities(report, json);
    json.writeArrayFieldStart("results");
    for (RuleResult result : report.results()) {
      json.writeStartObject();
      json.writeStringField("ruleId", result.ruleId());
      json.writeStringField("title", result.title());
      json.writeStringField("severity", result.severity().id());
      json.writeStringField("status", result.status().name());
      json.writeStringField("explanation", result.explanation());
      writeCitations(result.citations(), json);
      json.writeArrayFieldStart("findings");
      for (Finding finding : result.findings()) {
        writeFinding(finding, json);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  /** The feeds and the vulnerability table; both members are left out when there is neither. */
  private static void writeVulnerabilities(ValidationReport report, JsonGenerator json) throws IOException {
    if (report.feeds().isEmpty() && report.vulnerabilities().isEmpty()) {
      return;
    }
    json.writeArrayFieldStart("vulnerabilityFeeds");
    for (org.cyberbaseline.vuln.FeedSummary feed : report.feeds()) {
      json.writeStartObject();
      json.writeStringField("kind", feed.kind());
      json.writeStringField("name", feed.name());
      optional(json, "version", feed.version());
      optional(json, "date", feed.date());
      json.writeNumberField("records", feed.records());
      json.writeNumberField("problems", feed.problems());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeArrayFieldStart("vulnerabilities");
    for (org.cyberbaseline.validator.VulnerabilityEntry entry : report.vulnerabilities()) {
      json.writeStartObject();
      json.writeStringField("component", entry.component());
      json.writeFieldName("componentLocation");
      writeLocation(entry.location(), json);
      json.writeStringField("vulnerability", entry.vulnerability());
      json.writeArrayFieldStart("aliases");
      for (String alias : entry.aliases()) {
        json.writeString(alias);
      }
      json.writeEndArray();
      json.writeBooleanField("kev", entry.kev());
      json.writeBooleanField("known", entry.known());
      optional(json, "status", entry.status());
      optional(json, "statusAsWritten", entry.statusAsWritten());
      optional(json, "justification", entry.justification());
      if (entry.statement().isPresent()) {
        json.writeFieldName("statement");
        writeLocation(entry.statement().get(), json);
      }
      json.writeArrayFieldStart("sources");
      for (String source : entry.sources()) {
        json.writeString(source);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void writeDevice(DeviceIdentity device, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("device");
    json.writeStringField("manufacturer", device.manufacturer());
    json.writeStringField("deviceName", device.deviceName());
    json.writeStringField("model", device.model());
    json.writeStringField("softwareVersion", device.softwareVersion());
    if (device.cyberDevice().isPresent()) {
      json.writeBooleanField("cyberDevice", device.cyberDevice().get());
    }
    optional(json, "pathway", device.pathway());
    json.writeEndObject();
  }

  private static void writeSummary(ValidationReport report, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("summary");
    json.writeObjectFieldStart("rules");
    for (Status status : Status.values()) {
      json.writeNumberField(status.name(), report.summary().rulesByStatus().get(status));
    }
    json.writeEndObject();
    json.writeObjectFieldStart("findings");
    for (Severity severity : Severity.values()) {
      json.writeNumberField(severity.id(), report.summary().findingsBySeverity().get(severity));
    }
    json.writeEndObject();
    json.writeNumberField("waived", report.summary().waivedFindings());
    json.writeEndObject();
  }

  private static void writeFinding(Finding finding, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", finding.ruleId());
    json.writeStringField("severity", finding.severity().id());
    json.writeStringField("message", finding.message());
    json.writeFieldName("location");
    writeLocation(finding.location(), json);
    writeCitations(finding.citations(), json);
    optional(json, "remediation", finding.remediation());
    if (finding.waiver().isPresent()) {
      Waiver waiver = finding.waiver().get();
      json.writeObjectFieldStart("waiver");
      optional(json, "id", waiver.id());
      json.writeStringField("ruleId", waiver.ruleId());
      optional(json, "artifact", waiver.artifact());
      optional(json, "pointer", waiver.pointer());
      json.writeStringField("justification", waiver.justification());
      json.writeStringField("owner", waiver.owner());
      json.writeStringField("expires", waiver.expires().toString());
      json.writeFieldName("declaredAt");
      writeLocation(waiver.declaredAt(), json);
      json.writeEndObject();
    }
    json.writeEndObject();
  }

  private static void writeLocation(org.cyberbaseline.validator.Location location, JsonGenerator json) throws IOException {
    json.writeStartObject();
    json.writeStringField("artifact", location.artifact());
    optional(json, "pointer", location.pointer());
    if (location.line().isPresent()) {
      json.writeNumberField("line", location.line().get());
    }
    if (location.column().isPresent()) {
      json.writeNumberField("column", location.column().get());
    }
    json.writeEndObject();
  }

  private static void writeCitations(List<Citation> citations, JsonGenerator json) throws IOException {
    json.writeArrayFieldStart("citations");
    for (Citation citation : citations) {
      json.writeStartObject();
      json.writeStringField("document", citation.document());
      json.writeStringField("section", citation.section());
      optional(json, "url", citation.url());
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void optional(JsonGenerator json, String name, Optional<String> value) throws IOException {
    if (value.isPresent()) {
      json.writeStringField(name, value.get());
    }
  }
}
