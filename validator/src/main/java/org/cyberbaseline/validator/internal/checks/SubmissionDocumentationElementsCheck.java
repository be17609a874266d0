package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.DeclaredArtifact;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * Every documentation element of a list (FDA's Appendix 4 Table 1, "Recommended Premarket Submission
 * Documentation") is declared in the manifest as an artifact the tool can open. A missing element
 * FAILS with one finding per element at {@code /artifacts}; when all are present the rule is
 * NEEDS_REVIEW, listing which document stands for which element, because whether a document really
 * is that element is a human judgement. An element the manifest lists under
 * {@code artifacts.notApplicable} (by its {@code id}, with a justification) counts as present; its
 * justification is one more thing for the reviewer, who decides whether "not applicable" holds.
 *
 * <p>Parameter {@code elements} (required): a list of {@code {element, id?, artifacts, sections?, ide?}}:
 * the element's name, its stable id (what {@code notApplicable} names), the accepted artifacts (as for {@code review.document}: "threat-model", "vex",
 * "dqi-manifest", "sbom" or "supplementary:&lt;kind&gt;"), the guidance sections it comes from (for
 * messages), and whether it is also expected in an IDE application (pathway {@code ide}; FDA's
 * Appendix 3 recommends only a subset there).
 */
public final class SubmissionDocumentationElementsCheck implements CheckType {
  private record Element(String name, Optional<String> id, List<String> artifacts, Optional<String> sections, boolean ide) {}

