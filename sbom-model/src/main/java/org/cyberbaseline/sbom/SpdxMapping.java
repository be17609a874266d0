package org.cyberbaseline.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.LocatedJson;

/**
 * Maps an SPDX 2.2/2.3 document, as the tree of its JSON serialisation (read from JSON, YAML, or
 * built from tag-value by {@link SpdxTagValue}), onto the normalised {@link Sbom}. The mapping
 * itself is documented on {@link SpdxReader}.
 *
 * <p>There is no bundled SPDX JSON schema, so a member the mapping needs but finds with the wrong
 * JSON type (e.g. {@code creators} as a string) is reported here, located, with keyword
 * {@value #KEYWORD_TYPE}, and then treated as absent, as the CycloneDX reader does with the help of
 * its schema check.
 */
final class SpdxMapping {
  /** A member the mapping reads has the wrong JSON type; it was treated as absent. */
  static final String KEYWORD_TYPE = "type";

  /** A value that must follow an SPDX micro-syntax (creator "Person: ..."), or an id used twice. */
  static final String KEYWORD_FORMAT = "spdx-format";

  static final String NOASSERTION = "NOASSERTION";
  static final String NONE = "NONE";

  /** "A rel B" means A depends on (or contains) B. */
  static final Set<String> FORWARD_EDGES =
      Set.of("DEPENDS_ON", "CONTAINS", "STATIC_LINK", "DYNAMIC_LINK", "HAS_PREREQUISITE");

  /** "A rel B" means B depends on (or contains) A. */
  static final Set<String> REVERSE_EDGES =
      Set.of(
          "DEPENDENCY_OF",
          "CONTAINED_BY",
          "BUILD_DEPENDENCY_OF",
          "DEV_DEPENDENCY_OF",
          "OPTIONAL_DEPENDENCY_OF",
          "PROVIDED_DEPENDENCY_OF",
          "TEST_DEPENDENCY_OF",
          "RUNTIME_DEPENDENCY_OF",
          "PREREQUISITE_FOR",
          "PACKAGE_OF",
          "OPTIONAL_COMPONENT_OF");

  /** SPDX checksum algorithm names, normalised to the CycloneDX spelling. */
  private static final Map<String, String> HASH_ALGORITHMS =
      Map.ofEntries(
          Map.entry("SHA1", "SHA-1"),
          Map.entry("SHA224", "SHA-224"),
          Map.entry("SHA256", "SHA-256"),
          Map.entry("SHA384", "SHA-384"),
          Map.entry("SHA512", "SHA-512"),
          Map.entry("SHA3-256", "SHA3-256"),
          Map.entry("SHA3-384", "SHA3-384"),
          Map.entry("SHA3-512", "SHA3-512"),
          Map.entry("BLAKE2B-256", "BLAKE2b-256"),
          Map.entry("BLAKE2B-384", "BLAKE2b-384"),
          Map.entry("BLAKE2B-512", "BLAKE2b-512"),
          Map.entry("BLAKE3", "BLAKE3"),
          Map.entry("MD2", "MD2"),
          Map.entry("MD4", "MD4"),
          Map.entry("MD5", "MD5"),
          Map.entry("MD6", "MD6"),
          Map.entry("ADLER32", "ADLER32"));

  private static final Pattern TRAILING_CONTACT = Pattern.compile("^(.*?)\\s*\\(([^()]*)\\)\\s*$");

  private final JsonNode root;
  private final SourceLocator locator;
  private final boolean scalarsAsText;
  private final Set<String> undefinedLicenseRefs = new HashSet<>();
  private final List<JsonProblem> problems = new ArrayList<>();

  /** A package, file or snippet with where it is. */
  private record Element(Kind kind, JsonNode node, String pointer) {}

  private enum Kind {
    PACKAGE,
    FILE,
    SNIPPET
  }

  /** A JSON value with the pointer where it sits. */
  private record Item(JsonNode node, String pointer) {}

