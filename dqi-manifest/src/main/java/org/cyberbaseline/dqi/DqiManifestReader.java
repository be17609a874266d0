package org.cyberbaseline.dqi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.cyberbaseline.schemas.BundledSchema;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.JsonReadException;
import org.cyberbaseline.schemas.LocatedJson;
import org.cyberbaseline.schemas.LocatedJsonReader;
import org.cyberbaseline.schemas.ReadLimits;
import org.cyberbaseline.schemas.SchemaCheck;

/**
 * Reads a DQI conformance manifest (JSON) into a {@link DqiManifest}. Never throws for any input:
 * malformed, truncated, oversized or hostile documents and unknown format versions come back as
 * {@link DqiReadResult.Unreadable} with a located problem; schema violations come back beside the
 * leniently mapped model. Thread-safe; the input is never modified.
 */
public final class DqiManifestReader {
  private final LocatedJsonReader reader;
  private final SchemaCheck schemas;

  public DqiManifestReader(ReadLimits limits) {
    this.reader = new LocatedJsonReader(Objects.requireNonNull(limits, "limits"));
    this.schemas = SchemaCheck.forBundledSchemas();
  }

  public DqiManifestReader() {
    this(ReadLimits.DEFAULT);
  }

  public DqiReadResult read(byte[] content) {
    Objects.requireNonNull(content, "content");
    LocatedJson document;
    try {
      document = reader.readJson(content);
    } catch (JsonReadException e) {
      return new DqiReadResult.Unreadable(e.problem());
    }
    JsonNode root = document.root();
    if (!root.isObject()) {
      return unreadable(document, "", "not a DQI manifest: the document is not a JSON object");
    }
    JsonNode version = root.get("dqiManifestVersion");
    if (version == null) {
      return unreadable(document, "",
          "not a DQI manifest: no dqiManifestVersion (supported versions: " + String.join(", ", DqiManifest.SUPPORTED_VERSIONS) + ")");
    }
    if (!version.isTextual() || !DqiManifest.SUPPORTED_VERSIONS.contains(version.textValue())) {
      return unreadable(document, "/dqiManifestVersion",
          "dqiManifestVersion " + version + " is not supported; this version of Cyber Baseline reads DQI manifest version(s) "
              + String.join(", ", DqiManifest.SUPPORTED_VERSIONS));
    }
    List<JsonProblem> problems = schemas.check(BundledSchema.DQI_MANIFEST_1_0, document);
    return new DqiReadResult.Parsed(map(root), problems, document.locator());
  }

  private static DqiReadResult unreadable(LocatedJson document, String pointer, String message) {
    return new DqiReadResult.Unreadable(new JsonProblem(pointer, document.positionOf(pointer), message, "dqi-manifest"));
  }

  private static DqiManifest map(JsonNode root) {
    JsonNode d = root.path("device");
    JsonNode q = root.path("dqi");
    DqiManifest.Device device = new DqiManifest.Device(
        text(d, "manufacturer"), text(d, "model"), text(d, "deviceName"), text(d, "softwareVersion"),
        text(d, "udiDi"), text(d, "sbomRef"));
    DqiManifest.Dqi dqi = new DqiManifest.Dqi(
        bool(q, "supported"),
        text(q, "apiVersion"),
        text(q, "defaultState"),
        bool(q, "hdoCanDisable"),
        list(q, "interfaces", DqiManifestReader::iface),
        object(q, "authentication").map(a -> new DqiManifest.Authentication(
            texts(a, "methods"),
            a.path("unauthenticatedOperations").isArray() ? Optional.of(texts(a, "unauthenticatedOperations")) : Optional.empty(),
            text(a, "credentialProvisioning"),
            bool(a, "defaultCredentials"),
            bool(a, "rotationSupported"),
            texts(a, "externalIdentityProvider"))),
        object(q, "authorization").map(a -> new DqiManifest.Authorization(list(a, "roles", r -> new DqiManifest.Role(
            text(r, "name"), texts(r, "permissions"), bool(r, "separateFromClinicalRoles"), bool(r, "canInvokeClinicalFunctions"))))),
        object(q, "readOnly").map(r -> new DqiManifest.ReadOnly(bool(r, "guaranteed"), text(r, "mechanism"), texts(r, "mutatingOperations"))),
        object(q, "isolation").map(DqiManifestReader::isolation),
        object(q, "availability").map(a -> new DqiManifest.Availability(
            bool(a, "duringClinicalUse"), bool(a, "requiresServiceMode"), texts(a, "windows"), integer(a, "maxResponseMillis"))),
        list(q, "queries", x -> new DqiManifest.Query(
            text(x, "id"), text(x, "category"), text(x, "operation"), texts(x, "formats"), text(x, "freshness"),
            bool(x, "containsPhi"), text(x, "phiJustification"), bool(x, "signed"), bool(x, "auditLogged"))),
        list(q, "unsupportedQueries", x -> new DqiManifest.UnsupportedQuery(text(x, "category"), text(x, "rationale"))),
        object(q, "logging").map(l -> new DqiManifest.Logging(bool(l, "queryAudit"), texts(l, "exportFormats"))),
        object(q, "documentation").map(x -> new DqiManifest.Documentation(
            text(x, "labelingPortsListRef"), text(x, "threatModelRef"), texts(x, "testReportsRefs"))));
    return new DqiManifest(root.get("dqiManifestVersion").textValue(), device, dqi);
  }

