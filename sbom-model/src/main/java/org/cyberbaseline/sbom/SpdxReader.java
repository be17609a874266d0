package org.cyberbaseline.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.JsonReadException;
import org.cyberbaseline.schemas.LocatedJson;
import org.cyberbaseline.schemas.LocatedJsonReader;
import org.cyberbaseline.schemas.Position;

/**
 * Reads SPDX 2.2 and 2.3 documents, in the JSON, YAML and tag-value serialisations, into the
 * normalised {@link Sbom}.
 *
 * <h2>How a document is read</h2>
 *
 * <ul>
 *   <li><b>JSON</b>: {@link SbomReader} parses the bytes once with the located JSON reader; the
 *       model is mapped from that tree, so every pointer ({@code /packages/3}, {@code
 *       /relationships/7}) has a line and column.
 *   <li><b>YAML</b>: the located reader's YAML mode (aliases refused), then the same mapping. An
 *       unquoted scalar such as {@code versionInfo: 1.0} is taken as the text "1.0". {@link
 *       Sbom#format()} is {@link SbomFormat#SPDX_JSON} (the enum has no YAML constant).
 *   <li><b>Tag-value</b>: {@link SpdxTagValue} turns the lines into the tree the JSON serialisation
 *       would have and records the line of every tag, so the same mapping applies and pointers are
 *       the same as for the JSON form of the document ({@code /packages/3} = the fourth {@code
 *       PackageName}, at its line; {@code /relationships/7} = the eighth {@code Relationship}).
 *   <li><b>Conformance</b>: java-spdx-library reads the same bytes a second time (for tag-value, the
 *       JSON form of the tree {@link SpdxTagValue} built; see {@code readText}), for verification
 *       only ({@code SpdxDocument.verify()}); its messages become {@link
 *       SbomReadResult.Parsed#schemaProblems()} with keyword {@value SpdxVerification#KEYWORD}
 *       (pointer best effort, else ""). The library runs offline with its bundled licence list, see
 *       {@link SpdxVerification}. Members the mapping needs but finds with the wrong JSON type are
 *       reported too (keyword {@value SpdxMapping#KEYWORD_TYPE}, located), as are malformed
 *       creators and reused SPDXIDs ({@value SpdxMapping#KEYWORD_FORMAT}) and unusable tag-value
 *       lines ("syntax").
 * </ul>
 *
 * <p><b>Not read</b> (recognised, answered with {@code unsupported-format}): SPDX RDF/XML — the
 * RDF store of java-spdx-library (spdx-rdf-store, Apache Jena) is not a dependency, and a
 * hand-written RDF mapper is not worth its XML attack surface for a serialisation SPDX 3 dropped;
 * SPDX XML — rare, also dropped by SPDX 3; SPDX 3.0 JSON-LD — java-spdx-library 2.0.4 with
 * spdx-jackson-store 2.0.3 only deserialises SPDX 2.x (an SPDX 3.0.1 document fails with "Missing
 * document namespace"; SPDX 3 needs the separate spdx-v3jsonld-store). SPDX versions other than
 * 2.2 and 2.3 are {@code unsupported-version}.
 *
 * <h2>SPDX → model</h2>
 *
 * <table>
 *   <caption>Mapping (JSON member names; the tag-value tag in brackets where the name differs)</caption>
 *   <tr><th>model</th><th>SPDX 2.2 / 2.3</th></tr>
 *   <tr><td>{@code Sbom.specVersion}</td><td>{@code spdxVersion} without "SPDX-": "2.2", "2.3"</td></tr>
 *   <tr><td>{@code Sbom.serialNumber}</td><td>{@code documentNamespace}</td></tr>
 *   <tr><td>{@code metadata.timestamp}</td><td>{@code creationInfo.created} [Created], as written;
 *       {@code timestampPointer} /creationInfo/created; metadata pointer /creationInfo</td></tr>
 *   <tr><td>{@code metadata.authors}</td><td>{@code creationInfo.creators[]} [Creator] starting
 *       "Person:" (PERSON) or "Organization:" (ORGANIZATION); the name without the prefix and
 *       without a trailing "(e-mail)" or "()"</td></tr>
 *   <tr><td>{@code metadata.tools}</td><td>creators starting "Tool:", e.g. "LicenseFind-1.0". A
 *       creator with none of the three prefixes is reported ({@code spdx-format}) and not mapped</td></tr>
 *   <tr><td>{@code metadata.lifecycles}</td><td>empty (SPDX 2 has no generation context)</td></tr>
 *   <tr><td>{@code metadata.primaryComponent}</td><td>the element the document DESCRIBES:
 *       {@code documentDescribes[]}, then relationships "&lt;document SPDXID&gt; DESCRIBES X" and
 *       "X DESCRIBED_BY &lt;document&gt;", in that order; the first described <i>package</i>, else
 *       the first described file. No implicit rule: without a DESCRIBES there is no primary
 *       component (a rule reports it). Further described packages stay in {@code components}</td></tr>
 *   <tr><td>{@code components}</td><td>{@code packages[]} [PackageName] in document order,
 *       without the primary. Files [FileName] become components (type "file") only when the
 *       document has no packages at all: a package's files are its contents, not supply-chain
 *       components, and 150 supplier-less files would drown the NTIA checks. Snippets never</td></tr>
 *   <tr><td>{@code Component.pointer / ref}</td><td>/packages/i (or /files/i); {@code SPDXID}</td></tr>
 *   <tr><td>{@code type}</td><td>{@code primaryPackagePurpose} (2.3) lower-cased, e.g.
 *       "application", "operating-system"; "file" for files</td></tr>
 *   <tr><td>{@code name, version}</td><td>{@code name} [PackageName], {@code versionInfo}
 *       [PackageVersion]; files: {@code fileName}, no version</td></tr>
 *   <tr><td>{@code supplier}</td><td>{@code supplier} [PackageSupplier]: "Organization: X" /
 *       "Person: X" → "X" (contact stripped as for creators); "NOASSERTION" kept as written, so
 *       rules can tell an explicit unknown from an absent supplier</td></tr>
 *   <tr><td>{@code manufacturer}</td><td>{@code originator} [PackageOriginator], same name rule
 *       (CISA's "component producer")</td></tr>
 *   <tr><td>{@code purl}</td><td>first {@code externalRefs[]} [ExternalRef] of type "purl"
 *       (category PACKAGE-MANAGER / PACKAGE_MANAGER); further ones in otherIdentifiers "purl:…"</td></tr>
 *   <tr><td>{@code cpe}</td><td>first externalRef of type "cpe23Type" or "cpe22Type" (SECURITY),
 *       as written; further ones in otherIdentifiers "cpe23Type:…" / "cpe22Type:…"</td></tr>
 *   <tr><td>{@code swidTagId}</td><td>first externalRef of type "swid" (SECURITY), locator as
 *       written (e.g. "swid:2df9de35-…")</td></tr>
 *   <tr><td>{@code otherIdentifiers}</td><td>PERSISTENT-ID "swh" → "swhid:…", "gitoid" →
 *       "omniborId:…" (as CycloneDX names them). Identifier types are recognised whatever
 *       category the producer filed them under</td></tr>
 *   <tr><td>{@code externalReferences}</td><td>{@code homepage} → "website", {@code
 *       downloadLocation} → "distribution" (both unless NONE/NOASSERTION), every other externalRef
 *       → (referenceType, referenceLocator), e.g. ("advisory", url)</td></tr>
 *   <tr><td>{@code hashes}</td><td>{@code checksums[]} [PackageChecksum / FileChecksum];
 *       algorithm in CycloneDX spelling: SHA1 → "SHA-1", SHA256 → "SHA-256", SHA3-256,
 *       BLAKE2b-256, MD5, ...; unknown names as written</td></tr>
 *   <tr><td>{@code licenses}</td><td>{@code licenseDeclared} then {@code licenseConcluded}, as
 *       written, the second only if different; NOASSERTION and NONE are kept (explicit statements).
 *       Files: licenseConcluded</td></tr>
 *   <tr><td>{@code properties}</td><td>the element's {@code annotations[]} [Annotator … with SPDXREF
 *       = the element]: ("spdx:annotation:" + annotationType, comment)</td></tr>
 *   <tr><td>{@code support.endOfSupport}</td><td>{@code validUntilDate} (2.3) [ValidUntilDate], as
 *       written; level of support, end of life and justifications have no SPDX 2 field: empty</td></tr>
 *   <tr><td>{@code scope, nestingDepth}</td><td>empty; 0 (SPDX has no nesting)</td></tr>
 *   <tr><td>{@code dependencies}</td><td>one {@link Dependency} per relationship, pointer
 *       /relationships/i, single target. "A DEPENDS_ON | CONTAINS | STATIC_LINK | DYNAMIC_LINK |
 *       HAS_PREREQUISITE B" → A→B. "A DEPENDENCY_OF | CONTAINED_BY | BUILD_/DEV_/OPTIONAL_/
 *       PROVIDED_/TEST_/RUNTIME_DEPENDENCY_OF | PREREQUISITE_FOR | PACKAGE_OF |
 *       OPTIONAL_COMPONENT_OF B" → B→A. Not edges: DESCRIBES/DESCRIBED_BY (they select the
 *       primary), *_TOOL_OF (tools are not part of the product), GENERATED_FROM, VARIANT_OF and the
 *       other provenance types. Edges from or to the document itself, or to a file or snippet that
 *       is not a component, are dropped; edges naming an id the document does not define (a typo,
 *       or "DocumentRef-x:SPDXRef-y" of another document) are kept, and the graph check reports
 *       them as dangling</td></tr>
 *   <tr><td>{@code compositions}</td><td>"A &lt;forward type&gt; NOASSERTION" → ("unknown", [A]);
 *       "A &lt;forward type&gt; NONE" → ("complete", [A]) (A is known to have none); with A = the
 *       document, assemblies are empty (the whole document). Reverse types with NONE/NOASSERTION say
 *       nothing about A's own dependencies and are not mapped</td></tr>
 * </table>
 *
 * <p>As in the CycloneDX reader, absent and blank values are empty, never "", and a member of the
 * wrong JSON type is treated as absent (and reported).
 */
