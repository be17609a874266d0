package org.cyberbaseline.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One SBOM, five serialisations, the same verdict on every rule. */
class FormatEquivalenceTest {
  private static final Path DIR = Path.of("src/test/resources/equivalence");

  private static Map<String, Status> statuses(Validator validator, String file) throws Exception {
    ValidationReport report = validator.validate(Submission.fromSbomFile(DIR.resolve(file)));
    Map<String, Status> statuses = new LinkedHashMap<>();
    report.results().forEach(r -> statuses.put(r.ruleId(), r.status()));
    return statuses;
  }

  @Test
  void everyFormatGetsTheSameRuleStatuses() throws Exception {
    Validator validator = TestSupport.validator();
    Map<String, Status> reference = statuses(validator, "equivalence-sbom.cdx.json");
    assertEquals(Status.PASS, reference.get("SBOM-001"), "the reference document is valid: " + reference);
    // The document has deliberate gaps (an explicit NOASSERTION supplier, a component without a
    // hash or licence), so several rules fail: the point is that they fail identically everywhere.
    assertEquals(Status.FAIL, reference.get("SBOM-004"), reference.toString());
    for (String other : List.of("equivalence-sbom.cdx.xml", "equivalence-sbom.spdx.json", "equivalence-sbom.spdx",
        "equivalence-sbom.spdx.yaml")) {
      assertEquals(reference, statuses(validator, other), other);
    }
  }
}
