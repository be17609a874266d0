package org.cyberbaseline.sbom;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyberbaseline.sbom.CycloneDxXmlDocument.El;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.Position;
import org.cyberbaseline.schemas.ReadLimits;

/**
 * Reads CycloneDX XML, spec versions 1.0 to 1.7, into the normalised {@link Sbom}: the same model,
 * with the same meaning of every field, as {@link CycloneDxJson} produces for the same content in
 * JSON (authors vs tools, nested components flattened parent-first with their nesting depth, the
 * primary component taken from {@code metadata/component} and not listed among the components,
 * properties, {@link SupportInfo#fromProperties}, ...). The version is the one the root element's
 * namespace {@code http://cyclonedx.org/schema/bom/1.x} names; any other version is unreadable
 * with keyword {@value SbomReader#KEYWORD_UNSUPPORTED_VERSION}.
 *
 * <h2>Pointers</h2>
 *
 * Every model element's {@code pointer} is an XPath-like path mirroring the document, for example
 * {@code /bom/components/component[3]}, {@code /bom/metadata/timestamp}, {@code
 * /bom/dependencies/dependency[2]/dependency[1]}, {@code /bom/components/component[1]/hashes/hash[2]}:
 *
 * <ul>
 *   <li>a step is the element's local name for elements of the document's CycloneDX namespace
 *       (whatever prefix the document uses for it), {@code prefix:local} for a prefixed element of
 *       another namespace (e.g. {@code dg:dependencies} of the 1.1 dependency-graph extension), and
 *       {@code Q{uri}local} for an unprefixed one;
 *   <li>{@code [n]} is the 1-based position among the parent's child elements of the same name, as
 *       XPath counts. It is written for every second or later element of a name, and always for
 *       list items, whatever their namespace and even where they cannot repeat (so {@code
 *       /bom/metadata/component[1]}). The list items are {@code component}, {@code service}, {@code
 *       dependency}, {@code provides}, {@code hash}, {@code license}, {@code property}, {@code
 *       reference}, {@code tool}, {@code author}, {@code composition}, {@code assembly}, {@code
 *       lifecycle}, {@code vulnerability}, {@code annotation}, {@code citation}, {@code occurrence},
 *       {@code patch}, {@code commit}, {@code issue} and {@code tag}. A step without index is the
 *       first (normally the only) element of its name;
 *   <li>{@code /@name} at the end names an attribute (used by problems, e.g. {@code
 *       .../component[2]/@bom-ref}); it resolves to the position of its element;
 *   <li>the metadata pointers are {@code /bom/metadata} and {@code /bom/metadata/timestamp} even
 *       when the document has no such element, as the JSON reader does.
 * </ul>
 *
 * The {@link Sbom#locator()} resolves these pointers (and "" for the root) to the line and column
 * of the {@code <} that opens the element's start tag, columns counted in UTF-16 characters.
 * Schema problems carry the position the XSD validator reported instead, which is just after the
 * start tag (or end tag) it complains about.
 *
 * <h2>Values</h2>
 *
 * Simple values (element text, attribute values) are taken without the whitespace around them,
 * and a blank value counts as absent, as the JSON reader treats a blank string. Property values are
 * kept exactly as written ("" when empty). Where the JSON reader takes a member, this reader takes
 * the element or attribute the XSD defines for it: {@code bom-ref}, {@code type} and {@code swid
 * tagId} are attributes, hashes are {@code <hash alg="...">content</hash>}, properties {@code
 * <property name="...">value</property>}, external references {@code <reference
 * type="..."><url>}, dependencies {@code <dependency ref="..."><dependency ref="..."/>} and
 * composition assemblies {@code <assembly ref="..."/>}. XML-only forms are read as well: legacy
 * {@code <tool>} entries next to 1.5+ {@code <tools><components>/<services>}, 1.7 {@code
 * <expression-detailed expression="...">} licences, and the 1.1 dependency-graph extension
 * ({@code http://cyclonedx.org/schema/ext/dependency-graph/1.0}).
 *
 * <p>Nested dependencies: a top-level {@code <dependency ref="a">} with children {@code b}, {@code
 * c} is the entry "a depends on b, c", exactly like JSON's {@code dependsOn}. The XSD also lets an
 * inner {@code <dependency ref="b">} have children of its own; such an inner element with children
 * becomes an additional entry ("b depends on ...") with its own pointer, placed after its parent's
 * entry (document order of the start tags). Inner elements without children add no entry.
 *
 * <h2>Checks</h2>
 *
 * A document that is not well-formed, or is truncated, is unreadable with keyword "syntax" and the
 * parser's line and column; a DOCTYPE is refused ("syntax") before anything in it takes effect;
 * {@link ReadLimits} (size, nesting depth, text and attribute length) give "limit". A readable
 * document is validated against the official XSD of its version (see {@link CycloneDxXmlSchemas}
 * for how, and for why the bom-ref uniqueness rule is checked here instead, keyword {@value
 * #KEYWORD_UNIQUE}). The 1.7 XSD is the official one, bundled; no version is checked only
 * structurally.
 */
