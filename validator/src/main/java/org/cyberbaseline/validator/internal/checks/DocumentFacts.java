package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.DeclaredArtifact;

/**
 * The structure part of a "presence and structure" rule: the facts a submission manifest states
 * about a supplementary document (its {@code facts} object, schema {@code submission-1.0}), checked
 * against what the rule asks for. Adequacy stays a reviewer's call; this only proves the manifest
 * says where each required element is, so a reviewer is not the first to notice it is missing.
 *
 * <p>Parameter {@code facts} of {@code review.document}, every part optional, pointers relative to
 * a document's {@code facts}:
 *
 * <ul>
 *   <li>{@code required}: pointers that must hold a non-empty value in at least one accepted document;
 *   <li>{@code members}: pointer → values that must appear, as array items or object member names,
 *       in the union over the accepted documents (e.g. the four test groups across several reports);
 *   <li>{@code each}: pointer of an array → pointers every item must have (e.g. each port's direction);
 *   <li>{@code unless}: a pointer whose presence replaces all of the above by a justification a
 *       reviewer must judge (e.g. metrics "not available: no marketed predecessor").
 * </ul>
 */
final class DocumentFacts {
  private static final Set<String> KNOWN = Set.of("required", "members", "each", "unless");

  private final List<JsonPointer> required;
  private final Map<JsonPointer, List<String>> members;
  private final Map<JsonPointer, List<JsonPointer>> each;
  private final Optional<JsonPointer> unless;

  private DocumentFacts(
      List<JsonPointer> required,
      Map<JsonPointer, List<String>> members,
      Map<JsonPointer, List<JsonPointer>> each,
      Optional<JsonPointer> unless) {
    this.required = required;
    this.members = members;
    this.each = each;
    this.unless = unless;
  }

