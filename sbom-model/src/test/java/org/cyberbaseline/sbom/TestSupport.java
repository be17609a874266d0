package org.cyberbaseline.sbom;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.cyberbaseline.schemas.JsonProblem;

final class TestSupport {
  private TestSupport() {}

  static byte[] fixture(String name) {
    String resource = "fixtures/" + name;
    try (InputStream in = TestSupport.class.getResourceAsStream(resource)) {
      assertNotNull(in, "test resource missing: " + resource);
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SbomReadResult.Parsed parsed(SbomReadResult result) {
    if (result instanceof SbomReadResult.Unreadable u) {
      throw new AssertionError("expected Parsed but was Unreadable: " + u.problem());
    }
    return assertInstanceOf(SbomReadResult.Parsed.class, result);
  }

  static JsonProblem unreadable(SbomReadResult result) {
    if (result instanceof SbomReadResult.Parsed p) {
      throw new AssertionError("expected Unreadable but was Parsed " + p.sbom().format() + " " + p.sbom().specVersion());
    }
    return assertInstanceOf(SbomReadResult.Unreadable.class, result).problem();
  }
}
