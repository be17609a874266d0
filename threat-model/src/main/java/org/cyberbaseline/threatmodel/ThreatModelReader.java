package org.cyberbaseline.threatmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.networknt.schema.SpecVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.schemas.BundledSchema;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.JsonReadException;
import org.cyberbaseline.schemas.LocatedJson;
import org.cyberbaseline.schemas.LocatedJsonReader;
import org.cyberbaseline.schemas.ReadLimits;
import org.cyberbaseline.schemas.SchemaCheck;
import org.cyberbaseline.threatmodel.ThreatModel.Kind;

/**
 * Reads a threat model — this project's format ({@code threatModelFormat}) or Open Threat Model
 * ({@code otmVersion}), JSON or YAML, detected from content — into one {@link ThreatModel}. Never
 * throws for any input: malformed, oversized, hostile or unknown documents and unknown versions
 * come back as {@link ThreatModelReadResult.Unreadable} with a located problem; a file of another
 * threat-modelling tool is named as such. Schema violations (our schema, or the bundled OTM 0.2.0
 * schema) come back beside the leniently mapped model. Thread-safe; input is never modified.
 */
public final class ThreatModelReader {
  /** Versions of this project's format read. */
  public static final List<String> NATIVE_VERSIONS = List.of("1.0");
  /** OTM versions read (0.1.0 files are checked against the 0.2.0 schema, which accepts them). */
  public static final List<String> OTM_VERSIONS = List.of("0.1.0", "0.2.0");

  static final String OTM_SCHEMA_ID = "https://iriusrisk.com/schema/otm-0.2.0.schema.json";
  private static final String SUPPORTED = "Cyber Baseline reads its own threat-model format (threatModelFormat "
      + String.join(", ", NATIVE_VERSIONS) + ") and Open Threat Model (otmVersion " + String.join(", ", OTM_VERSIONS) + ")";

  private final LocatedJsonReader reader;
  private final SchemaCheck bundled;
  private final SchemaCheck otm;

  public ThreatModelReader(ReadLimits limits) {
    this.reader = new LocatedJsonReader(Objects.requireNonNull(limits, "limits"));
    this.bundled = SchemaCheck.forBundledSchemas();
    this.otm = SchemaCheck.forDialect(SpecVersion.VersionFlag.V7,
        Map.of("https://iriusrisk.com/schema/", "classpath:org/cyberbaseline/threatmodel/otm/"));
  }

  public ThreatModelReader() {
    this(ReadLimits.DEFAULT);
  }

  public ThreatModelReadResult read(byte[] content) {
    Objects.requireNonNull(content, "content");
    LocatedJson document;
    try {
      document = looksLikeJson(content) ? reader.readJson(content) : reader.readYaml(content);
    } catch (JsonReadException e) {
      JsonProblem p = e.problem();
      // Another tool's YAML can fail our stricter reading (Threagile models use aliases): say what it is.
      if (startsWith(content, "threagile_version")) {
        return new ThreatModelReadResult.Unreadable(new JsonProblem(p.pointer(), p.position(),
            "a Threagile model, not a threat model format this tool reads; " + SUPPORTED + " (export OTM from the modelling tool);"
                + " reading it also failed: " + p.message(), p.keyword()));
      }
      return new ThreatModelReadResult.Unreadable(p);
    } catch (RuntimeException e) {
      // The YAML parser can reject hostile input with unchecked exceptions; never let one escape.
      return new ThreatModelReadResult.Unreadable(new JsonProblem("", Optional.empty(),
          "not readable as JSON or YAML: " + e.getClass().getSimpleName(), "syntax"));
    }
    JsonNode root = document.root();
    if (!root.isObject()) {
      return unreadable(document, "", "not a threat model: the document is not an object; " + SUPPORTED);
    }
    if (root.has("threatModelFormat")) {
      JsonNode v = root.get("threatModelFormat");
      if (!v.isTextual() || !NATIVE_VERSIONS.contains(v.textValue())) {
        return unreadable(document, "/threatModelFormat", "threatModelFormat " + v + " is not supported; this version of "
            + "Cyber Baseline reads threat-model format version(s) " + String.join(", ", NATIVE_VERSIONS));
      }
      List<JsonProblem> problems = bundled.check(BundledSchema.THREAT_MODEL_1_0, document);
      return new ThreatModelReadResult.Parsed(new NativeMapping(root).map(), problems, document.locator());
    }
    if (root.has("otmVersion")) {
      JsonNode v = root.get("otmVersion");
      if (!v.isTextual() || !OTM_VERSIONS.contains(v.textValue())) {
        return unreadable(document, "/otmVersion", "otmVersion " + v + " is not supported; this version of Cyber Baseline reads"
            + " Open Threat Model version(s) " + String.join(", ", OTM_VERSIONS));
      }
      List<JsonProblem> problems = otm.check(OTM_SCHEMA_ID, document);
      return new ThreatModelReadResult.Parsed(new OtmMapping(root).map(), problems, document.locator());
    }
    return unreadable(document, "", otherFormat(root) + "; " + SUPPORTED + " (export OTM from the modelling tool)");
  }