final class CycloneDxXml {
  static final String NAMESPACE_PREFIX = "http://cyclonedx.org/schema/bom/";

  static final List<String> SUPPORTED_VERSIONS = List.of("1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7");

  /** The 1.1 extension that carried the dependency graph before 1.2 made it part of the BOM. */
  static final String DEPENDENCY_GRAPH_NAMESPACE = "http://cyclonedx.org/schema/ext/dependency-graph/1.0";

  /** Keyword of a schema problem for a bom-ref value used a second time. */
  static final String KEYWORD_UNIQUE = "unique";

  private static final Comparator<JsonProblem> DOCUMENT_ORDER =
      Comparator.comparing(
          (JsonProblem p) -> p.position().orElse(null),
          Comparator.nullsLast(Comparator.comparingInt(Position::line).thenComparingInt(Position::column)));

  private CycloneDxXml() {}

  /**
   * Reads and validates one CycloneDX XML document. Never throws on bad input (a failing schema
   * check becomes a problem with keyword {@value SbomReader#KEYWORD_SCHEMA_CHECK_ERROR}).
   */
  static SbomReadResult read(byte[] content, ReadLimits limits) {
    CycloneDxXmlDocument.Parsing parsing = CycloneDxXmlDocument.parse(content, limits);
    if (parsing instanceof CycloneDxXmlDocument.Failed failed) {
      return new SbomReadResult.Unreadable(failed.problem());
    }
    CycloneDxXmlDocument.Parsed parsed = (CycloneDxXmlDocument.Parsed) parsing;
    CycloneDxXmlDocument document = parsed.document();
    List<JsonProblem> problems = new ArrayList<>(document.duplicateRefs());
    try {
      problems.addAll(
          CycloneDxXmlSchemas.check(document.version(), document.namespace(), parsed.text(), parsed.length()));
    } catch (RuntimeException e) {
      problems.add(
          new JsonProblem(
              "",
              Optional.empty(),
              "the CycloneDX "
                  + document.version()
                  + " XML schema check could not be completed: "
                  + e.getClass().getSimpleName()
                  + ": "
                  + e.getMessage(),
              SbomReader.KEYWORD_SCHEMA_CHECK_ERROR));
    }
    Sbom sbom = toSbom(document);
    problems.sort(DOCUMENT_ORDER);
    return new SbomReadResult.Parsed(sbom, problems);
  }

  /**
   * Maps the document. Afterwards the document keeps only what its locator needs (the texts and
   * attributes are dropped before the Sbom is built, so that the published tree no longer changes).
   */
  static Sbom toSbom(CycloneDxXmlDocument document) {
    El root = document.root();
    Optional<String> serialNumber = attribute(root, "serialNumber");
    SbomMetadata metadata = metadata(root);
    List<Component> components = components(root);
    List<Dependency> dependencies = dependencies(root);
    List<Composition> compositions = compositions(root);
    document.trim();
    return new Sbom(
        SbomFormat.CYCLONEDX_XML,
        document.version(),
        serialNumber,
        metadata,
        components,
        dependencies,
        compositions,
        document);
  }

