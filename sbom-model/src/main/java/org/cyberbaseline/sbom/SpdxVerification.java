package org.cyberbaseline.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.Position;
import org.spdx.core.InvalidSPDXAnalysisException;
import org.spdx.core.RuntimeSpdxException;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.ListedLicenses;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.storage.simple.InMemSpdxStore;

/**
 * Spec conformance of an SPDX 2.x document, as java-spdx-library judges it ({@code
 * SpdxDocument.verify()}), turned into {@link JsonProblem}s with keyword {@value #KEYWORD}.
 *
 * <p><b>A second parse.</b> The model is mapped from our own located parse (exact positions); the
 * library cannot be handed that tree, so it reads the same bytes again, into a fresh in-memory
 * store, only to verify them. A document the library refuses to load at all (it throws on some
 * values, e.g. a download location it does not like) is still mapped; the refusal becomes one
 * problem.
 *
 * <p><b>Offline.</b> The library fetches the SPDX licence list from spdx.org the first time it
 * needs it unless the system property {@value #OFFLINE_PROPERTY} is "true" (the 2.x name; the 1.x
 * property {@code SPDXParser.OnlyUseLocalLicenses} is no longer read). Before the first library
 * class is used, this class sets it to "true" for the JVM (system properties override the
 * library's bundled properties file) and rebuilds the library's licence-list singleton so that an
 * earlier, online initialisation by other code in the same JVM does not linger. The bundled list
 * (3.28.0 in 2.0.4) is then used; validation results do not depend on the network or on the day.
 *
 * <p><b>Concurrency.</b> The library keeps JVM-wide state (model registry, licence list); calls
 * into it are serialised on one lock. Mapping, which is most of the work, is not.
 */
final class SpdxVerification {
  /** A spec-conformance message from java-spdx-library. */
  static final String KEYWORD = "spdx-verify";

  static final String OFFLINE_PROPERTY = "org.spdx.useJARLicenseInfoOnly";

  /** More messages than this are summarised: a report with thousands of copies helps nobody. */
  static final int MAX_MESSAGES = 500;

  private static final Pattern RELATIONSHIP_PREFIX = Pattern.compile("^(?:Relationship error: )+");
  private static final Object LOCK = new Object();

  enum Syntax {
    JSON,
    YAML
  }

  private static final ObjectMapper JSON_WRITER = new ObjectMapper();

  /**
   * A tree in the shape of the SPDX JSON serialisation (as {@link SpdxTagValue} builds from
   * tag-value) written as JSON, for {@link #verify} with {@link Syntax#JSON}.
   */
  static byte[] jsonBytes(JsonNode tree) {
    try {
      return JSON_WRITER.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      // A tree built in memory from strings always serialises; this would be a bug, not bad input.
      throw new IllegalStateException("could not write the SPDX tree as JSON", e);
    }
  }

  private SpdxVerification() {}

  /** Holder idiom: the library is configured and initialised once, on first use. */
  private static final class Library {
    static {
      System.setProperty(OFFLINE_PROPERTY, "true");
      SpdxModelFactory.init();
      ListedLicenses.resetListedLicenses();
    }

    static void ensureInitialised() {
      // class initialisation does the work
    }
  }

  /**
   * Verifies the document.
   *
   * @param content the document as JSON or YAML (the library detects the encoding); tag-value is
   *     passed as the JSON form of its tree ({@link #jsonBytes})
   * @param pointerByName pointer of each package/file by name, for placing messages that name one
   * @param locator positions of pointers in the source
   */
  static List<JsonProblem> verify(byte[] content, Syntax syntax, Map<String, String> pointerByName, SourceLocator locator) {
    List<String> messages;
    try {
      synchronized (LOCK) {
        Library.ensureInitialised();
        messages = runLibrary(content, syntax);
      }
    } catch (InvalidSPDXAnalysisException | RuntimeSpdxException | IOException e) {
      return List.of(
          new JsonProblem(
              "",
              Optional.empty(),
              "the SPDX library (java-spdx-library) rejected the document, so it could not verify it: "
                  + firstLine(e.getMessage()),
              KEYWORD));
    } catch (RuntimeException | StackOverflowError | ExceptionInInitializerError | NoClassDefFoundError e) {
      return List.of(
          new JsonProblem(
              "",
              Optional.empty(),
              "the SPDX verification could not be completed: " + e.getClass().getSimpleName() + ": "
                  + firstLine(e.getMessage()),
              SbomReader.KEYWORD_SCHEMA_CHECK_ERROR));
    }
    return toProblems(messages, pointerByName, locator);
  }

  private static List<String> runLibrary(byte[] content, Syntax syntax) throws InvalidSPDXAnalysisException, IOException {
    InMemSpdxStore base = new InMemSpdxStore();
    try {
      MultiFormatStore store =
          new MultiFormatStore(base, syntax == Syntax.JSON ? MultiFormatStore.Format.JSON : MultiFormatStore.Format.YAML);
      SpdxDocument document;
      try (InputStream in = new ByteArrayInputStream(content)) {
        document = store.deSerialize(in, false);
      }
      return new ArrayList<>(document.verify());
    } finally {
      base.clear();
    }
  }

  private static List<JsonProblem> toProblems(List<String> messages, Map<String, String> pointerByName, SourceLocator locator) {
    // The library repeats a message for each path through the relationship graph that reaches the
    // element, prefixing "Relationship error: " once per hop; one copy, without the prefixes, says
    // the same.
    Set<String> distinct = new LinkedHashSet<>();
    for (String message : messages) {
      if (message != null && !message.isBlank()) {
        distinct.add(RELATIONSHIP_PREFIX.matcher(message.strip()).replaceFirst(""));
      }
    }
    List<String> names =
        pointerByName.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    List<JsonProblem> problems = new ArrayList<>();
    for (String message : distinct) {
      if (problems.size() == MAX_MESSAGES) {
        problems.add(
            new JsonProblem(
                "",
                Optional.empty(),
                "... and " + (distinct.size() - MAX_MESSAGES) + " more messages from the SPDX library",
                KEYWORD));
        break;
      }
      String pointer = pointerFor(message, names, pointerByName);
      Optional<Position> position = pointer.isEmpty() ? Optional.empty() : locator.positionOf(pointer);
      problems.add(new JsonProblem(pointer, position, message, KEYWORD));
    }
    return problems;
  }

  /**
   * Best effort: the library's messages carry no location, but many name the element ("Missing
   * required concluded license for Jena", "... for package component2"), and a few name a
   * document-level field. Anything else stays at "" (the whole document).
   */
  private static String pointerFor(String message, List<String> namesLongestFirst, Map<String, String> pointerByName) {
    for (String name : namesLongestFirst) {
      for (String lead : List.of("for package ", "for file ", "for ")) {
        String needle = lead + name;
        int at = message.indexOf(needle);
        if (at >= 0) {
          int end = at + needle.length();
          if (end == message.length() || message.startsWith(" in ", end) || message.charAt(end) == '.') {
            return pointerByName.get(name);
          }
        }
      }
    }
    String lower = message.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("spdx version")) {
      return "/spdxVersion";
    }
    if (lower.contains("data license")) {
      return "/dataLicense";
    }
    if (lower.contains("document namespace")) {
      return "/documentNamespace";
    }
    return "";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int nl = message.indexOf('\n');
    String line = (nl >= 0 ? message.substring(0, nl) : message).strip();
    return line.length() <= 300 ? line : line.substring(0, 297) + "...";
  }
}