final class SpdxReader {
  static final List<String> SUPPORTED_VERSIONS = List.of("SPDX-2.2", "SPDX-2.3");

  /** What this class reads, for {@link SbomReader#SUPPORTED}. */
  static final String SUPPORTED = "SPDX 2.2–2.3 JSON, YAML and tag-value";

  /** FormatSniffer's name for SPDX YAML (there is no SbomFormat constant for it). */
  static final String YAML_FORMAT_NAME = "SPDX YAML";

  private static final Comparator<JsonProblem> DOCUMENT_ORDER =
      Comparator.comparing(
          (JsonProblem p) -> p.position().orElse(null),
          Comparator.nullsLast(Comparator.comparingInt(Position::line).thenComparingInt(Position::column)));

  private SpdxReader() {}

  /** Whether this class reads a format {@link FormatSniffer} recognised. */
  static boolean reads(FormatSniffer.Recognised format) {
    String name = format.formatName();
    return name.equals(SbomFormat.SPDX_JSON.displayName())
        || name.equals(SbomFormat.SPDX_TAG_VALUE.displayName())
        || name.equals(YAML_FORMAT_NAME);
  }

  /** An SPDX JSON document already parsed by {@link SbomReader}; {@code content} is its bytes. */
  static SbomReadResult readJson(LocatedJson document, byte[] content) {
    return readTree(
        document.root(), document::positionOf, SbomFormat.SPDX_JSON, List.of(), content, SpdxVerification.Syntax.JSON, false);
  }