  /** The model and the problems the mapping itself found (all located where possible). */
  /**
   * @param undefinedLicenseRefs the {@code LicenseRef-} ids used but not defined in the document,
   *     each already reported in {@code problems} at the field that uses it
   */
  record Mapped(Sbom sbom, List<JsonProblem> problems, Set<String> undefinedLicenseRefs) {}

  private SpdxMapping(JsonNode root, SourceLocator locator, boolean scalarsAsText) {
    this.root = root;
    this.locator = locator;
    this.scalarsAsText = scalarsAsText;
  }

  /**
   * @param specVersion the version without the "SPDX-" prefix, e.g. "2.3"
   * @param scalarsAsText true for YAML, where an unquoted {@code versionInfo: 1.0} is a number
   *     although the producer meant the string "1.0"
   */
  static Mapped map(JsonNode root, SbomFormat format, String specVersion, SourceLocator locator, boolean scalarsAsText) {
    SpdxMapping mapping = new SpdxMapping(root, locator, scalarsAsText);
    Sbom sbom = mapping.toSbom(format, specVersion);
    // A member read twice (an SPDXID while finding the primary and again while mapping) is
    // reported once.
    return new Mapped(sbom, mapping.problems.stream().distinct().toList(), Set.copyOf(mapping.undefinedLicenseRefs));
  }

  private Sbom toSbom(SbomFormat format, String specVersion) {
    String documentId = text(root, "", "SPDXID").orElse("SPDXRef-DOCUMENT");

    Map<String, Element> elements = new LinkedHashMap<>();
    List<Element> packages = elements(elements, "packages", Kind.PACKAGE);
    List<Element> files = elements(elements, "files", Kind.FILE);
    elements(elements, "snippets", Kind.SNIPPET);

    List<Item> relationships = objects(root, "", "relationships");
    Optional<Element> primary = primary(documentId, elements, relationships);

    // Files are components only when the document lists no packages: a package's files are its
    // contents, not separate supply-chain components, and would drown the NTIA checks.
    List<Element> listed = packages.isEmpty() ? files : packages;
    List<Component> components = new ArrayList<>();
    Set<String> mappedIds = new HashSet<>();
    primary.flatMap(e -> text(e.node(), e.pointer(), "SPDXID")).ifPresent(mappedIds::add);
    for (Element element : listed) {
      if (primary.isPresent() && primary.get() == element) {
        continue;
      }
      components.add(component(element));
      text(element.node(), element.pointer(), "SPDXID").ifPresent(mappedIds::add);
    }

    List<Dependency> dependencies = new ArrayList<>();
    List<Composition> compositions = new ArrayList<>();
    relationships(relationships, documentId, elements.keySet(), mappedIds, dependencies, compositions);
    checkLicenseRefsDefined(elements.values());

    return new Sbom(
        format,
        specVersion,
        text(root, "", "documentNamespace"),
        metadata(primary.map(this::component)),
        components,
        dependencies,
        compositions,
        locator);
  }

  private List<Element> elements(Map<String, Element> byId, String arrayName, Kind kind) {
    List<Element> out = new ArrayList<>();
    for (Item item : objects(root, "", arrayName)) {
      Element element = new Element(kind, item.node(), item.pointer());
      out.add(element);
      Optional<String> id = text(item.node(), item.pointer(), "SPDXID");
      if (id.isPresent()) {
        Element earlier = byId.putIfAbsent(id.get(), element);
        if (earlier != null) {
          problem(
              item.pointer() + "/SPDXID",
              "SPDXID '" + abbreviate(id.get()) + "' is already used by " + earlier.pointer(),
              KEYWORD_FORMAT);
        }
      }
    }
    return out;
  }

