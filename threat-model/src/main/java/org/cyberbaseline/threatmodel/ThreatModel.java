package org.cyberbaseline.threatmodel;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A threat model, normalised from this project's format ({@code threat-model-1.0.schema.json}) or
 * from an Open Threat Model (OTM) file, whose medical fields ride in {@code fda:} attributes. Every
 * element carries the JSON Pointer of where it is written in its source document, and {@link
 * #fieldPointer} gives the pointer of one of its fields in that document's own spelling, so a
 * finding can name the exact spot whichever format was read.
 *
 * <p>Vocabularies are canonical whatever the source spelled: {@link Vocabulary#STRIDE}, {@link
 * Vocabulary#CONTROL_CATEGORIES}, {@link Vocabulary#VIEW_TYPES}, {@link Vocabulary#LIFECYCLE_PHASES}.
 *
 * @param references every id reference in the document (parents, dataflow ends, threat targets and
 *     mitigations, view elements), for rules that check that each resolves
 */
public record ThreatModel(
    SourceFormat format,
    String formatVersion,
    Project project,
    Optional<String> methodology,
    Optional<String> methodologyRationale,
    List<String> assumptions,
    List<PhaseNotApplicable> lifecyclePhasesNotApplicable,
    List<TrustZone> trustZones,
    List<Component> components,
    List<Dataflow> dataflows,
    List<Threat> threats,
    List<Mitigation> mitigations,
    List<ControlCategoryStatement> controlCategories,
    List<View> views,
    List<OmittedView> omittedViews,
    Optional<String> residualRiskConclusion,
    List<Reference> references) {

  public ThreatModel {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(formatVersion, "formatVersion");
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(methodology, "methodology");
    Objects.requireNonNull(methodologyRationale, "methodologyRationale");
    assumptions = List.copyOf(assumptions);
    lifecyclePhasesNotApplicable = List.copyOf(lifecyclePhasesNotApplicable);
    trustZones = List.copyOf(trustZones);
    components = List.copyOf(components);
    dataflows = List.copyOf(dataflows);
    threats = List.copyOf(threats);
    mitigations = List.copyOf(mitigations);
    controlCategories = List.copyOf(controlCategories);
    views = List.copyOf(views);
    omittedViews = List.copyOf(omittedViews);
    Objects.requireNonNull(residualRiskConclusion, "residualRiskConclusion");
    references = List.copyOf(references);
  }

  /** The two formats read. */
  public enum SourceFormat {
    /** This project's {@code threat-model-1.0} format. */
    CYBER_BASELINE("Cyber Baseline threat model"),
    /** Open Threat Model (OTM) 0.1.0 / 0.2.0. */
    OTM("Open Threat Model");

    private final String displayName;

    SourceFormat(String displayName) {
      this.displayName = displayName;
    }

    public String displayName() {
      return displayName;
    }
  }

  /**
   * A field of a threat-model element, with its name in this project's format and its attribute key
   * in OTM (where OTM has no such field, it rides in {@code attributes} under that key).
   */
  public enum Field {
    MANUFACTURER("manufacturer", "attributes/fda:manufacturer"),
    MODEL("model", "attributes/fda:model"),
    SOFTWARE_VERSION("softwareVersion", "attributes/fda:softwareVersion"),
    METHODOLOGY("methodology", "attributes/fda:methodology"),
    ASSUMPTIONS("assumptions", "attributes/fda:assumptions"),
    RESIDUAL_RISK_CONCLUSION("residualRiskConclusion", "attributes/fda:residualRiskConclusion"),
    CONTROL_CATEGORIES("controlCategories", "attributes/fda:controlCategory"),
    TEST_REFS("testRefs", "attributes/fda:testRefs"),
    STRIDE("stride", "categories"),
    LIFECYCLE_PHASE("lifecyclePhase", "attributes/fda:lifecyclePhase"),
    SEVERITY("severity", "attributes/fda:severity"),
    EXPLOITABILITY_PRE("exploitabilityPre", "attributes/fda:exploitabilityPre"),
    EXPLOITABILITY_POST("exploitabilityPost", "attributes/fda:exploitabilityPost"),
    MITIGATIONS("mitigations", "threats"),
    RISK_ACCEPTANCE("riskAcceptance", "attributes/fda:riskAcceptance"),
    PROTOCOL("protocol", "attributes/fda:protocol"),
    PORTS("ports", "attributes/fda:ports"),
    AUTHENTICATION("authentication", "attributes/fda:authMechanism"),
    CRYPTOGRAPHY("cryptography", "attributes/fda:crypto"),
    CARRIES("carries", "attributes/fda:carries"),
    CREDENTIALS("credentials", "attributes/fda:credentials"),
    INTERFACES("interfaces", "attributes/fda:interfaces"),
    SBOM_REFS("sbomRefs", "attributes/fda:sbomRef"),
    VIEWS("views", "attributes/fda:view");

    private final String nativeName;
    private final String otmPath;

    Field(String nativeName, String otmPath) {
      this.nativeName = nativeName;
      this.otmPath = otmPath;
    }

    public String nativeName() {
      return nativeName;
    }

    public String otmPath() {
      return otmPath;
    }
  }

  /**
   * Pointer of {@code field} of the element at {@code elementPointer}, in this document's format
   * (for OTM, where the field rides in {@code attributes}). The field need not be present: a
   * finding about a missing field then names where it belongs.
   */
  public String fieldPointer(String elementPointer, Field field) {
    String path = format == SourceFormat.OTM ? field.otmPath() : field.nativeName();
    if (format == SourceFormat.OTM && elementPointer.isEmpty()) {
      // Project-level medical fields ride in the OTM project's attributes.
      return "/project/" + path;
    }
    return elementPointer + "/" + path;
  }

  /** {@code project}: which device and version the model covers. */
  public record Project(
      String pointer, Optional<String> id, Optional<String> name, Optional<String> manufacturer,
      Optional<String> model, Optional<String> softwareVersion) {
    public Project {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(manufacturer, "manufacturer");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(softwareVersion, "softwareVersion");
    }
  }

  /** A lifecycle phase (canonical) declared not applicable, with its reason. */
  public record PhaseNotApplicable(String pointer, String phase, Optional<String> rationale) {
    public PhaseNotApplicable {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(phase, "phase");
      Objects.requireNonNull(rationale, "rationale");
    }
  }

  public record TrustZone(String pointer, String id, Optional<String> name, Optional<Double> trustRating, Optional<String> parent) {
    public TrustZone {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(trustRating, "trustRating");
      Objects.requireNonNull(parent, "parent");
    }
  }

  /** Credential design of an element; provisioning is one of the threat-model schema's values. */
  public record Credentials(
      String pointer, Optional<String> provisioning, Optional<Boolean> changeable, Optional<Boolean> privilegedMfa,
      Optional<String> mfaAlternative, Optional<Double> sessionTimeoutMinutes) {
    public Credentials {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(provisioning, "provisioning");
      Objects.requireNonNull(changeable, "changeable");
      Objects.requireNonNull(privilegedMfa, "privilegedMfa");
      Objects.requireNonNull(mfaAlternative, "mfaAlternative");
      Objects.requireNonNull(sessionTimeoutMinutes, "sessionTimeoutMinutes");
    }
  }

  /** A physical or logical interface of a component (network, USB, debug port...). */
  public record Interface(
      String pointer, String id, Optional<String> name, Optional<String> kind, boolean external, Optional<Boolean> used,
      Optional<String> state, Optional<String> protocol, Optional<String> ports, Optional<Credentials> credentials) {
    public Interface {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(used, "used");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(ports, "ports");
      Objects.requireNonNull(credentials, "credentials");
    }
  }

  /**
   * @param trustZone the zone it sits in directly (empty when its parent is a component)
   * @param parent the enclosing component
   * @param unusedInterfaces free-text declaration of unused interfaces (OTM {@code fda:unusedInterfaces})
   */
  public record Component(
      String pointer, String id, Optional<String> name, Optional<String> type, Optional<String> trustZone,
      Optional<String> parent, boolean external, List<String> sbomRefs, List<Interface> interfaces,
      Optional<String> unusedInterfaces, Optional<Credentials> credentials, List<String> views) {
    public Component {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(trustZone, "trustZone");
      Objects.requireNonNull(parent, "parent");
      sbomRefs = List.copyOf(sbomRefs);
      interfaces = List.copyOf(interfaces);
      Objects.requireNonNull(unusedInterfaces, "unusedInterfaces");
      Objects.requireNonNull(credentials, "credentials");
      views = List.copyOf(views);
    }
  }

  /** A communication path with its Appendix 2 B details. */
  public record Dataflow(
      String pointer, String id, Optional<String> name, String source, String destination, boolean bidirectional,
      List<String> carries, Optional<String> protocol, Optional<String> ports, Optional<String> authentication,
      Optional<String> cryptography, Optional<String> expertAnalysisRef, Optional<Credentials> credentials, List<String> views) {
    public Dataflow {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(destination, "destination");
      carries = List.copyOf(carries);
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(ports, "ports");
      Objects.requireNonNull(authentication, "authentication");
      Objects.requireNonNull(cryptography, "cryptography");
      Objects.requireNonNull(expertAnalysisRef, "expertAnalysisRef");
      Objects.requireNonNull(credentials, "credentials");
      views = List.copyOf(views);
    }
  }

  /**
   * @param stride canonical STRIDE categories ({@link Vocabulary#STRIDE}) recognised in the source
   * @param targets ids of the components, interfaces and dataflows the threat applies to
   * @param mitigations ids of its mitigations
   * @param exploitabilityPre as written (a level such as "high", or an OTM score such as "40")
   */
  public record Threat(
      String pointer, String id, Optional<String> name, Optional<String> description, List<String> stride,
      Optional<String> lifecyclePhase, List<String> targets, boolean multiPatientHarm, Optional<String> severity,
      Optional<String> exploitabilityPre, Optional<String> exploitabilityPost, List<String> mitigations,
      Optional<RiskAcceptance> riskAcceptance) {
    public Threat {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
      stride = List.copyOf(stride);
      Objects.requireNonNull(lifecyclePhase, "lifecyclePhase");
      targets = List.copyOf(targets);
      Objects.requireNonNull(severity, "severity");
      Objects.requireNonNull(exploitabilityPre, "exploitabilityPre");
      Objects.requireNonNull(exploitabilityPost, "exploitabilityPost");
      mitigations = List.copyOf(mitigations);
      Objects.requireNonNull(riskAcceptance, "riskAcceptance");
    }
  }

  /** A documented decision to accept or transfer a threat's risk instead of (or beyond) mitigating it. */
  public record RiskAcceptance(Optional<String> decision, Optional<String> rationale) {
    public RiskAcceptance {
      Objects.requireNonNull(decision, "decision");
      Objects.requireNonNull(rationale, "rationale");
    }
  }

  /**
   * @param controlCategories canonical Appendix 1 categories ({@link Vocabulary#CONTROL_CATEGORIES})
   * @param unrecognisedCategories category values that name no Appendix 1 category
   */
  public record Mitigation(
      String pointer, String id, Optional<String> name, Optional<String> description, List<String> controlCategories,
      List<String> unrecognisedCategories, List<String> requirementRefs, List<String> testRefs) {
    public Mitigation {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
      controlCategories = List.copyOf(controlCategories);
      unrecognisedCategories = List.copyOf(unrecognisedCategories);
      requirementRefs = List.copyOf(requirementRefs);
      testRefs = List.copyOf(testRefs);
    }
  }

  /** An Appendix 1 category declared addressed or not applicable. */
  public record ControlCategoryStatement(String pointer, String category, String status, Optional<String> rationale) {
    public ControlCategoryStatement {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(rationale, "rationale");
    }
  }

  /** A security architecture view (§V.B.2); type is canonical ({@link Vocabulary#VIEW_TYPES}). */
  public record View(
      String pointer, Optional<String> id, String type, Optional<String> title, Optional<String> description,
      List<String> elements, List<String> states) {
    public View {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(description, "description");
      elements = List.copyOf(elements);
      states = List.copyOf(states);
    }
  }

  /** A view left out, and why (§V.B.2: "explain why it is omitted"). */
  public record OmittedView(String pointer, String type, Optional<String> rationale) {
    public OmittedView {
      Objects.requireNonNull(pointer, "pointer");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(rationale, "rationale");
    }
  }

  /** Kinds of element a reference may name. */
  public enum Kind { TRUST_ZONE, COMPONENT, INTERFACE, DATAFLOW, THREAT, MITIGATION }

  /** An id written at {@code pointer} that must name an element of one of {@code expected} kinds. */
  public record Reference(String id, String pointer, List<Kind> expected) {
    public Reference {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(pointer, "pointer");
      expected = List.copyOf(expected);
    }
  }
}