  private static SbomMetadata metadata(El root) {
    El meta = child(root, "metadata");
    String pointer = meta != null ? meta.pointer() : "/bom/metadata";

    List<Party> authors = new ArrayList<>();
    for (El author : children(child(meta, "authors"), "author")) {
      text(child(author, "name"))
          .or(() -> text(child(author, "email")))
          .ifPresent(name -> authors.add(new Party(name, Party.Kind.PERSON, author.pointer())));
    }
    // As in JSON: 1.6 "manufacturer" first, then the older "manufacture"; supplier is no author.
    organization(child(meta, "manufacturer")).ifPresent(authors::add);
    organization(child(meta, "manufacture")).ifPresent(authors::add);

    List<Party> tools = new ArrayList<>();
    El toolsElement = child(meta, "tools");
    for (El entry : cdxChildren(toolsElement)) {
      switch (entry.local) {
        // 1.2-1.4 style, deprecated but still valid in 1.5+
        case "tool" -> tool(entry, true).ifPresent(tools::add);
        // 1.5+ style
        case "components" -> children(entry, "component").forEach(c -> tool(c, false).ifPresent(tools::add));
        case "services" -> children(entry, "service").forEach(s -> tool(s, false).ifPresent(tools::add));
        default -> {
          // not a tool
        }
      }
    }

    List<String> lifecycles = new ArrayList<>();
    for (El lifecycle : children(child(meta, "lifecycles"), "lifecycle")) {
      text(child(lifecycle, "phase")).or(() -> text(child(lifecycle, "name"))).ifPresent(lifecycles::add);
    }

    El primary = child(meta, "component");
    return new SbomMetadata(
        text(child(meta, "timestamp")),
        pointer + "/timestamp",
        authors,
        tools,
        primary == null ? Optional.empty() : Optional.of(component(primary, 0)),
        lifecycles,
        pointer);
  }

  private static Optional<Party> organization(El org) {
    if (org == null) {
      return Optional.empty();
    }
    return text(child(org, "name"))
        .or(() -> children(org, "url").stream().map(CycloneDxXml::text).flatMap(Optional::stream).findFirst())
        .map(name -> new Party(name, Party.Kind.ORGANIZATION, org.pointer()));
  }

  private static Optional<Party> tool(El tool, boolean legacy) {
    Optional<String> name = text(child(tool, "name"));
    if (legacy) {
      // a legacy tool entry may carry only its vendor; that still says who produced the SBOM
      name = name.or(() -> text(child(tool, "vendor")));
    }
    Optional<String> version = text(child(tool, "version"));
    return name.map(n -> new Party(version.map(v -> n + " " + v).orElse(n), Party.Kind.TOOL, tool.pointer()));
  }

  private record Frame(El element, int depth) {}

  /** Flattens components and their nested components, parents before children, in document order. */
  private static List<Component> components(El root) {
    List<Component> out = new ArrayList<>();
    // An explicit stack, as in CycloneDxJson: flattening must not be what overflows the stack.
    Deque<Frame> stack = new ArrayDeque<>();
    pushReversed(stack, children(child(root, "components"), "component"), 0);
    while (!stack.isEmpty()) {
      Frame frame = stack.pop();
      out.add(component(frame.element(), frame.depth()));
      pushReversed(stack, children(child(frame.element(), "components"), "component"), frame.depth() + 1);
    }
    return out;
  }

  private static void pushReversed(Deque<Frame> stack, List<El> elements, int depth) {
    for (int i = elements.size() - 1; i >= 0; i--) {
      stack.push(new Frame(elements.get(i), depth));
    }
  }

  private static Component component(El c, int depth) {
    List<String> otherIdentifiers = new ArrayList<>();
    children(c, "omniborId").forEach(e -> text(e).ifPresent(v -> otherIdentifiers.add("omniborId:" + v)));
    children(c, "swhid").forEach(e -> text(e).ifPresent(v -> otherIdentifiers.add("swhid:" + v)));

    List<Hash> hashes = new ArrayList<>();
    for (El hash : children(child(c, "hashes"), "hash")) {
      Optional<String> alg = attribute(hash, "alg");
      Optional<String> content = text(hash);
      if (alg.isPresent() && content.isPresent()) {
        hashes.add(new Hash(alg.get(), content.get(), hash.pointer()));
      }
    }

    List<String> licenses = new ArrayList<>();
    for (El choice : cdxChildren(child(c, "licenses"))) {
      Optional<String> value =
          switch (choice.local) {
            case "license" -> text(child(choice, "id")).or(() -> text(child(choice, "name")));
            case "expression" -> text(choice);
            case "expression-detailed" -> attribute(choice, "expression");
            default -> Optional.empty();
          };
      value.ifPresent(licenses::add);
    }

    List<Map.Entry<String, String>> properties = new ArrayList<>();
    for (El property : children(child(c, "properties"), "property")) {
      // As in JSON, a property with a name and no value is kept with "" so that rules find the name.
      attribute(property, "name")
          .ifPresent(name -> properties.add(Map.entry(name, property.text == null ? "" : property.text)));
    }

    List<ExternalReference> externalReferences = new ArrayList<>();
    for (El reference : children(child(c, "externalReferences"), "reference")) {
      Optional<String> type = attribute(reference, "type");
      Optional<String> url = text(child(reference, "url"));
      if (type.isPresent() && url.isPresent()) {
        externalReferences.add(new ExternalReference(type.get(), url.get(), reference.pointer()));
      }
    }

    return new Component(
        c.pointer(),
        attribute(c, "bom-ref"),
        attribute(c, "type"),
        text(child(c, "name")),
        text(child(c, "version")),
        text(child(child(c, "supplier"), "name")),
        text(child(c, "purl")),
        text(child(c, "cpe")),
        attribute(child(c, "swid"), "tagId"),
        otherIdentifiers,
        hashes,
        licenses,
        properties,
        depth,
        text(child(child(c, "manufacturer"), "name")),
        text(child(c, "scope")),
        externalReferences,
        SupportInfo.fromProperties(properties));
  }

