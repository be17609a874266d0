package org.cyberbaseline.schemas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCheckTest {
  private final SchemaCheck check = SchemaCheck.forBundledSchemas();
  private final LocatedJsonReader reader = new LocatedJsonReader();

  @Test
  void everyBundledSchemaLoadsAndHasTheVersionedId() throws Exception {
    for (BundledSchema schema : BundledSchema.values()) {
      String text;
      try (var in = getClass().getClassLoader().getResourceAsStream(schema.resource())) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertTrue(text.contains("\"$id\": \"" + schema.id() + "\""), schema + " declares its $id");
      // An empty object violates each schema's "required" list: proves the schema compiles and applies.
      List<JsonProblem> problems = check.check(schema, reader.readJson("{}".getBytes(StandardCharsets.UTF_8)));
      assertTrue(problems.stream().anyMatch(p -> p.keyword().equals("required")), schema + ": " + problems);
    }
  }

  @Test
  void violationsNameTheMissingMemberWithItsParentsPosition() throws Exception {
    String manifest = "{\n  \"submissionFormat\": \"1.0\",\n  \"device\": {\n    \"manufacturer\": \"M\"\n  },\n"
        + "  \"artifacts\": { \"sboms\": [ { \"path\": \"a.json\" } ] }\n}";
    List<JsonProblem> problems = check.check(BundledSchema.SUBMISSION_1_0, reader.readJson(manifest.getBytes(StandardCharsets.UTF_8)));
    JsonProblem model = problems.stream().filter(p -> p.pointer().equals("/device/model")).findFirst().orElseThrow();
    assertEquals("required", model.keyword());
    assertEquals(new Position(3, 13), model.position().orElseThrow());
    assertTrue(model.message().contains("model"), model.message());
  }

  @Test
  void formatsAreAsserted() throws Exception {
    String manifest = "{\"submissionFormat\":\"1.0\",\"submissionDate\":\"20 Nov 2026\"}";
    List<JsonProblem> problems = check.check(BundledSchema.SUBMISSION_1_0, reader.readJson(manifest.getBytes(StandardCharsets.UTF_8)));
    assertTrue(problems.stream().anyMatch(p -> p.pointer().equals("/submissionDate") && p.keyword().equals("format")), problems.toString());
  }
}