  /** The first package the document describes, else the first described file. */
  private Optional<Element> primary(String documentId, Map<String, Element> elements, List<Item> relationships) {
    List<String> described = new ArrayList<>();
    for (Item item : array(root, "", "documentDescribes")) {
      textValue(item).ifPresent(described::add);
    }
    for (Item relationship : relationships) {
      Optional<String> a = text(relationship.node(), relationship.pointer(), "spdxElementId");
      Optional<String> type = text(relationship.node(), relationship.pointer(), "relationshipType").map(SpdxMapping::relationshipType);
      Optional<String> b = text(relationship.node(), relationship.pointer(), "relatedSpdxElement");
      if (a.isEmpty() || type.isEmpty() || b.isEmpty()) {
        continue;
      }
      if (type.get().equals("DESCRIBES") && a.get().equals(documentId)) {
        described.add(b.get());
      } else if (type.get().equals("DESCRIBED_BY") && b.get().equals(documentId)) {
        described.add(a.get());
      }
    }
    for (Kind kind : List.of(Kind.PACKAGE, Kind.FILE)) {
      for (String id : described) {
        Element element = elements.get(id);
        if (element != null && element.kind() == kind) {
          return Optional.of(element);
        }
      }
    }
    return Optional.empty();
  }

  private void relationships(
      List<Item> relationships,
      String documentId,
      Set<String> definedIds,
      Set<String> mappedIds,
      List<Dependency> dependencies,
      List<Composition> compositions) {
    for (Item relationship : relationships) {
      JsonNode node = relationship.node();
      String pointer = relationship.pointer();
      Optional<String> a = text(node, pointer, "spdxElementId");
      Optional<String> type = text(node, pointer, "relationshipType").map(SpdxMapping::relationshipType);
      Optional<String> b = text(node, pointer, "relatedSpdxElement");
      if (a.isEmpty() || type.isEmpty() || b.isEmpty()) {
        continue;
      }
      boolean forward = FORWARD_EDGES.contains(type.get());
      if (!forward && !REVERSE_EDGES.contains(type.get())) {
        continue;
      }
      if (isUnknownOrNone(b.get())) {
        // "A DEPENDS_ON NOASSERTION": A's dependencies are unknown; "A DEPENDS_ON NONE": A has
        // none. The reverse types with NONE/NOASSERTION speak about A's dependents, not about A.
        if (forward) {
          String aggregate = b.get().equals(NONE) ? "complete" : "unknown";
          if (a.get().equals(documentId)) {
            compositions.add(new Composition(aggregate, List.of(), pointer));
          } else if (mappedIds.contains(a.get()) || !definedIds.contains(a.get())) {
            compositions.add(new Composition(aggregate, List.of(a.get()), pointer));
          }
        }
        continue;
      }
      if (isUnknownOrNone(a.get())) {
        continue;
      }
      String from = forward ? a.get() : b.get();
      String to = forward ? b.get() : a.get();
      if (isDefinedButNotMapped(from, documentId, definedIds, mappedIds)
          || isDefinedButNotMapped(to, documentId, definedIds, mappedIds)) {
        continue;
      }
      dependencies.add(new Dependency(from, List.of(to), pointer));
    }
  }

  /**
   * True for the document itself, and for files and snippets that are not components. Their edges
   * are not supply-chain dependencies. An id the document does not define at all (a typo, or an
   * element of another document, "DocumentRef-x:SPDXRef-y") is kept: the dependency-graph check
   * reports it as dangling, which is what it is within this document.
   */
  private static boolean isDefinedButNotMapped(String id, String documentId, Set<String> definedIds, Set<String> mappedIds) {
    return id.equals(documentId) || (definedIds.contains(id) && !mappedIds.contains(id));
  }

  private static boolean isUnknownOrNone(String id) {
    return id.equals(NOASSERTION) || id.equals(NONE);
  }

  /** Relationship types as SPDX JSON writes them; tag-value and older tools vary case and "-". */
  static String relationshipType(String type) {
    return type.strip().toUpperCase(Locale.ROOT).replace('-', '_');
  }