  /** SPDX YAML or tag-value, as recognised by {@link FormatSniffer#text}. */
  static SbomReadResult readText(FormatSniffer.Recognised format, byte[] content, LocatedJsonReader jsonReader) {
    if (format.formatName().equals(YAML_FORMAT_NAME)) {
      LocatedJson document;
      try {
        document = jsonReader.readYaml(content);
      } catch (JsonReadException e) {
        JsonProblem problem = e.problem();
        if ("syntax".equals(problem.keyword()) && !problem.message().startsWith("document is empty")) {
          problem =
              new JsonProblem(
                  problem.pointer(), problem.position(), "not well-formed YAML: " + problem.message(), problem.keyword());
        }
        return new SbomReadResult.Unreadable(problem);
      }
      if (!document.root().isObject()) {
        return unreadable(
            "",
            document.positionOf(""),
            SbomReader.NOT_RECOGNISED + ": the YAML document is not a mapping",
            SbomReader.KEYWORD_UNKNOWN_FORMAT);
      }
      return readTree(
          document.root(), document::positionOf, SbomFormat.SPDX_JSON, List.of(), content, SpdxVerification.Syntax.YAML, true);
    }
    SpdxTagValue.Outcome outcome = SpdxTagValue.read(content, jsonReader.limits());
    if (outcome instanceof SpdxTagValue.Failed failed) {
      return new SbomReadResult.Unreadable(failed.problem());
    }
    SpdxTagValue.Tree tree = (SpdxTagValue.Tree) outcome;
    return readTree(
        tree.root(),
        tree.locator(),
        SbomFormat.SPDX_TAG_VALUE,
        tree.problems(),
        // The library verifies the JSON form of the tree, not the tag-value text: its tag-value store
        // verifies every relationship in depth while it builds the document (super-linear: 13 s at
        // 3,000 packages, 170 s at 10,000) and gives up at the first value it dislikes, so it used to
        // answer "rejected" where verifying the same document as JSON reports every problem.
        SpdxVerification.jsonBytes(tree.root()),
        SpdxVerification.Syntax.JSON,
        false);
  }

