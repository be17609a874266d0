package org.cyberbaseline.sbom;

import static org.cyberbaseline.sbom.SpdxTestSupport.spdxFixture;
import static org.cyberbaseline.sbom.TestSupport.parsed;
import static org.cyberbaseline.sbom.TestSupport.unreadable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.Position;
import org.cyberbaseline.schemas.ReadLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact SPDX → model values, and every edge of the mapping. */
class SpdxMappingTest {
  private static final SbomReader READER = new SbomReader();

  private static SbomReadResult read(String text) {
    return READER.read(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Sbom sbom(String text) {
    return parsed(read(text)).sbom();
  }

  /** A minimal SPDX 2.3 JSON document around the given packages / files / relationships members. */
  private static String json(String members) {
    return """
        {"spdxVersion": "SPDX-2.3", "dataLicense": "CC0-1.0", "SPDXID": "SPDXRef-DOCUMENT", "name": "t",
         "documentNamespace": "https://example.com/t",
         "creationInfo": {"created": "2025-01-01T00:00:00Z", "creators": ["Tool: t-1"]},
        """ + members + "}";
  }

  private static String pkg(String id, String extra) {
    return "{\"SPDXID\": \"" + id + "\", \"name\": \"" + id.substring("SPDXRef-".length())
        + "\", \"downloadLocation\": \"NOASSERTION\"" + (extra.isEmpty() ? "" : ", " + extra) + "}";
  }

  /** Line and column (1-based) where {@code snippet} first occurs in {@code doc}. */
  private static Position position(String doc, String snippet) {
    int index = doc.indexOf(snippet);
    assertTrue(index >= 0, snippet);
    String before = doc.substring(0, index);
    int line = (int) before.chars().filter(ch -> ch == '\n').count() + 1;
    return new Position(line, index - before.lastIndexOf('\n'));
  }

  private static String at(String doc, String snippet) {
    return position(doc, snippet).toString();
  }

  private static String rel(String a, String type, String b) {
    return "{\"spdxElementId\": \"" + a + "\", \"relationshipType\": \"" + type + "\", \"relatedSpdxElement\": \"" + b + "\"}";
  }

  // --- exact values of the hand-written fixture -----------------------------------------------

  @Test
  void documentLevelValues() {
    Sbom sbom = parsed(READER.read(spdxFixture("equivalence-sbom.spdx.json"))).sbom();
    assertEquals("2.3", sbom.specVersion());
    assertEquals(
        Optional.of("https://acme-medical.example/spdx/infusion-controller-3.1.0-6f1c2a7e-0b8d-4c1e-9a55-2d3f4b5c6d7e"),
        sbom.serialNumber());
    SbomMetadata m = sbom.metadata();
    assertEquals(Optional.of("2025-03-14T09:26:53Z"), m.timestamp());
    assertEquals("/creationInfo/created", m.timestampPointer());
    assertEquals("/creationInfo", m.pointer());
    assertEquals(
        List.of(
            new Party("Acme Medical Devices Inc.", Party.Kind.ORGANIZATION, "/creationInfo/creators/0"),
            new Party("Jane Engineer", Party.Kind.PERSON, "/creationInfo/creators/1")),
        m.authors());
    assertEquals(List.of(new Party("syft-1.4.1", Party.Kind.TOOL, "/creationInfo/creators/2")), m.tools());
    assertEquals(List.of(), m.lifecycles());
  }

  @Test
  void primaryComponentIsTheDescribedPackage() {
    Sbom sbom = parsed(READER.read(spdxFixture("equivalence-sbom.spdx.json"))).sbom();
    assertEquals(
        new Component(
            "/packages/0",
            Optional.of("SPDXRef-Package-controller"),
            Optional.of("firmware"),
            Optional.of("infusion-controller"),
            Optional.of("3.1.0"),
            Optional.of("Acme Medical Devices Inc."),
            Optional.of("pkg:generic/acme/infusion-controller@3.1.0"),
            Optional.empty(),
            Optional.of("swid:5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f"),
            List.of(),
            List.of(new Hash("SHA-256", "c1472135b14c77c8bef98e73f70208325fa0dcf1e6bd668ae9b31a9cea295fe7", "/packages/0/checksums/0")),
            List.of("LicenseRef-Acme-Proprietary"),
            List.of(),
            0,
            Optional.of("Acme Medical Devices Inc."),
            Optional.empty(),
            List.of(), // downloadLocation NOASSERTION is no reference
            SupportInfo.NONE),
        sbom.metadata().primaryComponent().orElseThrow());
  }

  @Test
  void componentValues() {
    List<Component> components = parsed(READER.read(spdxFixture("equivalence-sbom.spdx.json"))).sbom().components();
    assertEquals(
        List.of("openssl", "zlib", "freertos-kernel", "libcurl", "vendor-bsp"),
        components.stream().map(c -> c.name().orElseThrow()).toList(),
        "packages in document order, without the primary; the file is not a component");
    assertEquals(
        new Component(
            "/packages/1",
            Optional.of("SPDXRef-Package-openssl"),
            Optional.of("library"),
            Optional.of("openssl"),
            Optional.of("3.0.13"),
            Optional.of("OpenSSL Software Foundation"),
            Optional.of("pkg:generic/openssl@3.0.13"),
            Optional.of("cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*"),
            Optional.empty(),
            List.of(),
            List.of(
                new Hash("SHA-256", "41ffca929b95c49690ab8815d1d1a134a5bcdd86bde407c0f46b90eabf556b05", "/packages/1/checksums/0"),
                new Hash("SHA-1", "c898fa1e7226427010e329971e82c669f8d8abb4", "/packages/1/checksums/1")),
            List.of("Apache-2.0"),
            List.of(Map.entry("spdx:annotation:OTHER", "level of support: security fixes only")),
            0,
            Optional.empty(),
            Optional.empty(),
            List.of(
                new ExternalReference("website", "https://www.openssl.org", "/packages/1/homepage"),
                new ExternalReference(
                    "distribution", "https://www.openssl.org/source/openssl-3.0.13.tar.gz", "/packages/1/downloadLocation"),
                new ExternalReference("advisory", "https://openssl-library.org/news/vulnerabilities/", "/packages/1/externalRefs/2")),
            new SupportInfo(Optional.empty(), Optional.of("2026-09-07T00:00:00Z"), Optional.empty(), List.of())),
        components.get(0));

    Component zlib = components.get(1);
    assertEquals(Optional.of("Mark Adler"), zlib.supplier(), "Person: prefix stripped");
    assertEquals(Optional.of("cpe:/a:zlib:zlib:1.3.1"), zlib.cpe(), "cpe22Type");
    assertEquals(List.of(new Hash("SHA-1", "57968f12798767ae5da8b15a0c383ad79d0f338b", "/packages/2/checksums/0")), zlib.hashes());
    assertEquals(List.of("Zlib"), zlib.licenses(), "declared = concluded is listed once");

    Component freertos = components.get(2);
    assertEquals(Optional.of("operating-system"), freertos.type());
    assertEquals(List.of("swhid:swh:1:rel:22ece559cc7cc2364edc5e5593d63ae8bd229f9f"), freertos.otherIdentifiers());

    Component bsp = components.get(4);
    assertEquals(Optional.of("NOASSERTION"), bsp.supplier(), "an explicit unknown stays distinguishable from absent");
    assertEquals(List.of("NOASSERTION"), bsp.licenses());
    assertEquals(Optional.empty(), bsp.type());
    assertEquals(Optional.of("2.4"), bsp.version());
    assertEquals(List.of(), bsp.externalReferences());
  }

  @Test
  void relationshipsBecomeDependenciesAndCompositions() {
    Sbom sbom = parsed(READER.read(spdxFixture("equivalence-sbom.spdx.json"))).sbom();
    String c = "SPDXRef-Package-controller";
    assertEquals(
        List.of(
            new Dependency(c, List.of("SPDXRef-Package-openssl"), "/relationships/1"),
            new Dependency(c, List.of("SPDXRef-Package-freertos"), "/relationships/2"),
            new Dependency("SPDXRef-Package-openssl", List.of("SPDXRef-Package-zlib"), "/relationships/3"),
            new Dependency(c, List.of("SPDXRef-Package-libcurl"), "/relationships/5"), // libcurl DEPENDENCY_OF controller
            new Dependency(c, List.of("SPDXRef-Package-bsp"), "/relationships/6"), // CONTAINS
            new Dependency("SPDXRef-Package-libcurl", List.of("SPDXRef-Package-zlib"), "/relationships/9")),
        sbom.dependencies(),
        "DESCRIBES (0) selects the primary; CONTAINS of a file that is not a component (8) is dropped");
    assertEquals(
        List.of(
            new Composition("complete", List.of("SPDXRef-Package-zlib"), "/relationships/4"),
            new Composition("unknown", List.of("SPDXRef-Package-bsp"), "/relationships/7")),
        sbom.compositions());
  }

  // --- primary and component selection ---------------------------------------------------------

  @Test
  void withoutPackagesFilesAreTheComponents() {
    Sbom sbom =
        sbom(json("""
            "files": [
              {"SPDXID": "SPDXRef-a", "fileName": "./a.bin", "checksums": [{"algorithm": "SHA256", "checksumValue": "00"}],
               "licenseConcluded": "MIT"},
              {"SPDXID": "SPDXRef-b", "fileName": "./b.so"}],
            "relationships": [%s, %s]
            """.formatted(rel("SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-a"), rel("SPDXRef-a", "DYNAMIC_LINK", "SPDXRef-b"))));
    Component primary = sbom.metadata().primaryComponent().orElseThrow();
    assertEquals("/files/0", primary.pointer());
    assertEquals(Optional.of("file"), primary.type());
    assertEquals(Optional.of("./a.bin"), primary.name());
    assertEquals(List.of(new Hash("SHA-256", "00", "/files/0/checksums/0")), primary.hashes());
    assertEquals(List.of("MIT"), primary.licenses());
    assertEquals(List.of("/files/1"), sbom.components().stream().map(Component::pointer).toList());
    assertEquals(List.of(new Dependency("SPDXRef-a", List.of("SPDXRef-b"), "/relationships/1")), sbom.dependencies());
  }

  @Test
  void aDescribedPackageWinsOverAnEarlierDescribedFile() {
    Sbom sbom =
        sbom(json("""
            "documentDescribes": ["SPDXRef-f", "SPDXRef-p2"],
            "packages": [%s, %s], "files": [{"SPDXID": "SPDXRef-f", "fileName": "f"}]
            """.formatted(pkg("SPDXRef-p1", ""), pkg("SPDXRef-p2", ""))));
    assertEquals("/packages/1", sbom.metadata().primaryComponent().orElseThrow().pointer());
    assertEquals(List.of("/packages/0"), sbom.components().stream().map(Component::pointer).toList());
  }

  @Test
  void describedByNamesThePrimaryAndNothingIsImplicit() {
    Sbom described =
        sbom(json("\"packages\": [%s, %s], \"relationships\": [%s]"
            .formatted(pkg("SPDXRef-a", ""), pkg("SPDXRef-b", ""), rel("SPDXRef-b", "DESCRIBED_BY", "SPDXRef-DOCUMENT"))));
    assertEquals(Optional.of("SPDXRef-b"), described.metadata().primaryComponent().orElseThrow().ref());

    Sbom notDescribed = sbom(json("\"packages\": [%s]".formatted(pkg("SPDXRef-only", ""))));
    assertEquals(Optional.empty(), notDescribed.metadata().primaryComponent(), "no DESCRIBES, no primary: a rule says so");
    assertEquals(1, notDescribed.components().size());
  }

  // --- relationships --------------------------------------------------------------------------

  @Test
  void relationshipTypesAndEndpoints() {
    Sbom sbom =
        sbom(json("""
            "packages": [%s, %s, %s, %s],
            "files": [{"SPDXID": "SPDXRef-f", "fileName": "f"}],
            "relationships": [%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s]
            """.formatted(
                pkg("SPDXRef-app", ""), pkg("SPDXRef-lib", ""), pkg("SPDXRef-cc", ""), pkg("SPDXRef-opt", ""),
                rel("SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-app"),
                rel("SPDXRef-lib", "BUILD_DEPENDENCY_OF", "SPDXRef-app"),
                rel("SPDXRef-cc", "BUILD_TOOL_OF", "SPDXRef-app"),
                rel("SPDXRef-app", "GENERATED_FROM", "SPDXRef-lib"),
                rel("SPDXRef-app", "depends_on", "DocumentRef-other:SPDXRef-x"),
                rel("SPDXRef-DOCUMENT", "CONTAINS", "SPDXRef-lib"),
                rel("SPDXRef-DOCUMENT", "DEPENDS_ON", "NOASSERTION"),
                rel("SPDXRef-lib", "DEPENDENCY_OF", "NOASSERTION"),
                rel("SPDXRef-opt", "OPTIONAL_COMPONENT_OF", "SPDXRef-app"),
                rel("SPDXRef-f", "DEPENDS_ON", "NONE"),
                rel("SPDXRef-app", "STATIC_LINK", "SPDXRef-f"))));
    assertEquals(
        List.of(
            new Dependency("SPDXRef-app", List.of("SPDXRef-lib"), "/relationships/1"),
            new Dependency("SPDXRef-app", List.of("DocumentRef-other:SPDXRef-x"), "/relationships/4"),
            new Dependency("SPDXRef-app", List.of("SPDXRef-opt"), "/relationships/8")),
        sbom.dependencies(),
        "tools and provenance are no edges; an external element is kept; the document and non-component files drop out");
    assertEquals(List.of(new Composition("unknown", List.of(), "/relationships/6")), sbom.compositions());
  }

  // --- identifiers, parties, hashes -------------------------------------------------------------

  @Test
  void identifiersAreRecognisedByType() {
    Component c =
        sbom(json("\"packages\": [%s]".formatted(pkg("SPDXRef-p", """
            "externalRefs": [
              {"referenceCategory": "PACKAGE_MANAGER", "referenceType": "purl", "referenceLocator": "pkg:npm/a@1"},
              {"referenceCategory": "PACKAGE-MANAGER", "referenceType": "purl", "referenceLocator": "pkg:npm/a@1?x=y"},
              {"referenceCategory": "SECURITY", "referenceType": "cpe22Type", "referenceLocator": "cpe:/a:x:a:1"},
              {"referenceCategory": "SECURITY", "referenceType": "cpe23Type", "referenceLocator": "cpe:2.3:a:x:a:1:*:*:*:*:*:*:*"},
              {"referenceCategory": "PERSISTENT-ID", "referenceType": "gitoid", "referenceLocator": "gitoid:blob:sha1:261eeb9e9f8b2b4b0d119366dda99c6fd7d35c64"},
              {"referenceCategory": "PACKAGE-MANAGER", "referenceType": "maven-central", "referenceLocator": "org.a:a:1"},
              {"referenceCategory": "OTHER", "referenceType": "vcs", "referenceLocator": "git+https://example.com/a.git"}]
            """)))).components().get(0);
    assertEquals(Optional.of("pkg:npm/a@1"), c.purl());
    assertEquals(Optional.of("cpe:/a:x:a:1"), c.cpe(), "the first CPE, whichever type");
    assertEquals(
        List.of(
            "purl:pkg:npm/a@1?x=y",
            "cpe23Type:cpe:2.3:a:x:a:1:*:*:*:*:*:*:*",
            "omniborId:gitoid:blob:sha1:261eeb9e9f8b2b4b0d119366dda99c6fd7d35c64"),
        c.otherIdentifiers());
    assertEquals(
        List.of(
            new ExternalReference("maven-central", "org.a:a:1", "/packages/0/externalRefs/5"),
            new ExternalReference("vcs", "git+https://example.com/a.git", "/packages/0/externalRefs/6")),
        c.externalReferences());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Organization: Acme Inc.                        | Acme Inc.
          Organization: Acme Inc. (psirt@acme.example)   | Acme Inc.
          Person: Jane Doe ()                            | Jane Doe
          Organization:   julialang.org   ()             | julialang.org
          Organization: Acme (Germany) GmbH              | Acme (Germany) GmbH
          Organization: Acme (Germany)                   | Acme (Germany)
          Person: (jane@example.com)                     | jane@example.com
          NOASSERTION                                    | NOASSERTION
          Acme without a prefix                          | Acme without a prefix
          """)
  void supplierNames(String written, String mapped) {
    Component c = sbom(json("\"packages\": [%s]".formatted(pkg("SPDXRef-p", "\"supplier\": \"" + written + "\"")))).components().get(0);
    assertEquals(Optional.of(mapped), c.supplier());
  }

  @Test
  void aPrefixWithoutANameIsNoSupplier() {
    Component c = sbom(json("\"packages\": [%s]".formatted(pkg("SPDXRef-p", "\"supplier\": \"Organization: \"")))).components().get(0);
    assertEquals(Optional.empty(), c.supplier());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "SHA1, SHA-1", "SHA224, SHA-224", "SHA256, SHA-256", "SHA384, SHA-384", "SHA512, SHA-512", "SHA3-256, SHA3-256",
    "SHA3-512, SHA3-512", "BLAKE2b-256, BLAKE2b-256", "BLAKE2b-512, BLAKE2b-512", "BLAKE3, BLAKE3", "MD5, MD5", "ADLER32, ADLER32",
    "sha256, SHA-256", "FOO-1, FOO-1"
  })
  void checksumAlgorithmsInCycloneDxSpelling(String spdx, String cdx) {
    assertEquals(cdx, SpdxMapping.hashAlgorithm(spdx));
  }

  // --- what the mapping reports --------------------------------------------------------------

  @Test
  void wrongJsonTypesAreReportedWhereTheyAreAndTreatedAsAbsent() {
    String doc =
        """
        {"spdxVersion": "SPDX-2.3", "SPDXID": "SPDXRef-DOCUMENT",
         "creationInfo": {"created": "2025-01-01T00:00:00Z", "creators": "Person: not an array"},
         "packages": [{"SPDXID": "SPDXRef-p", "name": null, "versionInfo": 2, "checksums": {"algorithm": "SHA1"}}, 7],
         "relationships": [{"spdxElementId": "SPDXRef-DOCUMENT", "relationshipType": "DESCRIBES", "relatedSpdxElement": "SPDXRef-p"}]}
        """;
    SbomReadResult.Parsed result = parsed(read(doc));
    Component p = result.sbom().metadata().primaryComponent().orElseThrow();
    assertEquals(Optional.empty(), p.name());
    assertEquals(Optional.empty(), p.version(), "a JSON number is not a version string in JSON (it is in YAML)");
    assertEquals(List.of(), result.sbom().metadata().authors());
    assertEquals(
        List.of(
            "/creationInfo/creators " + at(doc, "\"Person: not an array\"") + " expected an array, found a string",
            "/packages/0/name " + at(doc, "null") + " expected a string, found null",
            "/packages/0/versionInfo " + at(doc, "2, \"checksums\"") + " expected a string, found a number",
            "/packages/0/checksums " + at(doc, "{\"algorithm\"") + " expected an array, found an object",
            "/packages/1 " + at(doc, "7]") + " expected an object, found a number"),
        result.schemaProblems().stream()
            .filter(q -> q.keyword().equals(SpdxMapping.KEYWORD_TYPE))
            .map(q -> q.pointer() + " " + q.position().orElseThrow() + " " + q.message())
            .toList());
  }

  @Test
  void malformedCreatorsAndReusedIdsAreReported() {
    String doc =
        json("""
            "packages": [%s, %s]
            """.formatted(pkg("SPDXRef-p", ""), pkg("SPDXRef-p", "")))
            .replace("\"creators\": [\"Tool: t-1\"]", "\"creators\": [\"Tool: t-1\", \"Jane\", \"Person: ()\"]");
    SbomReadResult.Parsed result = parsed(read(doc));
    List<String> format =
        result.schemaProblems().stream()
            .filter(q -> q.keyword().equals(SpdxMapping.KEYWORD_FORMAT))
            .map(q -> q.pointer() + ": " + q.message())
            .toList();
    assertEquals(
        List.of(
            "/creationInfo/creators/1: creator 'Jane' does not start with 'Person:', 'Organization:' or 'Tool:'",
            "/creationInfo/creators/2: creator 'Person: ()' names no one",
            "/packages/1/SPDXID: SPDXID 'SPDXRef-p' is already used by /packages/0"),
        format);
    assertEquals(List.of(new Party("t-1", Party.Kind.TOOL, "/creationInfo/creators/0")), result.sbom().metadata().tools());
    assertEquals(List.of(), result.sbom().metadata().authors());
  }

  @Test
  void libraryVerificationMessagesArePlacedOnTheElementTheyName() {
    String doc =
        json("\"packages\": [{\"SPDXID\": \"SPDXRef-p\", \"name\": \"nodownload\"}], \"relationships\": [%s]"
            .formatted(rel("SPDXRef-DOCUMENT", "DESCRIBES", "SPDXRef-p")));
    Position expected = position(doc, "{\"SPDXID\": \"SPDXRef-p\"");
    JsonProblem problem =
        parsed(read(doc)).schemaProblems().stream()
            .filter(q -> q.keyword().equals(SpdxVerification.KEYWORD))
            .filter(q -> q.message().contains("download location"))
            .findFirst()
            .orElseThrow();
    assertEquals("/packages/0", problem.pointer());
    assertEquals(Optional.of(expected), problem.position());
  }

  @Test
  void licenseRefsMustBeDefinedInTheDocument() {
    String tv =
        "SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: t\n"
            + "DocumentNamespace: https://example.com/t\nCreator: Tool: t\nCreated: 2025-01-01T00:00:00Z\n"
            + "PackageName: p\nSPDXID: SPDXRef-p\nPackageVersion: 1\nPackageDownloadLocation: NOASSERTION\n"
            + "FilesAnalyzed: false\n"
            + "PackageLicenseConcluded: (MIT OR LicenseRef-Defined) AND LicenseRef-Missing\n"
            + "PackageLicenseDeclared: DocumentRef-other:LicenseRef-Elsewhere\n"
            + "Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-p\n"
            + "LicenseID: LicenseRef-Defined\nExtractedText: <text>terms</text>\nLicenseName: Defined\n";
    SbomReadResult.Parsed result = parsed(read(tv));
    List<JsonProblem> undefined = result.schemaProblems().stream()
        .filter(p -> p.message().startsWith("License not found for ")).toList();
    // Only the reference nothing defines; the defined one and the one into another document pass.
    assertEquals(1, undefined.size(), result.schemaProblems().toString());
    assertTrue(undefined.get(0).message().startsWith("License not found for LicenseRef-Missing:"));
    assertEquals("/packages/0/licenseConcluded", undefined.get(0).pointer());
    assertEquals(SpdxVerification.KEYWORD, undefined.get(0).keyword());
    assertEquals(13, undefined.get(0).position().orElseThrow().line());
  }

  @Test
  void aDocumentTheLibraryFindsFaultWithIsStillMapped() {
    String tv =
        "SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: t\n"
            + "DocumentNamespace: https://example.com/t\nCreator: Tool: t\nCreated: 2025-01-01T00:00:00Z\n"
            + "PackageName: p\nSPDXID: SPDXRef-p\nPackageVersion: 1\n"
            + "PackageDownloadLocation: https://example.invalid/p.tar.gz\nFilesAnalyzed: false\n"
            + "Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-p\n";
    SbomReadResult.Parsed result = parsed(read(tv));
    assertEquals(Optional.of("1"), result.sbom().metadata().primaryComponent().orElseThrow().version());
    assertEquals(
        List.of(SpdxVerification.KEYWORD),
        result.schemaProblems().stream().map(JsonProblem::keyword).toList());
    // The library's own tag-value reader refused such a document outright; verified as the JSON
    // form of the same document, the library names the problem.
    assertTrue(result.schemaProblems().get(0).message().startsWith("Invalid download location https://example.invalid/p.tar.gz"),
        result.schemaProblems().toString());
  }

  // --- versions ----------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"spdxVersion": "SPDX-2.1", "SPDXID": "SPDXRef-DOCUMENT"}   | SPDX version "SPDX-2.1" is not supported; supported versions: SPDX-2.2, SPDX-2.3
          {"spdxVersion": 2.3, "SPDXID": "SPDXRef-DOCUMENT"}          | SPDX version 2.3 is not supported; supported versions: SPDX-2.2, SPDX-2.3
          SPDXVersion: SPDX-3.0\\nSPDXID: SPDXRef-DOCUMENT\\n        | SPDX version "SPDX-3.0" is not supported; supported versions: SPDX-2.2, SPDX-2.3
          ---\\nSPDXID: SPDXRef-DOCUMENT\\nspdxVersion: SPDX-2.0\\n    | SPDX version "SPDX-2.0" is not supported; supported versions: SPDX-2.2, SPDX-2.3
          """)
  void otherVersionsAreUnsupportedAndLocated(String doc, String message) {
    JsonProblem problem = unreadable(read(doc.replace("\\n", "\n")));
    assertEquals(SbomReader.KEYWORD_UNSUPPORTED_VERSION, problem.keyword());
    assertEquals("/spdxVersion", problem.pointer());
    assertEquals(message, problem.message());
    assertTrue(problem.position().isPresent());
  }

  // --- YAML -----------------------------------------------------------------------------------

  @Test
  void yamlScalarsAreTextAndAliasesAreRefused() {
    String yaml =
        """
        spdxVersion: SPDX-2.3
        SPDXID: SPDXRef-DOCUMENT
        documentNamespace: https://example.com/y
        creationInfo:
          created: 2025-01-01T00:00:00Z
          creators: ["Tool: t"]
        packages:
          - SPDXID: SPDXRef-p
            name: 7zip
            versionInfo: 1.10
            supplier: NOASSERTION
        relationships:
          - {spdxElementId: SPDXRef-DOCUMENT, relationshipType: DESCRIBES, relatedSpdxElement: SPDXRef-p}
        """;
    Sbom sbom = sbom(yaml);
    Component p = sbom.metadata().primaryComponent().orElseThrow();
    assertEquals(Optional.of("1.10"), p.version(), "unquoted 1.10 stays 1.10, not 1.1");
    assertEquals(Optional.of("2025-01-01T00:00:00Z"), sbom.metadata().timestamp());
    assertEquals(Optional.of(new Position(10, 18)), sbom.locator().positionOf("/packages/0/versionInfo"));

    JsonProblem alias = unreadable(read("spdxVersion: SPDX-2.3\nname: &n x\nother: *n\n"));
    assertEquals("syntax", alias.keyword());
    assertTrue(alias.message().contains("aliases"), alias.message());

    JsonProblem broken = unreadable(read("spdxVersion: SPDX-2.3\npackages:\n  - name: [unclosed\n"));
    assertEquals("syntax", broken.keyword());
    assertTrue(broken.message().startsWith("not well-formed YAML: "), broken.message());
  }

  // --- tag-value ------------------------------------------------------------------------------

  private static final String TV_HEAD =
      "SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\nSPDXID: SPDXRef-DOCUMENT\nDocumentName: t\n"
          + "DocumentNamespace: https://example.com/t\nCreator: Tool: t\nCreated: 2025-01-01T00:00:00Z\n";

  @Test
  void tagValueLinesThatCannotBeUsedAreReportedAndTheRestIsRead() {
    String tv =
        TV_HEAD // lines 1-7
            + "this line has no tag\n" // 8
            + "PackageVersion: 0.1\n" // 9: outside a package
            + "PackageName: a\n" // 10
            + "SPDXID: SPDXRef-a\n" // 11
            + "PackageVersion: 1.0\n" // 12
            + "PackageVersion: 2.0\n" // 13: repeated
            + "PackageChecksum: SHA256\n" // 14: no value
            + "ExternalRef: PACKAGE-MANAGER purl\n" // 15: no locator
            + "Relationship: SPDXRef-DOCUMENT DESCRIBES\n" // 16: two tokens
            + "Relationship: SPDXRef-DOCUMENT DESCRIBES SPDXRef-a\n" // 17
            + "RelationshipComment: <text>the\nproduct</text>\n"; // 18-19
    SbomReadResult.Parsed result = parsed(read(tv));
    Component a = result.sbom().metadata().primaryComponent().orElseThrow();
    assertEquals(Optional.of("1.0"), a.version(), "the first of two values is used");
    assertEquals(
        List.of(8, 9, 13, 14, 15, 16),
        result.schemaProblems().stream()
            .filter(q -> q.keyword().equals(SpdxTagValue.KEYWORD_SYNTAX))
            .map(q -> q.position().orElseThrow().line())
            .toList());
    assertEquals(Optional.of(new Position(12, 1)), result.sbom().locator().positionOf("/packages/0/versionInfo"));
    assertEquals(Optional.of(new Position(17, 1)), result.sbom().locator().positionOf("/relationships/0"));
  }

  @Test
  void annotationsFollowTheirSpdxRefWhereverTheyAre() {
    String tv =
        TV_HEAD
            + "Annotator: Person: Jane\nAnnotationDate: 2025-01-01T00:00:00Z\nAnnotationType: REVIEW\n"
            + "SPDXREF: SPDXRef-b\nAnnotationComment: checked\n"
            + "PackageName: a\nSPDXID: SPDXRef-a\nPackageName: b\nSPDXID: SPDXRef-b\n";
    Sbom sbom = sbom(tv);
    assertEquals(List.of(), sbom.components().get(0).properties());
    assertEquals(List.of(Map.entry("spdx:annotation:REVIEW", "checked")), sbom.components().get(1).properties());
    assertEquals(Optional.of(new Position(8, 1)), sbom.locator().positionOf("/packages/1/annotations/0"));
  }

  @Test
  void tagValueTextBlocksEncodingsAndLimits() {
    JsonProblem unclosed = unreadable(read(TV_HEAD + "PackageName: a\nPackageComment: <text>never\nclosed\n"));
    assertEquals("syntax", unclosed.keyword());
    assertEquals(Optional.of(new Position(9, 1)), unclosed.position());
    assertTrue(unclosed.message().contains("never closed"), unclosed.message());

    byte[] bad = (TV_HEAD + "PackageName: caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1);
    JsonProblem encoding = unreadable(READER.read(bad));
    assertEquals("syntax", encoding.keyword());
    assertEquals(Optional.of(8), encoding.position().map(Position::line));

    byte[] body = (TV_HEAD.replace("\n", "\r\n") + "PackageName: caf\u00e9\r\n").getBytes(StandardCharsets.UTF_16LE);
    byte[] utf16 = new byte[body.length + 2];
    utf16[0] = (byte) 0xFF;
    utf16[1] = (byte) 0xFE;
    System.arraycopy(body, 0, utf16, 2, body.length);
    assertEquals(Optional.of("caf\u00e9"), parsed(READER.read(utf16)).sbom().components().get(0).name());

    SbomReader strict = new SbomReader(new ReadLimits(10_000, 10, 40));
    JsonProblem tooLong =
        unreadable(strict.read((TV_HEAD + "PackageName: a\nPackageComment: <text>" + "x".repeat(41) + "</text>\n")
            .getBytes(StandardCharsets.UTF_8)));
    assertEquals("limit", tooLong.keyword());
    assertEquals(Optional.of(9), tooLong.position().map(Position::line));
  }

  // --- robustness --------------------------------------------------------------------------------

  @Test
  void truncatedAndDamagedDocumentsNeverThrow() {
    for (String fixture : List.of("equivalence-sbom.spdx.json", "equivalence-sbom.spdx", "equivalence-sbom.spdx.yaml")) {
      byte[] full = spdxFixture(fixture);
      for (int i = 1; i <= 20; i++) {
        int cut = (int) ((long) full.length * i / 21);
        byte[] truncated = java.util.Arrays.copyOf(full, cut);
        SbomReadResult result = READER.read(truncated);
        if (result instanceof SbomReadResult.Unreadable u) {
          assertTrue(!u.problem().message().isBlank(), fixture + " cut at " + cut);
        }
        byte[] damaged = full.clone();
        damaged[cut] = (byte) (damaged[cut] ^ 0x5A);
        if (READER.read(damaged) instanceof SbomReadResult.Unreadable u) {
          assertTrue(!u.problem().message().isBlank(), fixture + " damaged at " + cut);
        }
      }
    }
  }
}