  private SbomMetadata metadata(Optional<Component> primary) {
    String pointer = "/creationInfo";
    JsonNode creationInfo = object(root, "", "creationInfo");
    List<Party> authors = new ArrayList<>();
    List<Party> tools = new ArrayList<>();
    for (Item creator : array(creationInfo, pointer, "creators")) {
      Optional<String> value = textValue(creator);
      if (value.isEmpty()) {
        continue;
      }
      String v = value.get().strip();
      Optional<Party.Kind> kind = partyKind(v);
      if (kind.isEmpty()) {
        problem(
            creator.pointer(),
            "creator '" + abbreviate(v) + "' does not start with 'Person:', 'Organization:' or 'Tool:'",
            KEYWORD_FORMAT);
        continue;
      }
      String name = partyName(v);
      if (name.isBlank()) {
        problem(creator.pointer(), "creator '" + abbreviate(v) + "' names no one", KEYWORD_FORMAT);
        continue;
      }
      Party party = new Party(name, kind.get(), creator.pointer());
      (kind.get() == Party.Kind.TOOL ? tools : authors).add(party);
    }
    return new SbomMetadata(
        text(creationInfo, pointer, "created"), pointer + "/created", authors, tools, primary, List.of(), pointer);
  }

  private Component component(Element element) {
    JsonNode node = element.node();
    String pointer = element.pointer();
    boolean isPackage = element.kind() == Kind.PACKAGE;

    Optional<String> purl = Optional.empty();
    Optional<String> cpe = Optional.empty();
    Optional<String> swid = Optional.empty();
    List<String> otherIdentifiers = new ArrayList<>();
    List<ExternalReference> externalReferences = new ArrayList<>();
    if (isPackage) {
      text(node, pointer, "homepage")
          .filter(v -> !isUnknownOrNone(v))
          .ifPresent(v -> externalReferences.add(new ExternalReference("website", v, pointer + "/homepage")));
      text(node, pointer, "downloadLocation")
          .filter(v -> !isUnknownOrNone(v))
          .ifPresent(v -> externalReferences.add(new ExternalReference("distribution", v, pointer + "/downloadLocation")));
    }
    for (Item ref : objects(node, pointer, "externalRefs")) {
      Optional<String> type = text(ref.node(), ref.pointer(), "referenceType");
      Optional<String> locatorValue = text(ref.node(), ref.pointer(), "referenceLocator");
      if (type.isEmpty() || locatorValue.isEmpty()) {
        continue;
      }
      String t = type.get();
      String v = locatorValue.get();
      // Identifiers are recognised by type, whatever category the producer filed them under.
      switch (t) {
        case "purl" -> {
          if (purl.isEmpty()) {
            purl = Optional.of(v);
          } else {
            otherIdentifiers.add("purl:" + v);
          }
        }
        case "cpe22Type", "cpe23Type" -> {
          if (cpe.isEmpty()) {
            cpe = Optional.of(v);
          } else {
            otherIdentifiers.add(t + ":" + v);
          }
        }
        case "swid" -> {
          if (swid.isEmpty()) {
            swid = Optional.of(v);
          } else {
            otherIdentifiers.add("swid:" + v);
          }
        }
        case "swh" -> otherIdentifiers.add("swhid:" + v);
        case "gitoid" -> otherIdentifiers.add("omniborId:" + v);
        default -> externalReferences.add(new ExternalReference(t, v, ref.pointer()));
      }
    }

    List<Hash> hashes = new ArrayList<>();
    for (Item checksum : objects(node, pointer, "checksums")) {
      Optional<String> algorithm = text(checksum.node(), checksum.pointer(), "algorithm");
      Optional<String> value = text(checksum.node(), checksum.pointer(), "checksumValue");
      if (algorithm.isPresent() && value.isPresent()) {
        hashes.add(new Hash(hashAlgorithm(algorithm.get()), value.get(), checksum.pointer()));
      }
    }

    List<String> licenses = new ArrayList<>();
    for (String member : isPackage ? List.of("licenseDeclared", "licenseConcluded") : List.of("licenseConcluded")) {
      text(node, pointer, member).filter(v -> !licenses.contains(v)).ifPresent(licenses::add);
    }

    List<Map.Entry<String, String>> properties = new ArrayList<>();
    for (Item annotation : objects(node, pointer, "annotations")) {
      Optional<String> type = text(annotation.node(), annotation.pointer(), "annotationType");
      Optional<String> comment = text(annotation.node(), annotation.pointer(), "comment");
      if (comment.isPresent()) {
        properties.add(Map.entry("spdx:annotation:" + type.orElse("OTHER"), comment.get()));
      }
    }

    Optional<String> validUntil = isPackage ? text(node, pointer, "validUntilDate") : Optional.empty();
    SupportInfo support =
        validUntil.isEmpty() ? SupportInfo.NONE : new SupportInfo(Optional.empty(), validUntil, Optional.empty(), List.of());

    return new Component(
        pointer,
        text(node, pointer, "SPDXID"),
        isPackage ? text(node, pointer, "primaryPackagePurpose").map(v -> v.toLowerCase(Locale.ROOT)) : Optional.of("file"),
        text(node, pointer, isPackage ? "name" : "fileName"),
        isPackage ? text(node, pointer, "versionInfo") : Optional.empty(),
        isPackage ? party(node, pointer, "supplier") : Optional.empty(),
        purl,
        cpe,
        swid,
        otherIdentifiers,
        hashes,
        licenses,
        properties,
        0,
        isPackage ? party(node, pointer, "originator") : Optional.empty(),
        Optional.empty(),
        externalReferences,
        support);
  }