  private static String otherFormat(JsonNode root) {
    if (root.has("summary") && root.has("detail")) {
      return "a Threat Dragon model, not a threat model format this tool reads";
    }
    if (root.has("threagile_version") || root.has("technical_assets")) {
      return "a Threagile model, not a threat model format this tool reads";
    }
    if (root.path("$schema").asText().contains("threat-model-library") || (root.has("scope") && root.has("trust_zones"))) {
      return "an OWASP Threat Model Library (TM-BOM) document, not a threat model format this tool reads";
    }
    if (root.has("bomFormat")) {
      return "a CycloneDX document (threat-model BOM), not a threat model format this tool reads";
    }
    return "not a threat model: neither threatModelFormat nor otmVersion is present";
  }

  /** Whether the first non-comment line of the text starts with {@code key}. */
  private static boolean startsWith(byte[] content, String key) {
    String head = new String(content, 0, Math.min(content.length, 4096), java.nio.charset.StandardCharsets.UTF_8);
    for (String line : head.split("\\R")) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#") || l.equals("---")) {
        continue;
      }
      return l.startsWith(key);
    }
    return false;
  }

  private static boolean looksLikeJson(byte[] content) {
    int i = 0;
    if (content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB && (content[2] & 0xff) == 0xBF) {
      i = 3;
    }
    while (i < content.length && (content[i] == ' ' || content[i] == '\n' || content[i] == '\r' || content[i] == '\t')) {
      i++;
    }
    return i >= content.length || content[i] == '{' || content[i] == '[';
  }

  private static ThreatModelReadResult unreadable(LocatedJson document, String pointer, String message) {
    return new ThreatModelReadResult.Unreadable(new JsonProblem(pointer, document.positionOf(pointer), message, "threat-model"));
  }

  // ---------------------------------------------------------------------------------------------
  // Lenient accessors: a value of the wrong type reads as absent (the schema check reports it).

  static Optional<String> text(JsonNode node, String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull() || v.isContainerNode()) {
      return Optional.empty();
    }
    String s = v.asText();
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  static Optional<Boolean> bool(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isBoolean() ? Optional.of(v.booleanValue()) : Optional.empty();
  }

  static Optional<Double> number(JsonNode node, String name) {
    JsonNode v = node.get(name);
    return v != null && v.isNumber() ? Optional.of(v.doubleValue()) : Optional.empty();
  }

  /** An array of strings, or one string (OTM attributes use both); {@code split} also splits a string on commas. */
  static List<String> texts(JsonNode node, String name, boolean split) {
    JsonNode v = node.get(name);
    List<String> out = new ArrayList<>();
    if (v == null) {
      return out;
    }
    if (v.isArray()) {
      v.forEach(item -> {
        if (item.isValueNode() && !item.isNull() && !item.asText().isBlank()) {
          out.add(item.asText().strip());
        }
      });
    } else if (v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
      if (split) {
        for (String part : v.asText().split(",")) {
          if (!part.isBlank()) {
            out.add(part.strip());
          }
        }
      } else {
        out.add(v.asText().strip());
      }
    }
    return out;
  }

  static List<JsonNode> objects(JsonNode node, String name) {
    JsonNode v = node.get(name);
    List<JsonNode> out = new ArrayList<>();
    if (v != null && v.isArray()) {
      v.forEach(item -> out.add(item.isObject() ? item : MissingNode.getInstance()));
    }
    return out;
  }

  static String esc(String token) {
    return LocatedJson.escape(token);
  }

  /** Collects what both mappings share: references and view membership. */
  private abstract static class Mapping {
    final JsonNode root;
    final List<ThreatModel.Reference> references = new ArrayList<>();
    /** view type → element ids tagged with it, and the pointer of the first tag. */
    final Map<String, List<String>> taggedViews = new LinkedHashMap<>();
    final Map<String, String> firstTag = new LinkedHashMap<>();

    Mapping(JsonNode root) {
      this.root = root;
    }

    void ref(Optional<String> id, String pointer, Kind... expected) {
      id.ifPresent(value -> references.add(new ThreatModel.Reference(value, pointer, List.of(expected))));
    }

    List<String> refs(JsonNode node, String name, String pointer, Kind... expected) {
      List<String> ids = texts(node, name, false);
      for (int i = 0; i < ids.size(); i++) {
        references.add(new ThreatModel.Reference(ids.get(i), pointer + "/" + esc(name) + "/" + i, List.of(expected)));
      }
      return ids;
    }

    List<String> tagViews(String elementId, List<String> raw, String pointer) {
      List<String> canonical = new ArrayList<>();
      for (String value : raw) {
        Vocabulary.viewType(value).ifPresent(type -> {
          canonical.add(type);
          taggedViews.computeIfAbsent(type, t -> new ArrayList<>()).add(elementId);
          firstTag.putIfAbsent(type, pointer);
        });
      }
      return canonical;
    }

    /** Adds tagged elements to the views of their type; a tagged type with no view object becomes one. */
    List<ThreatModel.View> mergeViews(List<ThreatModel.View> declared) {
      List<ThreatModel.View> out = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (ThreatModel.View v : declared) {
        List<String> elements = new ArrayList<>(v.elements());
        for (String id : taggedViews.getOrDefault(v.type(), List.of())) {
          if (!elements.contains(id)) {
            elements.add(id);
          }
        }
        out.add(new ThreatModel.View(v.pointer(), v.id(), v.type(), v.title(), v.description(), elements, v.states()));
        seen.add(v.type());
      }
      taggedViews.forEach((type, ids) -> {
        if (!seen.contains(type)) {
          out.add(new ThreatModel.View(firstTag.get(type), Optional.empty(), type, Optional.empty(), Optional.empty(), ids, List.of()));
        }
      });
      return out;
    }

    List<ThreatModel.PhaseNotApplicable> phasesNotApplicable(JsonNode node, String name, String pointer) {
      List<ThreatModel.PhaseNotApplicable> out = new ArrayList<>();
      List<JsonNode> items = objects(node, name);
      for (int i = 0; i < items.size(); i++) {
        int index = i;
        text(items.get(i), "phase").flatMap(Vocabulary::lifecyclePhase).ifPresent(phase -> out.add(new ThreatModel.PhaseNotApplicable(
            pointer + "/" + esc(name) + "/" + index, phase, text(items.get(index), "rationale"))));
      }
      return out;
    }

    List<ThreatModel.ControlCategoryStatement> controlStatements(JsonNode node, String name, String pointer) {
      List<ThreatModel.ControlCategoryStatement> out = new ArrayList<>();
      List<JsonNode> items = objects(node, name);
      for (int i = 0; i < items.size(); i++) {
        JsonNode s = items.get(i);
        String p = pointer + "/" + esc(name) + "/" + i;
        text(s, "category").flatMap(Vocabulary::controlCategory).ifPresent(category -> out.add(
            new ThreatModel.ControlCategoryStatement(p, category, text(s, "status").orElse("addressed"), text(s, "rationale"))));
      }
      return out;
    }

    List<ThreatModel.OmittedView> omittedViews(JsonNode node, String name, String pointer) {
      List<ThreatModel.OmittedView> out = new ArrayList<>();
      List<JsonNode> items = objects(node, name);
      for (int i = 0; i < items.size(); i++) {
        JsonNode s = items.get(i);
        String p = pointer + "/" + esc(name) + "/" + i;
        text(s, "type").flatMap(Vocabulary::viewType).ifPresent(type -> out.add(new ThreatModel.OmittedView(p, type, text(s, "rationale"))));
      }
      return out;
    }

    Optional<ThreatModel.Credentials> credentials(JsonNode node, String name, String pointer) {
      JsonNode c = node.get(name);
      if (c == null || !c.isObject()) {
        return Optional.empty();
      }
      return Optional.of(new ThreatModel.Credentials(pointer + "/" + esc(name), text(c, "provisioning"), bool(c, "changeable"),
          bool(c, "privilegedMfa"), text(c, "mfaAlternative"), number(c, "sessionTimeoutMinutes")));
    }

    List<ThreatModel.Interface> interfaces(JsonNode node, String name, String pointer) {
      List<ThreatModel.Interface> out = new ArrayList<>();
      List<JsonNode> items = objects(node, name);
      for (int i = 0; i < items.size(); i++) {
        JsonNode f = items.get(i);
        String p = pointer + "/" + esc(name) + "/" + i;
        out.add(new ThreatModel.Interface(p, text(f, "id").orElse(""), text(f, "name"), text(f, "kind"),
            bool(f, "external").orElse(false), bool(f, "used"), text(f, "state"), text(f, "protocol"), text(f, "ports"),
            credentials(f, "credentials", p)));
      }
      return out;
    }

    static List<String> stride(List<String> raw) {
      List<String> out = new ArrayList<>();
      for (String value : raw) {
        Vocabulary.stride(value).filter(s -> !out.contains(s)).ifPresent(out::add);
      }
      return out;
    }

    static Optional<String> phase(Optional<String> raw) {
      return raw.map(value -> Vocabulary.lifecyclePhase(value).orElse(value));
    }

    ThreatModel.Mitigation mitigation(JsonNode m, String p, List<String> rawCategories, List<String> requirementRefs, List<String> testRefs) {
      List<String> categories = new ArrayList<>();
      List<String> unrecognised = new ArrayList<>();
      for (String raw : rawCategories) {
        Optional<String> c = Vocabulary.controlCategory(raw);
        if (c.isPresent()) {
          if (!categories.contains(c.get())) {
            categories.add(c.get());
          }
        } else {
          unrecognised.add(raw);
        }
      }
      return new ThreatModel.Mitigation(p, text(m, "id").orElse(""), text(m, "name"), text(m, "description"),
          categories, unrecognised, requirementRefs, testRefs);
    }
  }

  /** This project's format: fields are first-class members. */
  private static final class NativeMapping extends Mapping {
    NativeMapping(JsonNode root) {
      super(root);
    }

    ThreatModel map() {
      JsonNode p = root.path("project");
      ThreatModel.Project project = new ThreatModel.Project("/project", text(p, "id"), text(p, "name"),
          text(p, "manufacturer"), text(p, "model"), text(p, "softwareVersion"));
      JsonNode methodology = root.path("methodology");
      List<ThreatModel.TrustZone> zones = new ArrayList<>();
      List<JsonNode> zoneNodes = objects(root, "trustZones");
      for (int i = 0; i < zoneNodes.size(); i++) {
        JsonNode z = zoneNodes.get(i);
        String ptr = "/trustZones/" + i;
        ref(text(z, "parent"), ptr + "/parent", Kind.TRUST_ZONE);
        zones.add(new ThreatModel.TrustZone(ptr, text(z, "id").orElse(""), text(z, "name"), number(z, "trustRating"), text(z, "parent")));
      }
      List<ThreatModel.Component> components = new ArrayList<>();
      List<JsonNode> componentNodes = objects(root, "components");
      for (int i = 0; i < componentNodes.size(); i++) {
        JsonNode c = componentNodes.get(i);
        String ptr = "/components/" + i;
        String id = text(c, "id").orElse("");
        ref(text(c, "trustZone"), ptr + "/trustZone", Kind.TRUST_ZONE);
        ref(text(c, "parent"), ptr + "/parent", Kind.COMPONENT);
        components.add(new ThreatModel.Component(ptr, id, text(c, "name"), text(c, "type"), text(c, "trustZone"), text(c, "parent"),
            bool(c, "external").orElse(false), texts(c, "sbomRefs", false), interfaces(c, "interfaces", ptr), Optional.empty(),
            credentials(c, "credentials", ptr), tagViews(id, texts(c, "views", false), ptr + "/views")));
      }
      List<ThreatModel.Dataflow> dataflows = new ArrayList<>();
      List<JsonNode> flowNodes = objects(root, "dataflows");
      for (int i = 0; i < flowNodes.size(); i++) {
        JsonNode d = flowNodes.get(i);
        String ptr = "/dataflows/" + i;
        String id = text(d, "id").orElse("");
        ref(text(d, "source"), ptr + "/source", Kind.COMPONENT, Kind.INTERFACE, Kind.TRUST_ZONE);
        ref(text(d, "destination"), ptr + "/destination", Kind.COMPONENT, Kind.INTERFACE, Kind.TRUST_ZONE);
        dataflows.add(new ThreatModel.Dataflow(ptr, id, text(d, "name"), text(d, "source").orElse(""), text(d, "destination").orElse(""),
            bool(d, "bidirectional").orElse(false), texts(d, "carries", false), text(d, "protocol"), text(d, "ports"),
            text(d, "authentication"), text(d, "cryptography"), text(d, "expertAnalysisRef"), credentials(d, "credentials", ptr),
            tagViews(id, texts(d, "views", false), ptr + "/views")));
      }
      List<ThreatModel.Threat> threats = new ArrayList<>();
      List<JsonNode> threatNodes = objects(root, "threats");
      for (int i = 0; i < threatNodes.size(); i++) {
        JsonNode t = threatNodes.get(i);
        String ptr = "/threats/" + i;
        List<String> targets = refs(t, "targets", ptr, Kind.COMPONENT, Kind.INTERFACE, Kind.DATAFLOW);
        List<String> mitigations = refs(t, "mitigations", ptr, Kind.MITIGATION);
        JsonNode acceptance = t.get("riskAcceptance");
        threats.add(new ThreatModel.Threat(ptr, text(t, "id").orElse(""), text(t, "name"), text(t, "description"),
            stride(texts(t, "stride", false)), phase(text(t, "lifecyclePhase")), targets, bool(t, "multiPatientHarm").orElse(false),
            text(t, "severity"), text(t, "exploitabilityPre"), text(t, "exploitabilityPost"), mitigations,
            acceptance != null && acceptance.isObject()
                ? Optional.of(new ThreatModel.RiskAcceptance(text(acceptance, "decision"), text(acceptance, "rationale")))
                : Optional.empty()));
      }
      List<ThreatModel.Mitigation> mitigations = new ArrayList<>();
      List<JsonNode> mitigationNodes = objects(root, "mitigations");
      for (int i = 0; i < mitigationNodes.size(); i++) {
        JsonNode m = mitigationNodes.get(i);
        mitigations.add(mitigation(m, "/mitigations/" + i, texts(m, "controlCategories", false),
            texts(m, "requirementRefs", false), texts(m, "testRefs", false)));
      }
      List<ThreatModel.View> views = new ArrayList<>();
      List<JsonNode> viewNodes = objects(root, "views");
      for (int i = 0; i < viewNodes.size(); i++) {
        JsonNode v = viewNodes.get(i);
        String ptr = "/views/" + i;
        Optional<String> type = text(v, "type").flatMap(Vocabulary::viewType);
        List<String> elements = refs(v, "elements", ptr, Kind.COMPONENT, Kind.INTERFACE, Kind.DATAFLOW, Kind.TRUST_ZONE);
        type.ifPresent(t -> views.add(new ThreatModel.View(ptr, text(v, "id"), t, text(v, "title"), text(v, "description"),
            elements, texts(v, "states", false))));
      }
      return new ThreatModel(ThreatModel.SourceFormat.CYBER_BASELINE, root.get("threatModelFormat").asText(), project,
          text(methodology, "name"), text(methodology, "rationale"), texts(root, "assumptions", false),
          phasesNotApplicable(root, "lifecyclePhasesNotApplicable", ""), zones, components, dataflows, threats, mitigations,
          controlStatements(root, "controlCategories", ""), mergeViews(views), omittedViews(root, "omittedViews", ""),
          text(root, "residualRiskConclusion"), references);
    }
  }

  /**
   * Open Threat Model: structure from OTM, medical fields from {@code fda:} attributes (the
   * catalogue's convention, regulatory.md §7.1), threat targets and mitigations from the threat
   * instances listed under components and dataflows.
   */
  private static final class OtmMapping extends Mapping {
    private final Map<String, List<String>> targets = new LinkedHashMap<>();
    private final Map<String, List<String>> threatMitigations = new LinkedHashMap<>();

    OtmMapping(JsonNode root) {
      super(root);
    }

    private static JsonNode attrs(JsonNode node) {
      JsonNode a = node.get("attributes");
      return a != null && a.isObject() ? a : MissingNode.getInstance();
    }

    private void instances(JsonNode element, String elementId, String pointer) {
      List<JsonNode> items = objects(element, "threats");
      for (int i = 0; i < items.size(); i++) {
        JsonNode instance = items.get(i);
        String p = pointer + "/threats/" + i;
        Optional<String> threat = text(instance, "threat");
        ref(threat, p + "/threat", Kind.THREAT);
        List<JsonNode> mitigations = objects(instance, "mitigations");
        for (int m = 0; m < mitigations.size(); m++) {
          Optional<String> mitigation = text(mitigations.get(m), "mitigation");
          ref(mitigation, p + "/mitigations/" + m + "/mitigation", Kind.MITIGATION);
          threat.ifPresent(t -> mitigation.ifPresent(id -> {
            List<String> list = threatMitigations.computeIfAbsent(t, k -> new ArrayList<>());
            if (!list.contains(id)) {
              list.add(id);
            }
          }));
        }
        threat.ifPresent(t -> {
          List<String> list = targets.computeIfAbsent(t, k -> new ArrayList<>());
          if (!list.contains(elementId)) {
            list.add(elementId);
          }
        });
      }
    }

    ThreatModel map() {
      JsonNode p = root.path("project");
      JsonNode pa = attrs(p);
      ThreatModel.Project project = new ThreatModel.Project("/project", text(p, "id"), text(p, "name"),
          text(pa, "fda:manufacturer"), text(pa, "fda:model"), text(pa, "fda:softwareVersion"));
      List<ThreatModel.TrustZone> zones = new ArrayList<>();
      List<JsonNode> zoneNodes = objects(root, "trustZones");
      for (int i = 0; i < zoneNodes.size(); i++) {
        JsonNode z = zoneNodes.get(i);
        String ptr = "/trustZones/" + i;
        Optional<String> parent = text(z.path("parent"), "trustZone");
        ref(parent, ptr + "/parent/trustZone", Kind.TRUST_ZONE);
        zones.add(new ThreatModel.TrustZone(ptr, text(z, "id").orElse(""), text(z, "name"), number(z.path("risk"), "trustRating"), parent));
      }
      List<ThreatModel.Component> components = new ArrayList<>();
      List<JsonNode> componentNodes = objects(root, "components");
      for (int i = 0; i < componentNodes.size(); i++) {
        JsonNode c = componentNodes.get(i);
        JsonNode a = attrs(c);
        String ptr = "/components/" + i;
        String id = text(c, "id").orElse("");
        Optional<String> zone = text(c.path("parent"), "trustZone");
        Optional<String> parent = text(c.path("parent"), "component");
        ref(zone, ptr + "/parent/trustZone", Kind.TRUST_ZONE);
        ref(parent, ptr + "/parent/component", Kind.COMPONENT);
        instances(c, id, ptr);
        List<String> sbomRefs = new ArrayList<>(texts(a, "fda:sbomRef", false));
        texts(a, "fda:sbomRefs", false).stream().filter(r -> !sbomRefs.contains(r)).forEach(sbomRefs::add);
        components.add(new ThreatModel.Component(ptr, id, text(c, "name"), text(c, "type"), zone, parent,
            bool(a, "fda:external").orElse(false), sbomRefs, interfaces(a, "fda:interfaces", ptr + "/attributes"),
            text(a, "fda:unusedInterfaces"), credentials(a, "fda:credentials", ptr + "/attributes"),
            tagViews(id, texts(a, "fda:view", true), ptr + "/attributes/fda:view")));
      }
      List<ThreatModel.Dataflow> dataflows = new ArrayList<>();
      List<JsonNode> flowNodes = objects(root, "dataflows");
      for (int i = 0; i < flowNodes.size(); i++) {
        JsonNode d = flowNodes.get(i);
        JsonNode a = attrs(d);
        String ptr = "/dataflows/" + i;
        String id = text(d, "id").orElse("");
        ref(text(d, "source"), ptr + "/source", Kind.COMPONENT, Kind.TRUST_ZONE);
        ref(text(d, "destination"), ptr + "/destination", Kind.COMPONENT, Kind.TRUST_ZONE);
        instances(d, id, ptr);
        dataflows.add(new ThreatModel.Dataflow(ptr, id, text(d, "name"), text(d, "source").orElse(""), text(d, "destination").orElse(""),
            bool(d, "bidirectional").orElse(false), texts(a, "fda:carries", true), text(a, "fda:protocol"), text(a, "fda:ports"),
            text(a, "fda:authMechanism"), text(a, "fda:crypto"), text(a, "fda:expertAnalysisRef"),
            credentials(a, "fda:credentials", ptr + "/attributes"), tagViews(id, texts(a, "fda:view", true), ptr + "/attributes/fda:view")));
      }
      List<ThreatModel.Threat> threats = new ArrayList<>();
      List<JsonNode> threatNodes = objects(root, "threats");
      for (int i = 0; i < threatNodes.size(); i++) {
        JsonNode t = threatNodes.get(i);
        JsonNode a = attrs(t);
        String id = text(t, "id").orElse("");
        JsonNode acceptance = a.get("fda:riskAcceptance");
        Optional<ThreatModel.RiskAcceptance> accepted = Optional.empty();
        if (acceptance != null && acceptance.isObject()) {
          accepted = Optional.of(new ThreatModel.RiskAcceptance(text(acceptance, "decision"), text(acceptance, "rationale")));
        } else if (acceptance != null && acceptance.isTextual()) {
          accepted = Optional.of(new ThreatModel.RiskAcceptance(Optional.of(acceptance.asText()), text(a, "fda:riskAcceptanceRationale")));
        }
        threats.add(new ThreatModel.Threat("/threats/" + i, id, text(t, "name"), text(t, "description"),
            stride(texts(t, "categories", false)), phase(text(a, "fda:lifecyclePhase")), targets.getOrDefault(id, List.of()),
            bool(a, "fda:multiPatientHarm").orElse(false), text(a, "fda:severity"), text(a, "fda:exploitabilityPre"),
            text(a, "fda:exploitabilityPost"), threatMitigations.getOrDefault(id, List.of()), accepted));
      }
      List<ThreatModel.Mitigation> mitigations = new ArrayList<>();
      List<JsonNode> mitigationNodes = objects(root, "mitigations");
      for (int i = 0; i < mitigationNodes.size(); i++) {
        JsonNode m = mitigationNodes.get(i);
        JsonNode a = attrs(m);
        List<String> categories = new ArrayList<>(texts(a, "fda:controlCategory", true));
        categories.addAll(texts(a, "fda:controlCategories", true));
        mitigations.add(mitigation(m, "/mitigations/" + i, categories, texts(a, "fda:requirementRefs", false), texts(a, "fda:testRefs", false)));
      }
      List<ThreatModel.View> views = new ArrayList<>();
      List<JsonNode> representations = objects(root, "representations");
      for (int i = 0; i < representations.size(); i++) {
        JsonNode r = representations.get(i);
        JsonNode a = attrs(r);
        String ptr = "/representations/" + i;
        for (String raw : texts(a, "fda:view", true)) {
          Vocabulary.viewType(raw).ifPresent(type -> views.add(new ThreatModel.View(ptr, text(r, "id"), type, text(r, "name"),
              text(r, "description"), List.of(), texts(a, "fda:states", true))));
        }
      }
      return new ThreatModel(ThreatModel.SourceFormat.OTM, root.get("otmVersion").asText(), project,
          text(pa, "fda:methodology"), text(pa, "fda:methodologyRationale"), texts(pa, "fda:assumptions", false),
          phasesNotApplicable(pa, "fda:lifecyclePhasesNotApplicable", "/project/attributes"), zones, components, dataflows,
          threats, mitigations, controlStatements(pa, "fda:controlCategories", "/project/attributes"), mergeViews(views),
          omittedViews(pa, "fda:omittedViews", "/project/attributes"), text(pa, "fda:residualRiskConclusion"), references);
    }
  }
}