  private static List<Dependency> dependencies(El root) {
    List<Dependency> out = new ArrayList<>();
    for (El container : root.children()) {
      boolean core = container.cdx && container.local.equals("dependencies");
      boolean extension = container.ns.equals(DEPENDENCY_GRAPH_NAMESPACE) && container.local.equals("dependencies");
      if (!core && !extension) {
        continue;
      }
      // Pre-order over the nested elements: each entry before the entries of its children.
      Deque<El> stack = new ArrayDeque<>();
      List<El> top = sameNamespace(container, "dependency");
      for (int i = top.size() - 1; i >= 0; i--) {
        stack.push(top.get(i));
      }
      while (!stack.isEmpty()) {
        El dependency = stack.pop();
        List<El> inner = sameNamespace(dependency, "dependency");
        boolean topLevel = dependency.parent == container;
        if (topLevel || !inner.isEmpty()) {
          List<String> dependsOn = new ArrayList<>(inner.size());
          inner.forEach(d -> attribute(d, "ref").ifPresent(dependsOn::add));
          attribute(dependency, "ref").ifPresent(ref -> out.add(new Dependency(ref, dependsOn, dependency.pointer())));
        }
        for (int i = inner.size() - 1; i >= 0; i--) {
          stack.push(inner.get(i));
        }
      }
    }
    return out;
  }

  private static List<Composition> compositions(El root) {
    List<Composition> out = new ArrayList<>();
    for (El composition : children(child(root, "compositions"), "composition")) {
      List<String> assemblies = new ArrayList<>();
      children(child(composition, "assemblies"), "assembly")
          .forEach(a -> attribute(a, "ref").ifPresent(assemblies::add));
      text(child(composition, "aggregate"))
          .ifPresent(aggregate -> out.add(new Composition(aggregate, assemblies, composition.pointer())));
    }
    return out;
  }

  // ---------------------------------------------------------------- tree access

  private static El child(El parent, String local) {
    if (parent != null) {
      for (El child : parent.children()) {
        if (child.cdx && child.local.equals(local)) {
          return child;
        }
      }
    }
    return null;
  }

  private static List<El> children(El parent, String local) {
    if (parent == null) {
      return List.of();
    }
    List<El> out = new ArrayList<>();
    for (El child : parent.children()) {
      if (child.cdx && child.local.equals(local)) {
        out.add(child);
      }
    }
    return out;
  }

  /** Children in the same namespace as the parent (for the 1.1 extension's nested elements). */
  private static List<El> sameNamespace(El parent, String local) {
    List<El> out = new ArrayList<>();
    for (El child : parent.children()) {
      if (child.ns.equals(parent.ns) && child.local.equals(local)) {
        out.add(child);
      }
    }
    return out;
  }

  private static List<El> cdxChildren(El parent) {
    if (parent == null) {
      return List.of();
    }
    return parent.children().stream().filter(e -> e.cdx).toList();
  }

  /** Element text without surrounding whitespace; absent when missing or blank. */
  private static Optional<String> text(El element) {
    if (element == null || element.text == null) {
      return Optional.empty();
    }
    String value = element.text.strip();
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  private static Optional<String> attribute(El element, String name) {
    if (element == null) {
      return Optional.empty();
    }
    return element.attribute(name).map(String::strip).filter(v -> !v.isEmpty());
  }
}