  @Override
  public String name() {
    return "submission.documentation-elements";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of("elements"));
    elements(params);
  }

  private static List<Element> elements(ObjectNode params) {
    JsonNode list = params.get("elements");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException("'elements' must list at least one {element, artifacts, sections?, ide?}");
    }
    List<Element> elements = new ArrayList<>();
    for (JsonNode entry : list) {
      if (!entry.isObject()) {
        throw new IllegalArgumentException("each entry of 'elements' must be an object {element, artifacts, sections?, ide?}");
      }
      entry.fieldNames().forEachRemaining(field -> {
        if (!Set.of("element", "id", "artifacts", "sections", "ide").contains(field)) {
          throw new IllegalArgumentException("unknown member '" + field + "' in an entry of 'elements'");
        }
      });
      JsonNode name = entry.get("element");
      if (name == null || !name.isTextual() || name.textValue().isBlank()) {
        throw new IllegalArgumentException("each entry of 'elements' needs a name ('element')");
      }
      JsonNode sections = entry.get("sections");
      if (sections != null && !sections.isTextual()) {
        throw new IllegalArgumentException("'sections' of element '" + name.textValue() + "' must be a string");
      }
      JsonNode id = entry.get("id");
      if (id != null && !(id.isTextual() && id.textValue().matches("[a-z0-9][a-z0-9-]{0,63}"))) {
        throw new IllegalArgumentException("'id' of element '" + name.textValue() + "' must be lower-case words joined by '-'");
      }
      JsonNode ide = entry.get("ide");
      if (ide != null && !ide.isBoolean()) {
        throw new IllegalArgumentException("'ide' of element '" + name.textValue() + "' must be true or false");
      }
      elements.add(new Element(name.textValue(), Optional.ofNullable(id).map(JsonNode::textValue), artifactSpecs(entry.get("artifacts"), "artifacts of element '" + name.textValue() + "'"),
          Optional.ofNullable(sections).map(JsonNode::textValue), ide != null && ide.booleanValue()));
    }
    return elements;
  }

  /**
   * Parses a list of accepted artifact specs ("threat-model", "supplementary:labeling", ...).
   *
   * @throws IllegalArgumentException naming {@code what} when the list is empty or a spec unknown
   */
  static List<String> artifactSpecs(JsonNode list, String what) {
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException("'" + what + "' must list at least one accepted artifact");
    }
    List<String> specs = new ArrayList<>();
    for (JsonNode a : list) {
      if (!a.isTextual()) {
        throw new IllegalArgumentException("'" + what + "' must list strings");
      }
      String spec = a.textValue();
      String type = spec.startsWith("supplementary:") ? "supplementary" : spec;
      ArtifactType.fromId(type);
      if (type.equals("supplementary") && spec.length() <= "supplementary:".length()) {
        throw new IllegalArgumentException("'supplementary:' needs a kind, e.g. supplementary:labeling");
      }
      specs.add(spec);
    }
    return specs;
  }

  /**
   * A required parameter holding a non-empty list of non-blank strings, in order.
   *
   * @throws IllegalArgumentException naming the parameter otherwise
   */
  static List<String> stringList(ObjectNode params, String name) {
    JsonNode list = params.get(name);
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException("'" + name + "' must list at least one value");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode value : list) {
      if (!value.isTextual() || value.textValue().isBlank()) {
        throw new IllegalArgumentException("'" + name + "' must list non-empty strings");
      }
      values.add(value.textValue());
    }
    return values;
  }

  /** The declared artifacts, opened, that one of {@code specs} accepts, in manifest order. */
  static List<DeclaredArtifact> evidence(CheckContext context, List<String> specs) {
    List<DeclaredArtifact> found = new ArrayList<>();
    for (DeclaredArtifact artifact : context.declaredArtifacts()) {
      if (!artifact.opened()) {
        continue;
      }
      boolean accepted = artifact.type() == ArtifactType.SUPPLEMENTARY
          ? artifact.kind().map(k -> specs.contains("supplementary:" + k)).orElse(false)
          : specs.contains(artifact.type().id());
      if (accepted) {
        found.add(artifact);
      }
    }
    return found;
  }

  /** Index of the manifest's {@code artifacts.notApplicable} entry for element {@code id}, if any. */
  private static Optional<Integer> notApplicableIndex(CheckContext context, String id) {
    JsonNode entries = context.manifest().map(m -> m.path("artifacts").path("notApplicable")).orElse(null);
    if (entries == null || !entries.isArray()) {
      return Optional.empty();
    }
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      if (id.equals(entry.path("element").asText()) && !entry.path("justification").asText("").isBlank()) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  /** "path (title)" for messages. */
  static String describe(DeclaredArtifact artifact) {
    return artifact.path() + artifact.title().map(t -> " (" + t + ")").orElse("");
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    boolean ide = context.manifest().map(m -> m.path("device").path("pathway").asText("")).orElse("").equals("ide");
    List<Finding> missing = new ArrayList<>();
    List<Finding> present = new ArrayList<>();
    List<String> missingNames = new ArrayList<>();
    int expected = 0;
    for (Element element : elements(context.params())) {
      if (ide && !element.ide()) {
        continue;
      }
      expected++;
      String label = element.name() + element.sections().map(s -> " (" + s + ")").orElse("");
      List<DeclaredArtifact> evidence = evidence(context, element.artifacts());
      Optional<Integer> notApplicable = element.id().flatMap(id -> notApplicableIndex(context, id));
      if (evidence.isEmpty() && notApplicable.isPresent()) {
        String pointer = "/artifacts/notApplicable/" + notApplicable.get();
        present.add(context.finding(Severity.INFO, "the manifest marks the " + label + " not applicable: \""
            + context.manifest().orElseThrow().at(pointer + "/justification").asText()
            + "\"; a reviewer must judge the justification", context.locateInManifest(pointer)));
      } else if (evidence.isEmpty()) {
        missingNames.add(element.name());
        missing.add(context.finding("the submission declares no " + label + " (accepted: "
            + String.join(", ", element.artifacts()) + "); declare it in submission.json artifacts"
            + element.id().map(id -> ", or list it under artifacts.notApplicable as '" + id + "' with a justification").orElse(""),
            context.locateInManifest("/artifacts")));
      } else {
        for (DeclaredArtifact artifact : evidence) {
          present.add(context.finding(Severity.INFO, "review " + describe(artifact) + " as the " + label,
              Location.ofArtifact(artifact.path())));
        }
      }
    }
    String scope = expected + " documentation elements" + (ide ? " of the IDE subset (Appendix 3)" : "");
    if (!missing.isEmpty()) {
      return new Evaluation.Fail(
          missing.size() + " of the " + scope + " are missing: " + String.join(", ", missingNames), missing);
    }
    return new Evaluation.NeedsReview(
        "all " + scope + " are declared; a reviewer must judge whether each document is that element and scales with"
            + " the device's cybersecurity risk",
        present);
  }
}
