package org.cyberbaseline.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyberbaseline.schemas.LocatedJson;

/**
 * Maps a CycloneDX JSON tree (spec 1.2 to 1.7) onto the normalised {@link Sbom}. Works on the
 * located tree rather than cyclonedx-core-java's object model because every element must keep its
 * JSON Pointer, and because the object model silently drops or rejects what it does not expect,
 * while a validator has to see exactly what the producer wrote.
 *
 * <p>A member of the wrong JSON type is treated as absent instead of failing the read: the schema
 * check reports it, and the remaining rules still get a model to work on.
 */
final class CycloneDxJson {
  static final List<String> SUPPORTED_VERSIONS = List.of("1.2", "1.3", "1.4", "1.5", "1.6", "1.7");

  private CycloneDxJson() {}

  /** A JSON value with the pointer where it sits. */
  private record Item(JsonNode node, String pointer) {}

  private record Frame(Item item, int depth) {}

  static Sbom toSbom(LocatedJson document, String specVersion) {
    JsonNode root = document.root();
    return new Sbom(
        SbomFormat.CYCLONEDX_JSON,
        specVersion,
        text(root, "serialNumber"),
        metadata(root),
        components(root),
        dependencies(root),
        compositions(root),
        // not document::positionOf, which would keep the whole tree reachable as long as the model
        document.locator()::apply);
  }

  private static SbomMetadata metadata(JsonNode root) {
    String pointer = "/metadata";
    JsonNode meta = objectOrNull(root.get("metadata"));

    List<Party> authors = new ArrayList<>();
    for (Item author : array(meta, pointer, "authors")) {
      text(author.node(), "name")
          .or(() -> text(author.node(), "email"))
          .ifPresent(name -> authors.add(new Party(name, Party.Kind.PERSON, author.pointer())));
    }
    // 1.6 renamed "manufacture" to "manufacturer" but still allows the old name, so read both.
    organization(meta, pointer, "manufacturer").ifPresent(authors::add);
    organization(meta, pointer, "manufacture").ifPresent(authors::add);
    // metadata.supplier is deliberately not an author: it supplies the product, not the SBOM data.

    List<Party> tools = new ArrayList<>();
    JsonNode toolsNode = meta == null ? null : meta.get("tools");
    String toolsPointer = pointer + "/tools";
    if (toolsNode != null && toolsNode.isArray()) {
      // 1.2-1.4 style (deprecated but still valid in 1.5+): [{vendor, name, version}]
      for (Item tool : array(meta, pointer, "tools")) {
        tool(tool, true).ifPresent(tools::add);
      }
    } else if (toolsNode != null && toolsNode.isObject()) {
      // 1.5+ style: {components: [...], services: [...]}
      for (Item tool : array(toolsNode, toolsPointer, "components")) {
        tool(tool, false).ifPresent(tools::add);
      }
      for (Item tool : array(toolsNode, toolsPointer, "services")) {
        tool(tool, false).ifPresent(tools::add);
      }
    }

    List<String> lifecycles = new ArrayList<>();
    for (Item lifecycle : array(meta, pointer, "lifecycles")) {
      text(lifecycle.node(), "phase").or(() -> text(lifecycle.node(), "name")).ifPresent(lifecycles::add);
    }

    Optional<Component> primary = Optional.empty();
    JsonNode component = objectOrNull(meta == null ? null : meta.get("component"));
    if (component != null) {
      primary = Optional.of(component(component, pointer + "/component", 0));
    }

    return new SbomMetadata(
        text(meta, "timestamp"), pointer + "/timestamp", authors, tools, primary, lifecycles, pointer);
  }

  private static Optional<Party> organization(JsonNode meta, String metaPointer, String field) {
    JsonNode org = objectOrNull(meta == null ? null : meta.get(field));
    if (org == null) {
      return Optional.empty();
    }
    String pointer = metaPointer + "/" + field;
    return text(org, "name")
        .or(() -> textValues(org.get("url")).stream().findFirst())
        .map(name -> new Party(name, Party.Kind.ORGANIZATION, pointer));
  }

  private static Optional<Party> tool(Item tool, boolean legacy) {
    JsonNode node = tool.node();
    Optional<String> name = text(node, "name");
    if (legacy) {
      // a legacy tool entry may carry only its vendor; that still says who produced the SBOM
      name = name.or(() -> text(node, "vendor"));
    }
    Optional<String> version = text(node, "version");
    return name.map(n -> new Party(version.map(v -> n + " " + v).orElse(n), Party.Kind.TOOL, tool.pointer()));
  }

  /** Flattens components[] and their nested components, parents before children, in document order. */
  private static List<Component> components(JsonNode root) {
    List<Component> out = new ArrayList<>();
    // An explicit stack instead of recursion: nesting depth is bounded by ReadLimits, but a
    // caller may raise that limit, and flattening must not be what overflows the thread stack.
    Deque<Frame> stack = new ArrayDeque<>();
    pushReversed(stack, array(root, "", "components"), 0);
    while (!stack.isEmpty()) {
      Frame frame = stack.pop();
      JsonNode node = frame.item().node();
      if (!node.isObject()) {
        continue;
      }
      out.add(component(node, frame.item().pointer(), frame.depth()));
      pushReversed(stack, array(node, frame.item().pointer(), "components"), frame.depth() + 1);
    }
    return out;
  }

