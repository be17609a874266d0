package org.cyberbaseline.sbom;

import static org.cyberbaseline.sbom.TestSupport.fixture;
import static org.cyberbaseline.sbom.TestSupport.parsed;
import static org.cyberbaseline.sbom.TestSupport.unreadable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.ReadLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Format detection from content, and every way a document can fail to be read. */
class FormatDetectionTest {
  private static final String MINIMAL_CDX =
      "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,"
          + "\"components\":[{\"type\":\"library\",\"name\":\"zlib\"}]}";

  private final SbomReader reader = new SbomReader();

  private SbomReadResult read(String text) {
    return reader.read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void handsOverTheParsedJsonTreeSoThatNothingParsesTheBytesTwice() {
    java.util.List<org.cyberbaseline.schemas.LocatedJson> trees = new java.util.ArrayList<>();
    SbomReadResult cyclonedx = reader.read(MINIMAL_CDX.getBytes(StandardCharsets.UTF_8), trees::add);
    assertTrue(cyclonedx instanceof SbomReadResult.Parsed);
    assertEquals(1, trees.size());
    assertEquals("zlib", trees.get(0).root().path("components").path(0).path("name").textValue());
    assertEquals(Optional.of(new org.cyberbaseline.schemas.Position(1, 1)), trees.get(0).positionOf(""));

    // Any JSON that parsed, even when it is not an SBOM: the caller may read something else from it.
    trees.clear();
    assertTrue(reader.read("{\"statements\": []}".getBytes(StandardCharsets.UTF_8), trees::add)
        instanceof SbomReadResult.Unreadable);
    assertEquals(1, trees.size());

    // Nothing for XML, tag-value, or JSON that is not well-formed.
    trees.clear();
    reader.read("<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\"/>".getBytes(StandardCharsets.UTF_8), trees::add);
    reader.read("SPDXVersion: SPDX-2.3\n".getBytes(StandardCharsets.UTF_8), trees::add);
    reader.read("{\"bomFormat\": ".getBytes(StandardCharsets.UTF_8), trees::add);
    assertEquals(0, trees.size());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          SPDX RDF           | <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:spdx="http://spdx.org/rdf/terms#"><spdx:SpdxDocument><spdx:specVersion>SPDX-2.3</spdx:specVersion></spdx:SpdxDocument></rdf:RDF> | SPDX RDF/XML (SPDX-2.3)
          SPDX XML           | <?xml version="1.0"?>\\n<Document><SPDXID>SPDXRef-DOCUMENT</SPDXID><spdxVersion>SPDX-2.3</spdxVersion></Document> | SPDX XML (SPDX-2.3)
          SPDX 3 JSON-LD     | {"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": []}                      | SPDX 3 JSON-LD (3.0.1)
          """)
  void recognisedButUnsupportedFormats(String label, String content, String described) {
    JsonProblem problem = unreadable(read(content.replace("\\n", "\n")));
    assertEquals(SbomReader.KEYWORD_UNSUPPORTED_FORMAT, problem.keyword(), label);
    assertEquals(
        described + " is recognised but not read by this version; supported: " + SbomReader.SUPPORTED,
        problem.message());
  }

  @Test
  void byteOrderMarkAndLeadingWhitespaceAreSkipped() {
    byte[] body = (" \r\n\t " + MINIMAL_CDX).getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    assertEquals(1, parsed(reader.read(withBom)).sbom().components().size());
  }

  @Test
  void utf16WithByteOrderMarkIsRead() {
    byte[] body = MINIMAL_CDX.getBytes(StandardCharsets.UTF_16LE);
    byte[] withBom = new byte[body.length + 2];
    withBom[0] = (byte) 0xFF;
    withBom[1] = (byte) 0xFE;
    System.arraycopy(body, 0, withBom, 2, body.length);
    assertEquals("zlib", parsed(reader.read(withBom)).sbom().components().get(0).name().orElseThrow());
  }

  @Test
  void emptyAndBlankDocuments() {
    for (String content : new String[] {"", "   \n\t  \r\n"}) {
      JsonProblem problem = unreadable(read(content));
      assertEquals("syntax", problem.keyword());
      assertEquals("document is empty", problem.message());
    }
  }

  @Test
  void garbageIsNotARecognisedFormat() {
    JsonProblem problem = unreadable(read("hello, this is a README and not an SBOM\n"));
    assertEquals(SbomReader.KEYWORD_UNKNOWN_FORMAT, problem.keyword());
    assertEquals("not a recognised SBOM format (expected CycloneDX or SPDX)", problem.message());
  }

  @Test
  void randomBytesNeverThrow() {
    Random random = new Random(20261129L);
    for (int i = 0; i < 200; i++) {
      byte[] noise = new byte[1 + random.nextInt(4096)];
      random.nextBytes(noise);
      if (i % 3 == 0) {
        noise[0] = (byte) "{<[".charAt((i / 3) % 3);
      }
      SbomReadResult result = reader.read(noise);
      assertTrue(result instanceof SbomReadResult.Unreadable, "random bytes were parsed: seed index " + i);
    }
  }

  @Test
  void otherJsonIsNotRecognised() {
    JsonProblem problem = unreadable(read("{\"document\": {\"category\": \"csaf_vex\"}}"));
    assertEquals(SbomReader.KEYWORD_UNKNOWN_FORMAT, problem.keyword());
    JsonProblem array = unreadable(read("[{\"bomFormat\": \"CycloneDX\"}]"));
    assertEquals(SbomReader.KEYWORD_UNKNOWN_FORMAT, array.keyword());
    assertTrue(array.message().contains("array"), array.message());
  }

  @Test
  void wrongBomFormatIsPointedAt() {
    JsonProblem problem = unreadable(read("{\n  \"bomFormat\": \"AnotherFormat\",\n  \"specVersion\": \"1.6\"\n}"));
    assertEquals(SbomReader.KEYWORD_UNKNOWN_FORMAT, problem.keyword());
    assertEquals("/bomFormat", problem.pointer());
    assertEquals(2, problem.position().orElseThrow().line());
    assertTrue(problem.message().contains("\"AnotherFormat\""), problem.message());
  }

  @Test
  void unknownSpecVersionNamesWhatWasFoundAndWhatIsSupported() {
    JsonProblem problem =
        unreadable(read("{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.9\",\n  \"components\": []\n}"));
    assertEquals(SbomReader.KEYWORD_UNSUPPORTED_VERSION, problem.keyword());
    assertEquals("/specVersion", problem.pointer());
    assertEquals(3, problem.position().orElseThrow().line());
    assertEquals(
        "CycloneDX specVersion \"1.9\" is not supported; supported versions: 1.2, 1.3, 1.4, 1.5, 1.6, 1.7",
        problem.message());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"bomFormat\": \"CycloneDX\"}                           | has no specVersion",
        "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.1\"} | \"1.1\" is not supported",
        "{\"bomFormat\": \"CycloneDX\", \"specVersion\": 1.5}     | 1.5 is not supported",
        "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"\"}    | \"\" is not supported",
      })
  void missingOrUnreadableSpecVersion(String content, String expectedFragment) {
    JsonProblem problem = unreadable(read(content));
    assertEquals(SbomReader.KEYWORD_UNSUPPORTED_VERSION, problem.keyword());
    assertTrue(problem.message().contains(expectedFragment), problem.message());
    assertTrue(problem.message().endsWith("supported versions: 1.2, 1.3, 1.4, 1.5, 1.6, 1.7"), problem.message());
  }

  @Test
  void truncatedJsonIsLocated() {
    String full = new String(fixture("cdx-1.4-tools-array.json"), StandardCharsets.UTF_8);
    String truncated = full.substring(0, full.indexOf("\"nested-a-x\"") + 5);
    JsonProblem problem = unreadable(read(truncated));
    assertEquals("syntax", problem.keyword());
    assertTrue(problem.message().startsWith("not well-formed JSON: "), problem.message());
    assertEquals(65, problem.position().orElseThrow().line());
  }

  @Test
  void trailingContentIsRejected() {
    JsonProblem problem = unreadable(read(MINIMAL_CDX + "\n{}"));
    assertEquals("syntax", problem.keyword());
    assertEquals(2, problem.position().orElseThrow().line());
  }

  @Test
  void deepNestingHitsTheLimitWithoutStackOverflow() {
    String deepArrays = "[".repeat(10_000) + "]".repeat(10_000);
    JsonProblem arrays = unreadable(read(deepArrays));
    assertEquals("limit", arrays.keyword(), arrays.message());

    String deepComponents =
        "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":"
            + "[{\"type\":\"library\",\"name\":\"x\",\"components\":".repeat(10_000)
            + "[]"
            + "}]".repeat(10_000)
            + "}";
    JsonProblem components = unreadable(read(deepComponents));
    assertEquals("limit", components.keyword(), components.message());
  }

  @Test
  void raisedNestingLimitStillNeverOverflowsTheCaller() {
    SbomReader permissive = new SbomReader(new ReadLimits(64L * 1024 * 1024, Integer.MAX_VALUE, 1_000_000));
    String veryDeep = "[".repeat(500_000) + "]".repeat(500_000);
    // Either the stack runs out (reported as a limit) or the parse completes and the array is not
    // an SBOM; what must not happen is an error escaping read().
    assertTrue(permissive.read(veryDeep.getBytes(StandardCharsets.US_ASCII)) instanceof SbomReadResult.Unreadable);
  }

  @Test
  void hugeStringBeyondTheDefaultLimit() {
    String name = "a".repeat(ReadLimits.DEFAULT.maxStringLength() + 1);
    JsonProblem problem =
        unreadable(
            read(
                "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{\"type\":\"library\",\"name\":\""
                    + name
                    + "\"}]}"));
    assertEquals("limit", problem.keyword(), problem.message());
  }

  @Test
  void customLimitsApply() {
    SbomReader strict = new SbomReader(new ReadLimits(200, 10, 20));
    assertEquals("limit", unreadable(strict.read(new byte[201])).keyword());
    JsonProblem longString = unreadable(strict.read("{\"bomFormat\":\"CycloneDX-with-a-long-name\"}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("limit", longString.keyword(), longString.message());
  }

  @Test
  void truncatedCycloneDxXmlIsALocatedSyntaxError() {
    JsonProblem problem =
        unreadable(read("<?xml version=\"1.0\"?>\n<bom xmlns=\"http://cyclonedx.org/schema/bom/1.3\"><components><compo"));
    assertEquals("syntax", problem.keyword());
    assertEquals(Optional.of(2), problem.position().map(p -> p.line()));
    assertTrue(problem.message().startsWith("not well-formed XML: "), problem.message());
  }

  @Test
  void brokenOrForeignXml() {
    JsonProblem broken = unreadable(read("<?xml version=\"1.0\"?>\n<<<"));
    assertEquals("syntax", broken.keyword());
    assertEquals(Optional.of(2), broken.position().map(p -> p.line()));

    JsonProblem foreign = unreadable(read("<project xmlns=\"http://maven.apache.org/POM/4.0.0\"/>"));
    assertEquals(SbomReader.KEYWORD_UNKNOWN_FORMAT, foreign.keyword());
    assertTrue(foreign.message().contains("<project xmlns=\"http://maven.apache.org/POM/4.0.0\">"), foreign.message());
  }

  @Test
  void xmlEntitiesAreNotExpandedOrFetched() {
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE bom [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
            + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.5\">&x;</bom>";
    JsonProblem problem = unreadable(read(xxe));
    assertEquals("syntax", problem.keyword());
    assertTrue(problem.message().contains("DOCTYPE"), problem.message());
    assertFalse(problem.message().contains("root:"), "nothing of /etc/passwd: " + problem.message());
  }
}
