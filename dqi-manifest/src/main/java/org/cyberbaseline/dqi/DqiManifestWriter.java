package org.cyberbaseline.dqi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Writes a {@link DqiManifest} as a {@code dqi-manifest-1.0} JSON document: members in schema
 * order, absent values left out, two-space indentation and {@code \n} line ends, so the same model
 * always gives the same bytes. What this writes, {@link DqiManifestReader} reads back equal.
 */
public final class DqiManifestWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private DqiManifestWriter() {}

  public static byte[] toBytes(DqiManifest manifest) {
    return toJson(manifest).getBytes(StandardCharsets.UTF_8);
  }

  public static String toJson(DqiManifest manifest) {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try {
      return JSON.writer(printer).writeValueAsString(toTree(manifest)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings, numbers and booleans always serialises", e);
    }
  }

  /** The manifest as a JSON tree (e.g. to embed it in another response). */
  public static ObjectNode toTree(DqiManifest manifest) {
    ObjectNode root = NODES.objectNode();
    root.put("dqiManifestVersion", manifest.manifestVersion());
    ObjectNode device = root.putObject("device");
    DqiManifest.Device d = manifest.device();
    put(device, "manufacturer", d.manufacturer());
    put(device, "model", d.model());
    put(device, "deviceName", d.deviceName());
    put(device, "softwareVersion", d.softwareVersion());
    put(device, "udiDi", d.udiDi());
    put(device, "sbomRef", d.sbomRef());
    ObjectNode dqi = root.putObject("dqi");
    DqiManifest.Dqi q = manifest.dqi();
    put(dqi, "supported", q.supported());
    put(dqi, "apiVersion", q.apiVersion());
    put(dqi, "defaultState", q.defaultState());
    put(dqi, "hdoCanDisable", q.hdoCanDisable());
    objects(dqi, "interfaces", q.interfaces(), (o, i) -> {
      put(o, "id", i.id());
      put(o, "protocol", i.protocol());
      i.port().ifPresent(p -> o.put("port", p));
      put(o, "network", i.network());
      i.transport().ifPresent(t -> {
        ObjectNode n = o.putObject("transport");
        put(n, "encryption", t.encryption());
        put(n, "tlsMinVersion", t.tlsMinVersion());
        strings(n, "cipherSuites", t.cipherSuites());
        put(n, "mutualAuthentication", t.mutualAuthentication());
        put(n, "certificateSource", t.certificateSource());
        put(n, "description", t.description());
      });
      i.discovery().ifPresent(x -> {
        ObjectNode n = o.putObject("discovery");
        put(n, "method", x.method());
        put(n, "uri", x.uri());
      });
      put(o, "threatModelRef", i.threatModelRef());
    });
    q.authentication().ifPresent(a -> {
      ObjectNode n = dqi.putObject("authentication");
      strings(n, "methods", a.methods());
      a.unauthenticatedOperations().ifPresent(ops -> array(n, "unauthenticatedOperations", ops));
      put(n, "credentialProvisioning", a.credentialProvisioning());
      put(n, "defaultCredentials", a.defaultCredentials());
      put(n, "rotationSupported", a.rotationSupported());
      strings(n, "externalIdentityProvider", a.externalIdentityProvider());
    });
    q.authorization().ifPresent(a -> {
      ObjectNode n = dqi.putObject("authorization");
      objects(n, "roles", a.roles(), (o, r) -> {
        put(o, "name", r.name());
        strings(o, "permissions", r.permissions());
        put(o, "separateFromClinicalRoles", r.separateFromClinicalRoles());
        put(o, "canInvokeClinicalFunctions", r.canInvokeClinicalFunctions());
      });
    });
    q.readOnly().ifPresent(r -> {
      ObjectNode n = dqi.putObject("readOnly");
      put(n, "guaranteed", r.guaranteed());
      put(n, "mechanism", r.mechanism());
      // An empty list is a statement here ("no mutating operation"), so it is always written.
      array(n, "mutatingOperations", r.mutatingOperations());
    });
    q.isolation().ifPresent(i -> {
      ObjectNode n = dqi.putObject("isolation");
      put(n, "mechanism", i.mechanism());
      put(n, "schedulingPriority", i.schedulingPriority());
      i.resourceLimits().ifPresent(r -> {
        ObjectNode l = n.putObject("resourceLimits");
        r.cpuPercentMax().ifPresent(v -> putNumber(l, "cpuPercentMax", v));
        r.memoryMiBMax().ifPresent(v -> putNumber(l, "memoryMiBMax", v));
        r.bandwidthKbpsMax().ifPresent(v -> putNumber(l, "bandwidthKbpsMax", v));
      });
      i.rateLimit().ifPresent(r -> {
        ObjectNode l = n.putObject("rateLimit");
        r.requestsPerMinute().ifPresent(v -> l.put("requestsPerMinute", v));
        r.burst().ifPresent(v -> l.put("burst", v));
        put(l, "onExceed", r.onExceed());
      });
      put(n, "failureMode", i.failureMode());
      put(n, "restartBehaviour", i.restartBehaviour());
      objects(n, "evidence", i.evidence(), (o, e) -> {
        put(o, "type", e.type());
        put(o, "ref", e.ref());
        put(o, "scenario", e.scenario());
        put(o, "result", e.result());
      });
    });
    q.availability().ifPresent(a -> {
      ObjectNode n = dqi.putObject("availability");
      put(n, "duringClinicalUse", a.duringClinicalUse());
      put(n, "requiresServiceMode", a.requiresServiceMode());
      array(n, "windows", a.windows());
      a.maxResponseMillis().ifPresent(ms -> n.put("maxResponseMillis", ms));
    });
    objects(dqi, "queries", q.queries(), (o, x) -> {
      put(o, "id", x.id());
      put(o, "category", x.category());
      put(o, "operation", x.operation());
      strings(o, "formats", x.formats());
      put(o, "freshness", x.freshness());
      put(o, "containsPhi", x.containsPhi());
      put(o, "phiJustification", x.phiJustification());
      put(o, "signed", x.signed());
      put(o, "auditLogged", x.auditLogged());
    });
    objects(dqi, "unsupportedQueries", q.unsupportedQueries(), (o, u) -> {
      put(o, "category", u.category());
      put(o, "rationale", u.rationale());
    });
    q.logging().ifPresent(l -> {
      ObjectNode n = dqi.putObject("logging");
      put(n, "queryAudit", l.queryAudit());
      strings(n, "exportFormats", l.exportFormats());
    });
    q.documentation().ifPresent(x -> {
      ObjectNode n = dqi.putObject("documentation");
      put(n, "labelingPortsListRef", x.labelingPortsListRef());
      put(n, "threatModelRef", x.threatModelRef());
      strings(n, "testReportsRefs", x.testReportsRefs());
    });
    return root;
  }

  private static void put(ObjectNode node, String name, Optional<?> value) {
    value.ifPresent(v -> {
      if (v instanceof Boolean b) {
        node.put(name, b);
      } else {
        node.put(name, v.toString());
      }
    });
  }

  /** Whole numbers are written without a fraction, so 64 stays 64 and not 64.0. */
  private static void putNumber(ObjectNode node, String name, double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      node.put(name, (long) value);
    } else {
      node.put(name, value);
    }
  }

  /** A list written only when it has items (an absent list and an empty one read the same). */
  private static void strings(ObjectNode node, String name, List<String> values) {
    if (!values.isEmpty()) {
      array(node, name, values);
    }
  }

  private static void array(ObjectNode node, String name, List<String> values) {
    ArrayNode array = node.putArray(name);
    values.forEach(array::add);
  }

  private static <T> void objects(ObjectNode node, String name, List<T> values, BiConsumer<ObjectNode, T> writer) {
    if (!values.isEmpty()) {
      ArrayNode array = node.putArray(name);
      values.forEach(v -> writer.accept(array.addObject(), v));
    }
  }
}