  /** Parses the {@code facts} parameter; empty when the rule asks for no structure. */
  static Optional<DocumentFacts> parse(JsonNode spec) {
    if (spec == null || spec.isMissingNode() || spec.isNull()) {
      return Optional.empty();
    }
    if (!spec.isObject()) {
      throw new IllegalArgumentException("'facts' must be an object");
    }
    SbomCheckSupport.onlyKnownParams((ObjectNode) spec, KNOWN);
    List<JsonPointer> required = new ArrayList<>();
    for (JsonNode pointer : arrayOf(spec, "required")) {
      required.add(pointer(pointer));
    }
    Map<JsonPointer, List<String>> members = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : spec.path("members").properties()) {
      List<String> values = new ArrayList<>();
      for (JsonNode value : arrayOf(spec.path("members"), entry.getKey())) {
        values.add(value.asText());
      }
      members.put(pointer(entry.getKey()), values);
    }
    Map<JsonPointer, List<JsonPointer>> each = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : spec.path("each").properties()) {
      List<JsonPointer> fields = new ArrayList<>();
      for (JsonNode field : arrayOf(spec.path("each"), entry.getKey())) {
        fields.add(pointer(field));
      }
      each.put(pointer(entry.getKey()), fields);
    }
    Optional<JsonPointer> unless = spec.has("unless") ? Optional.of(pointer(spec.get("unless"))) : Optional.empty();
    if (required.isEmpty() && members.isEmpty() && each.isEmpty()) {
      throw new IllegalArgumentException("'facts' must ask for something: required, members or each");
    }
    return Optional.of(new DocumentFacts(List.copyOf(required), members, each, unless));
  }

  private static List<JsonNode> arrayOf(JsonNode parent, String name) {
    JsonNode node = parent.path(name);
    if (node.isMissingNode()) {
      return List.of();
    }
    if (!node.isArray() || node.isEmpty()) {
      throw new IllegalArgumentException("facts '" + name + "' must be a non-empty array");
    }
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return items;
  }

  private static JsonPointer pointer(JsonNode node) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException("facts: expected a JSON Pointer string, got " + node);
    }
    return pointer(node.asText());
  }

  private static JsonPointer pointer(String text) {
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException("facts: '" + text + "' is not a JSON Pointer (it must start with '/')");
    }
    return JsonPointer.compile(text);
  }

  /** One accepted document and the pointer of its entry in submission.json. */
  record Document(DeclaredArtifact artifact, String entryPointer, JsonNode facts) {}

  /** What the facts say: findings for each gap, or a justification that replaces them. */
  record Outcome(List<Finding> gaps, Optional<String> justification) {}

  Outcome check(CheckContext context, List<DeclaredArtifact> accepted, String what) {
    JsonNode manifest = context.manifest().orElse(null);
    List<Document> documents = new ArrayList<>();
    // Facts are written on supplementary entries only; other accepted evidence (an SBOM) has none.
    for (DeclaredArtifact artifact : accepted.stream().filter(a -> a.type() == ArtifactType.SUPPLEMENTARY).toList()) {
      String entry = entryPointer(artifact);
      JsonNode facts = manifest == null ? MissingNode.getInstance() : manifest.at(entry + "/facts");
      documents.add(new Document(artifact, entry, facts));
    }
    if (unless.isPresent()) {
      for (Document document : documents) {
        JsonNode justification = document.facts().at(unless.get());
        if (present(justification)) {
          return new Outcome(List.of(), Optional.of(document.artifact().path() + " facts" + unless.get() + ": " + justification.asText()));
        }
      }
    }
    if (documents.isEmpty()) {
      return new Outcome(
          List.of(context.finding(what + ": no supplementary document states the facts this rule checks",
              context.locateInManifest("/artifacts"))),
          Optional.empty());
    }
    Document first = documents.get(0);
    List<Finding> gaps = new ArrayList<>();
    for (JsonPointer pointer : required) {
      if (documents.stream().noneMatch(d -> present(d.facts().at(pointer)))) {
        gaps.add(missing(context, first, what, "facts" + pointer));
      }
    }
    for (Map.Entry<JsonPointer, List<String>> entry : members.entrySet()) {
      Set<String> found = new TreeSet<>();
      for (Document document : documents) {
        JsonNode node = document.facts().at(entry.getKey());
        if (node.isArray()) {
          node.forEach(item -> found.add(item.asText()));
        } else if (node.isObject()) {
          node.fieldNames().forEachRemaining(found::add);
        }
      }
      Set<String> absent = new LinkedHashSet<>(entry.getValue());
      absent.removeAll(found);
      if (!absent.isEmpty()) {
        gaps.add(
            context.finding(
                what + " (" + first.artifact().path() + (documents.size() > 1 ? " and " + (documents.size() - 1) + " more" : "")
                    + "): facts" + entry.getKey() + " does not cover " + String.join(", ", absent),
                context.locateInManifest(locatable(first, entry.getKey()))));
      }
    }
    for (Map.Entry<JsonPointer, List<JsonPointer>> entry : each.entrySet()) {
      boolean anyArray = false;
      for (Document document : documents) {
        JsonNode items = document.facts().at(entry.getKey());
        if (!items.isArray() || items.isEmpty()) {
          continue;
        }
        anyArray = true;
        for (int i = 0; i < items.size(); i++) {
          List<String> lacking = new ArrayList<>();
          for (JsonPointer field : entry.getValue()) {
            if (!present(items.get(i).at(field))) {
              lacking.add(field.toString().substring(1));
            }
          }
          if (!lacking.isEmpty()) {
            String itemPointer = document.entryPointer() + "/facts" + entry.getKey() + "/" + i;
            gaps.add(
                context.finding(
                    what + " (" + document.artifact().path() + "): facts" + entry.getKey() + "/" + i + " has no "
                        + String.join(", ", lacking),
                    context.locateInManifest(itemPointer)));
          }
        }
      }
      if (!anyArray) {
        gaps.add(missing(context, first, what, "facts" + entry.getKey()));
      }
    }
    return new Outcome(gaps, Optional.empty());
  }

  private Finding missing(CheckContext context, Document document, String what, String fact) {
    return context.finding(
        what + " (" + document.artifact().path() + "): the manifest states no " + fact
            + (unless.map(u -> " (nor a justification at facts" + u + ")").orElse("")),
        context.locateInManifest(locatable(document, null)));
  }

  /** The deepest pointer that exists: the fact itself, else the facts object, else the entry. */
  private static String locatable(Document document, JsonPointer fact) {
    if (fact != null && !document.facts().at(fact).isMissingNode()) {
      return document.entryPointer() + "/facts" + fact;
    }
    return document.facts().isMissingNode() ? document.entryPointer() : document.entryPointer() + "/facts";
  }

  private static boolean present(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return false;
    }
    if (node.isTextual()) {
      return !node.asText().isBlank();
    }
    return !(node.isContainerNode() && node.isEmpty());
  }

  /** {@code /artifacts/supplementary/3/path} → {@code /artifacts/supplementary/3}. */
  private static String entryPointer(DeclaredArtifact artifact) {
    String pointer = artifact.declaredAt().pointer().orElse("");
    return pointer.endsWith("/path") ? pointer.substring(0, pointer.length() - "/path".length()) : pointer;
  }
}
