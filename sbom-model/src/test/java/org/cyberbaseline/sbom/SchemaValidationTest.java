package org.cyberbaseline.sbom;

import static org.cyberbaseline.sbom.TestSupport.fixture;
import static org.cyberbaseline.sbom.TestSupport.parsed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.Position;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schema of the declared version is the one applied, and problems come located. */
class SchemaValidationTest {
  private final SbomReader reader = new SbomReader();

  private static byte[] documentWithBadType(String specVersion) {
    return ("{\n"
            + "  \"bomFormat\": \"CycloneDX\",\n"
            + "  \"specVersion\": \"" + specVersion + "\",\n"
            + "  \"version\": 1,\n"
            + "  \"components\": [\n"
            + "    { \"type\": \"library\", \"name\": \"fine\", \"version\": \"1.0\" },\n"
            + "    { \"type\": \"gadget\", \"name\": \"odd\", \"version\": \"1.0\" }\n"
            + "  ]\n"
            + "}\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Fails if a version's schema (and what it $refs) did not resolve from the classpath. */
  @ParameterizedTest
  @ValueSource(strings = {"1.2", "1.3", "1.4", "1.5", "1.6", "1.7"})
  void everySupportedVersionIsCheckedAgainstItsSchema(String specVersion) {
    SbomReadResult.Parsed result = parsed(reader.read(documentWithBadType(specVersion)));
    assertEquals(
        List.of(new Position(7, 15)),
        result.schemaProblems().stream()
            .filter(p -> p.pointer().equals("/components/1/type"))
            .map(p -> p.position().orElseThrow())
            .toList(),
        "problems: " + result.schemaProblems());
    assertTrue(
        result.schemaProblems().stream().noneMatch(p -> p.pointer().startsWith("/components/0")),
        "the valid component is not reported: " + result.schemaProblems());
  }

  @Test
  void versionSpecificContentIsJudgedByTheDeclaredVersion() {
    // metadata.lifecycles exists since 1.5: fine in 1.5, an additional property in 1.4.
    String body =
        "\"version\": 1, \"metadata\": {\"lifecycles\": [{\"phase\": \"build\"}]}, \"components\": []}";
    SbomReadResult.Parsed v15 =
        parsed(reader.read(("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", " + body).getBytes(StandardCharsets.UTF_8)));
    SbomReadResult.Parsed v14 =
        parsed(reader.read(("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.4\", " + body).getBytes(StandardCharsets.UTF_8)));
    assertEquals(List.of(), v15.schemaProblems());
    assertEquals(List.of("/metadata"), v14.schemaProblems().stream().map(JsonProblem::pointer).toList());
    assertEquals(List.of("build"), v14.sbom().metadata().lifecycles(), "still mapped: rules can run anyway");
  }

  @Test
  void problemsAreInDocumentOrder() {
    StringBuilder json = new StringBuilder("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[\n");
    for (int i = 0; i < 12; i++) {
      json.append(i == 0 ? "" : ",\n").append("{\"type\":\"gadget\",\"name\":\"c").append(i).append("\"}");
    }
    json.append("\n]}");
    List<JsonProblem> problems = parsed(reader.read(json.toString().getBytes(StandardCharsets.UTF_8))).schemaProblems();
    List<Integer> lines = problems.stream().map(p -> p.position().orElseThrow().line()).toList();
    assertEquals(12, problems.size(), problems.toString());
    assertEquals(lines.stream().sorted().toList(), lines, "ordered by line, not by pointer text");
    assertEquals("/components/11/type", problems.get(11).pointer());
  }

  @Test
  void concurrentReadsAgreeWithSequentialOnes() throws Exception {
    List<byte[]> inputs = new ArrayList<>();
    for (String name :
        List.of("cdx-1.4-tools-array.json", "cdx-1.5-tools-object.json", "cdx-1.6-odd-types.json", "cdx-1.7-minimal.json")) {
      inputs.add(fixture(name));
    }
    for (String v : List.of("1.2", "1.3", "1.4", "1.5", "1.6", "1.7")) {
      inputs.add(documentWithBadType(v));
    }
    List<String> expected = inputs.stream().map(this::summary).toList();

    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      SbomReader shared = new SbomReader();
      List<Future<String>> futures = new ArrayList<>();
      for (int round = 0; round < 20; round++) {
        for (byte[] input : inputs) {
          futures.add(pool.submit(() -> summary(shared, input)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertEquals(expected.get(i % inputs.size()), futures.get(i).get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private String summary(byte[] input) {
    return summary(reader, input);
  }

  private static String summary(SbomReader reader, byte[] input) {
    SbomReadResult.Parsed p = parsed(reader.read(input));
    return p.sbom().components() + "|" + p.sbom().metadata().authors() + "|" + p.sbom().metadata().tools() + "|"
        + p.sbom().dependencies() + "|" + p.schemaProblems();
  }
}