  private Optional<String> party(JsonNode node, String pointer, String field) {
    return text(node, pointer, field).map(SpdxMapping::partyName).filter(name -> !name.isBlank());
  }

  static String hashAlgorithm(String spdx) {
    String key = spdx.strip().toUpperCase(Locale.ROOT).replace('_', '-');
    return HASH_ALGORITHMS.getOrDefault(key, spdx.strip());
  }

  private static Optional<Party.Kind> partyKind(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    if (lower.startsWith("person:")) {
      return Optional.of(Party.Kind.PERSON);
    }
    if (lower.startsWith("organization:")) {
      return Optional.of(Party.Kind.ORGANIZATION);
    }
    if (lower.startsWith("tool:")) {
      return Optional.of(Party.Kind.TOOL);
    }
    return Optional.empty();
  }

  /**
   * "Organization: Acme Inc. (security@acme.example)" becomes "Acme Inc.": the name without the
   * SPDX type prefix and without a trailing contact in parentheses (one with an "@", or empty "()").
   * Other parentheses are part of the name; an e-mail alone is the name. NOASSERTION, and anything
   * without a prefix, stays as written; a prefix with no name after it (or only "()") gives "".
   */
  static String partyName(String value) {
    String v = value.strip();
    Optional<Party.Kind> kind = partyKind(v);
    if (kind.isEmpty()) {
      return v;
    }
    String name = v.substring(v.indexOf(':') + 1).strip();
    Matcher m = TRAILING_CONTACT.matcher(name);
    if (m.matches() && (m.group(2).isBlank() || m.group(2).contains("@"))) {
      // "Person: (jane@example.com)": the e-mail is all there is, so it is the name.
      name = m.group(1).isBlank() ? m.group(2).strip() : m.group(1).strip();
    }
    return name;
  }

  private static final Pattern LICENSE_REF = Pattern.compile("(?<![A-Za-z0-9.\\-:])LicenseRef-[A-Za-z0-9.\\-]+");
  private static final List<String> LICENSE_MEMBERS = List.of(
      "licenseConcluded", "licenseDeclared", "licenseInfoFromFiles", "licenseInfoInFiles", "licenseInfoInSnippets");