  private static DqiManifest.Interface iface(JsonNode i) {
    return new DqiManifest.Interface(
        text(i, "id"),
        text(i, "protocol"),
        integer(i, "port"),
        text(i, "network"),
        object(i, "transport").map(t -> new DqiManifest.Transport(
            text(t, "encryption"), text(t, "tlsMinVersion"), texts(t, "cipherSuites"), bool(t, "mutualAuthentication"),
            text(t, "certificateSource"), text(t, "description"))),
        object(i, "discovery").map(x -> new DqiManifest.Discovery(text(x, "method"), text(x, "uri"))),
        text(i, "threatModelRef"));
  }

  private static DqiManifest.Isolation isolation(JsonNode i) {
    return new DqiManifest.Isolation(
        text(i, "mechanism"),
        text(i, "schedulingPriority"),
        object(i, "resourceLimits").map(r -> new DqiManifest.ResourceLimits(
            number(r, "cpuPercentMax"), number(r, "memoryMiBMax"), number(r, "bandwidthKbpsMax"))),
        object(i, "rateLimit").map(r -> new DqiManifest.RateLimit(integer(r, "requestsPerMinute"), integer(r, "burst"), text(r, "onExceed"))),
        text(i, "failureMode"),
        text(i, "restartBehaviour"),
        list(i, "evidence", e -> new DqiManifest.Evidence(text(e, "type"), text(e, "ref"), text(e, "scenario"), text(e, "result"))));
  }

  // Lenient accessors: a value of the wrong type reads as absent (the schema check reports it).

  private static Optional<String> text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
  }

  private static Optional<Boolean> bool(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isBoolean() ? Optional.of(v.booleanValue()) : Optional.empty();
  }

  private static Optional<Integer> integer(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isIntegralNumber() && v.canConvertToInt() ? Optional.of(v.intValue()) : Optional.empty();
  }

  private static Optional<Double> number(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isNumber() ? Optional.of(v.doubleValue()) : Optional.empty();
  }

  private static Optional<JsonNode> object(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isObject() ? Optional.of(v) : Optional.empty();
  }

  /** Strings of an array member; a non-string item keeps its place as "" so indexes stay pointers. */
  private static List<String> texts(JsonNode node, String name) {
    JsonNode v = node.get(name);
    List<String> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      v.forEach(item -> out.add(item.isTextual() ? item.textValue() : ""));
    }
    return out;
  }

  /** Objects of an array member; a non-object item maps as an empty object so indexes stay pointers. */
  private static <T> List<T> list(JsonNode node, String name, Function<JsonNode, T> mapper) {
    JsonNode v = node.get(name);
    List<T> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      v.forEach(item -> out.add(mapper.apply(item.isObject() ? item : com.fasterxml.jackson.databind.node.MissingNode.getInstance())));
    }
    return out;
  }
}