  private static void pushReversed(Deque<Frame> stack, List<Item> items, int depth) {
    for (int i = items.size() - 1; i >= 0; i--) {
      stack.push(new Frame(items.get(i), depth));
    }
  }

  private static Component component(JsonNode node, String pointer, int depth) {
    List<String> otherIdentifiers = new ArrayList<>();
    textValues(node.get("omniborId")).forEach(v -> otherIdentifiers.add("omniborId:" + v));
    textValues(node.get("swhid")).forEach(v -> otherIdentifiers.add("swhid:" + v));

    List<Hash> hashes = new ArrayList<>();
    for (Item hash : array(node, pointer, "hashes")) {
      Optional<String> alg = text(hash.node(), "alg");
      Optional<String> content = text(hash.node(), "content");
      if (alg.isPresent() && content.isPresent()) {
        hashes.add(new Hash(alg.get(), content.get(), hash.pointer()));
      }
    }

    List<String> licenses = new ArrayList<>();
    for (JsonNode choice : elements(node, "licenses")) {
      JsonNode license = objectOrNull(choice.get("license"));
      Optional<String> value =
          license != null
              ? text(license, "id").or(() -> text(license, "name"))
              : text(choice, "expression");
      value.ifPresent(licenses::add);
    }

    List<Map.Entry<String, String>> properties = new ArrayList<>();
    for (JsonNode property : elements(node, "properties")) {
      JsonNode value = property.get("value");
      // A property may legitimately have a name and no value (1.5+ does not require one); it is
      // kept with "" so that a rule looking for the name still finds it.
      text(property, "name")
          .ifPresent(
              name -> properties.add(Map.entry(name, value != null && value.isTextual() ? value.textValue() : "")));
    }

    List<ExternalReference> externalReferences = new ArrayList<>();
    for (Item reference : array(node, pointer, "externalReferences")) {
      Optional<String> type = text(reference.node(), "type");
      Optional<String> url = text(reference.node(), "url");
      if (type.isPresent() && url.isPresent()) {
        externalReferences.add(new ExternalReference(type.get(), url.get(), reference.pointer()));
      }
    }

    JsonNode supplier = objectOrNull(node.get("supplier"));
    JsonNode manufacturer = objectOrNull(node.get("manufacturer"));
    JsonNode swid = objectOrNull(node.get("swid"));
    return new Component(
        pointer,
        text(node, "bom-ref"),
        text(node, "type"),
        text(node, "name"),
        text(node, "version"),
        text(supplier, "name"),
        text(node, "purl"),
        text(node, "cpe"),
        text(swid, "tagId"),
        otherIdentifiers,
        hashes,
        licenses,
        properties,
        depth,
        text(manufacturer, "name"),
        text(node, "scope"),
        externalReferences,
        SupportInfo.fromProperties(properties));
  }

  private static List<Dependency> dependencies(JsonNode root) {
    List<Dependency> out = new ArrayList<>();
    for (Item dependency : array(root, "", "dependencies")) {
      text(dependency.node(), "ref")
          .ifPresent(
              ref ->
                  out.add(new Dependency(ref, textValues(dependency.node().get("dependsOn")), dependency.pointer())));
    }
    return out;
  }

  private static List<Composition> compositions(JsonNode root) {
    List<Composition> out = new ArrayList<>();
    for (Item composition : array(root, "", "compositions")) {
      text(composition.node(), "aggregate")
          .ifPresent(
              aggregate ->
                  out.add(
                      new Composition(
                          aggregate, textValues(composition.node().get("assemblies")), composition.pointer())));
    }
    return out;
  }

  /** The member as text; absent when missing, not a string, or blank (a blank value says nothing). */
  private static Optional<String> text(JsonNode parent, String field) {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null || !node.isTextual() || node.textValue().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(node.textValue());
  }

  /** The non-blank strings of an array, skipping anything else. */
  private static List<String> textValues(JsonNode array) {
    if (array == null || !array.isArray()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(array.size());
    for (JsonNode element : array) {
      if (element.isTextual() && !element.textValue().isBlank()) {
        out.add(element.textValue());
      }
    }
    return out;
  }

  /**
   * Elements of an array member, for reading values that need no pointer of their own; empty when
   * the member is missing or not an array. ({@link #array} builds a pointer string per element.)
   */
  private static Iterable<JsonNode> elements(JsonNode parent, String field) {
    JsonNode node = parent == null ? null : parent.get(field);
    return node != null && node.isArray() ? node : List.of();
  }

  /** Elements of an array member with their pointers; empty when the member is missing or not an array. */
  private static List<Item> array(JsonNode parent, String parentPointer, String field) {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null || !node.isArray()) {
      return List.of();
    }
    String base = parentPointer + "/" + LocatedJson.escape(field);
    List<Item> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(new Item(node.get(i), base + "/" + i));
    }
    return out;
  }

  private static JsonNode objectOrNull(JsonNode node) {
    return node != null && node.isObject() ? node : null;
  }
}