  /**
   * Every {@code LicenseRef-} an element's licence fields use must be defined in
   * {@code hasExtractedLicensingInfos} (SPDX 2.3 clause 10, "Other licensing information detected").
   * java-spdx-library's JSON reader creates a missing definition silently, so its verification
   * cannot see the gap; its tag-value reader used to report it. A reference into another document
   * ({@code DocumentRef-x:LicenseRef-y}) is not checked here. Keyword {@value
   * SpdxVerification#KEYWORD}: it is a conformance failure of the document.
   */
  private void checkLicenseRefsDefined(java.util.Collection<Element> elements) {
    Set<String> defined = new HashSet<>();
    for (Item info : objects(root, "", "hasExtractedLicensingInfos")) {
      JsonNode id = info.node().get("licenseId");
      if (id != null && id.isTextual()) {
        defined.add(id.textValue().strip());
      }
    }
    for (Element element : elements) {
      for (String member : LICENSE_MEMBERS) {
        JsonNode value = element.node().get(member);
        if (value == null) {
          continue;
        }
        String pointer = element.pointer() + "/" + member;
        if (value.isTextual()) {
          reportUndefined(value.textValue(), pointer, defined);
        } else if (value.isArray()) {
          for (int i = 0; i < value.size(); i++) {
            if (value.get(i).isTextual()) {
              reportUndefined(value.get(i).textValue(), pointer + "/" + i, defined);
            }
          }
        }
      }
    }
  }

  private void reportUndefined(String expression, String pointer, Set<String> defined) {
    Matcher m = LICENSE_REF.matcher(expression);
    while (m.find()) {
      if (!defined.contains(m.group())) {
        undefinedLicenseRefs.add(m.group());
        problem(pointer, "License not found for " + m.group() + ": no hasExtractedLicensingInfos entry"
            + " (ExtractedLicensingInfo in tag-value) defines it", SpdxVerification.KEYWORD);
      }
    }
  }

  // --- tree access with type reporting -------------------------------------------------------

  /** The member as text; absent when missing or blank, absent and reported when not a string. */
  private Optional<String> text(JsonNode parent, String parentPointer, String field) {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null) {
      return Optional.empty();
    }
    return textValue(new Item(node, parentPointer + "/" + LocatedJson.escape(field)));
  }

  private Optional<String> textValue(Item item) {
    JsonNode node = item.node();
    String value;
    if (node.isTextual()) {
      value = node.textValue();
    } else if (scalarsAsText && (node.isNumber() || node.isBoolean())) {
      value = node.isBigDecimal() ? node.decimalValue().toPlainString() : node.asText();
    } else {
      problem(item.pointer(), "expected a string, found " + describe(node), KEYWORD_TYPE);
      return Optional.empty();
    }
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** Elements of an array member with their pointers; a non-array member is reported. */
  private List<Item> array(JsonNode parent, String parentPointer, String field) {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null) {
      return List.of();
    }
    String base = parentPointer + "/" + LocatedJson.escape(field);
    if (!node.isArray()) {
      problem(base, "expected an array, found " + describe(node), KEYWORD_TYPE);
      return List.of();
    }
    List<Item> out = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      out.add(new Item(node.get(i), base + "/" + i));
    }
    return out;
  }

  /** The object elements of an array member; other elements are reported and skipped. */
  private List<Item> objects(JsonNode parent, String parentPointer, String field) {
    List<Item> out = new ArrayList<>();
    for (Item item : array(parent, parentPointer, field)) {
      if (item.node().isObject()) {
        out.add(item);
      } else {
        problem(item.pointer(), "expected an object, found " + describe(item.node()), KEYWORD_TYPE);
      }
    }
    return out;
  }

  private JsonNode object(JsonNode parent, String parentPointer, String field) {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null) {
      return null;
    }
    if (!node.isObject()) {
      problem(parentPointer + "/" + LocatedJson.escape(field), "expected an object, found " + describe(node), KEYWORD_TYPE);
      return null;
    }
    return node;
  }

  private static String describe(JsonNode node) {
    if (node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return "a string";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    return node.isNumber() ? "a number" : node.getNodeType().toString().toLowerCase(Locale.ROOT);
  }

  private void problem(String pointer, String message, String keyword) {
    problems.add(new JsonProblem(pointer, locator.positionOf(pointer), message, keyword));
  }

  private static String abbreviate(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }
}