  private static final String UNDEFINED_LICENSE = "License not found for ";

  private static SbomReadResult readTree(
      JsonNode root,
      SourceLocator locator,
      SbomFormat format,
      List<JsonProblem> readProblems,
      byte[] libraryContent,
      SpdxVerification.Syntax syntax,
      boolean scalarsAsText) {
    JsonNode spdxVersion = root.get("spdxVersion");
    String supportedList = String.join(", ", SUPPORTED_VERSIONS);
    if (spdxVersion == null) {
      return unreadable(
          "/spdxVersion",
          locator.positionOf("/spdxVersion"),
          "SPDX document has no spdxVersion; supported versions: " + supportedList,
          SbomReader.KEYWORD_UNSUPPORTED_VERSION);
    }
    if (!spdxVersion.isTextual() || !SUPPORTED_VERSIONS.contains(spdxVersion.textValue().strip())) {
      return unreadable(
          "/spdxVersion",
          locator.positionOf("/spdxVersion"),
          "SPDX version "
              + abbreviate(spdxVersion.isTextual() ? "\"" + spdxVersion.textValue() + "\"" : spdxVersion.toString())
              + " is not supported; supported versions: "
              + supportedList,
          SbomReader.KEYWORD_UNSUPPORTED_VERSION);
    }
    String version = spdxVersion.textValue().strip().substring("SPDX-".length());
    SpdxMapping.Mapped mapped = SpdxMapping.map(root, format, version, locator, scalarsAsText);

    List<JsonProblem> problems = new ArrayList<>(readProblems);
    problems.addAll(mapped.problems());
    // The mapping reports an undefined LicenseRef at the field that uses it; the library, when it
    // notices one at all, says the same without a location ("License not found for LicenseRef-x in
    // ..."), so its copy is dropped.
    for (JsonProblem problem : SpdxVerification.verify(libraryContent, syntax, pointersByName(root), locator)) {
      boolean repeatsMapping = mapped.undefinedLicenseRefs().stream()
          .anyMatch(ref -> problem.message().startsWith(UNDEFINED_LICENSE + ref + " "));
      if (!repeatsMapping) {
        problems.add(problem);
      }
    }
    problems.sort(DOCUMENT_ORDER);
    return new SbomReadResult.Parsed(mapped.sbom(), problems);
  }

  /** Pointer of each package and file whose name is unique in the document. */
  private static Map<String, String> pointersByName(JsonNode root) {
    Map<String, String> byName = new HashMap<>();
    Set<String> repeated = new HashSet<>();
    for (String[] array : new String[][] {{"packages", "name"}, {"files", "fileName"}}) {
      JsonNode elements = root.get(array[0]);
      if (elements == null || !elements.isArray()) {
        continue;
      }
      for (int i = 0; i < elements.size(); i++) {
        JsonNode name = elements.get(i).get(array[1]);
        if (name != null && name.isTextual() && !name.textValue().isBlank()) {
          if (byName.putIfAbsent(name.textValue(), "/" + array[0] + "/" + i) != null) {
            repeated.add(name.textValue());
          }
        }
      }
    }
    repeated.forEach(byName::remove);
    return byName;
  }

  private static SbomReadResult unreadable(String pointer, Optional<Position> position, String message, String keyword) {
    return new SbomReadResult.Unreadable(new JsonProblem(pointer, position, message, keyword));
  }

  private static String abbreviate(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }
}
