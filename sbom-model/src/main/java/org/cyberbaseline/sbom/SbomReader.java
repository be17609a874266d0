package org.cyberbaseline.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.JsonReadException;
import org.cyberbaseline.schemas.LocatedJson;
import org.cyberbaseline.schemas.LocatedJsonReader;
import org.cyberbaseline.schemas.Position;
import org.cyberbaseline.schemas.ReadLimits;

/**
 * Reads one SBOM document into the normalised {@link Sbom} model.
 *
 * <p>The format is detected from the content, never from the file name. This version reads
 * <b>CycloneDX JSON 1.2–1.7</b> (validated against the official JSON schema of the declared
 * version), <b>CycloneDX XML 1.0–1.7</b> (validated against the official XSD, with bom-ref
 * uniqueness checked in the model so validation stays linear; see {@code CycloneDxXml}) and
 * <b>SPDX 2.2–2.3 JSON, YAML and tag-value</b> (verified with java-spdx-library, offline; see
 * {@code SpdxReader}). Problems carry a pointer (JSON Pointer for JSON/YAML/tag-value, an XPath-like
 * path for XML), line and column. It also recognises SPDX RDF/XML, SPDX XML and SPDX 3 JSON-LD and
 * answers those with an honest {@link SbomReadResult.Unreadable} (keyword
 * {@value #KEYWORD_UNSUPPORTED_FORMAT}) that names the format and version found.
 *
 * <p>{@link #read} never throws on bad input. A submission is untrusted and often broken (empty,
 * truncated, hand-edited, produced by a buggy tool), and "this file could not be read, here is
 * where and why" is itself a finding the validator must report next to the findings for the other
 * artefacts; an exception would lose that and every other result of the run. So every failure,
 * including an unexpected exception from a parsing library, becomes an {@code Unreadable} whose
 * {@link JsonProblem#keyword() keyword} is one of the {@code KEYWORD_*} constants here, or
 * "syntax" / "limit" as produced by {@link LocatedJsonReader}. Resource use is bounded by {@link
 * ReadLimits}.
 *
 * <p>Thread-safe and reusable: instances hold no mutable state, and the compiled schemas are
 * shared by every instance in the JVM.
 */
public final class SbomReader {
  /** A recognised SBOM format or serialisation that this version does not read. */
  public static final String KEYWORD_UNSUPPORTED_FORMAT = "unsupported-format";

  /** A document whose spec version is missing or outside the supported range of its format. */
  public static final String KEYWORD_UNSUPPORTED_VERSION = "unsupported-version";

  /** Content that is not any SBOM format this library knows. */
  public static final String KEYWORD_UNKNOWN_FORMAT = "unknown-format";

  /** A parsing library failed in a way it should not have; the message names the failure. */
  public static final String KEYWORD_READ_ERROR = "read-error";

  /** A schema problem of a Parsed document saying that the schema check itself failed. */
  public static final String KEYWORD_SCHEMA_CHECK_ERROR = "schema-check-error";

  /** The formats and versions this version reads, as shown in messages. */
  public static final String SUPPORTED = "CycloneDX JSON 1.2–1.7, CycloneDX XML 1.0–1.7, " + SpdxReader.SUPPORTED;

  /**
   * Most components (nested ones included) read from one SBOM unless configured otherwise: well
   * above real device SBOMs (the largest in our corpus has a few thousand), low enough that checks
   * and reports stay bounded.
   */
  public static final int DEFAULT_MAX_COMPONENTS = 100_000;

  static final String NOT_RECOGNISED = "not a recognised SBOM format (expected CycloneDX or SPDX)";

  private static final Comparator<JsonProblem> DOCUMENT_ORDER =
      Comparator.comparing(
          (JsonProblem p) -> p.position().orElse(null),
          Comparator.nullsLast(Comparator.comparingInt(Position::line).thenComparingInt(Position::column)));

  private final ReadLimits limits;
  private final int maxComponents;
  private final LocatedJsonReader jsonReader;

  /** A reader with {@link ReadLimits#DEFAULT} and {@link #DEFAULT_MAX_COMPONENTS}. */
  public SbomReader() {
    this(ReadLimits.DEFAULT);
  }

  public SbomReader(ReadLimits limits) {
    this(limits, DEFAULT_MAX_COMPONENTS);
  }

  /**
   * @param maxComponents most components one document may have; a document with more is {@link
   *     SbomReadResult.Unreadable} (keyword "limit"), located at the first component over the limit
   */
  public SbomReader(ReadLimits limits, int maxComponents) {
    this.limits = Objects.requireNonNull(limits, "limits");
    if (maxComponents <= 0) {
      throw new IllegalArgumentException("maxComponents must be positive");
    }
    this.maxComponents = maxComponents;
    this.jsonReader = new LocatedJsonReader(limits);
  }

  /**
   * Reads one document.
   *
   * @param content the document's bytes exactly as submitted (any charset JSON allows; a BOM is
   *     fine)
   * @return {@link SbomReadResult.Parsed} when the document is in a supported format and version and
   *     could be mapped, schema-valid or not; otherwise {@link SbomReadResult.Unreadable} saying why
   * @throws NullPointerException if {@code content} is null (a programming error, not bad input)
   */
  public SbomReadResult read(byte[] content) {
    return read(content, tree -> {});
  }

  /**
   * {@link #read Reads} one document and also hands its parsed JSON tree to {@code parsedJson},
   * for a caller that needs more from the same bytes than the SBOM model holds (the VEX reader takes
   * a CycloneDX document's {@code vulnerabilities}) without parsing them a second time. Called at
   * most once, after the read, for any content that parsed as JSON whatever it turned out to be;
   * never for XML, YAML, tag-value or content that is not well-formed.
   */
  public SbomReadResult read(byte[] content, Consumer<LocatedJson> parsedJson) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(parsedJson, "parsedJson");
    ParsedTree tree = new ParsedTree();
    SbomReadResult result = readCatchingFailures(content, tree);
    if (tree.json != null) {
      parsedJson.accept(tree.json);
    }
    return result;
  }

  /** Where a read leaves the JSON tree it parsed, for {@link #read(byte[], Consumer)}. */
  private static final class ParsedTree {
    LocatedJson json;
  }

  private SbomReadResult readCatchingFailures(byte[] content, ParsedTree tree) {
    try {
      return withinComponentLimit(detectAndRead(content, tree));
    } catch (StackOverflowError e) {
      // Only reachable when a caller raised ReadLimits.maxNestingDepth beyond what the thread
      // stack holds; the document is still just "too deep", not a reason to kill the run.
      return unreadable("", Optional.empty(), "document nests too deeply to be read", "limit");
    } catch (RuntimeException e) {
      return unreadable(
          "",
          Optional.empty(),
          "the document could not be read: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
          KEYWORD_READ_ERROR);
    }
  }

  private SbomReadResult withinComponentLimit(SbomReadResult result) {
    if (result instanceof SbomReadResult.Parsed parsed && parsed.sbom().components().size() > maxComponents) {
      Sbom sbom = parsed.sbom();
      String pointer = sbom.components().get(maxComponents).pointer();
      return unreadable(
          pointer,
          sbom.locator().positionOf(pointer),
          "the SBOM has " + sbom.components().size() + " components, above the limit of " + maxComponents
              + "; this one is the first over it",
          "limit");
    }
    return result;
  }

  private SbomReadResult detectAndRead(byte[] content, ParsedTree tree) {
    if (content.length > limits.maxBytes()) {
      // Checked before sniffing so the ceiling holds for every format, not only for JSON.
      return unreadable(
          "",
          Optional.empty(),
          "document is " + content.length + " bytes, above the limit of " + limits.maxBytes(),
          "limit");
    }
    String start = FormatSniffer.start(content);
    if (start.isEmpty()) {
      return content.length <= FormatSniffer.PREFIX_BYTES
          ? unreadable("", Optional.empty(), "document is empty", "syntax")
          : unreadable("", Optional.empty(), NOT_RECOGNISED, KEYWORD_UNKNOWN_FORMAT);
    }
    char first = start.charAt(0);
    if (first == '{' || first == '[') {
      return readJson(content, tree);
    }
    FormatSniffer.Sniffed sniffed = first == '<' ? FormatSniffer.xml(content) : FormatSniffer.text(start);
    if (sniffed instanceof FormatSniffer.Known known) {
      if (known.format().formatName().equals(SbomFormat.CYCLONEDX_XML.displayName())) {
        return CycloneDxXml.read(content, limits);
      }
      if (SpdxReader.reads(known.format())) {
        return SpdxReader.readText(known.format(), content, jsonReader);
      }
      return unsupported(known.format());
    }
    return new SbomReadResult.Unreadable(((FormatSniffer.NotKnown) sniffed).problem());
  }

  private SbomReadResult readJson(byte[] content, ParsedTree tree) {
    LocatedJson document;
    try {
      document = jsonReader.readJson(content);
    } catch (JsonReadException e) {
      JsonProblem problem = e.problem();
      if ("syntax".equals(problem.keyword()) && !problem.message().startsWith("document is empty")) {
        problem =
            new JsonProblem(
                problem.pointer(), problem.position(), "not well-formed JSON: " + problem.message(), problem.keyword());
      }
      return new SbomReadResult.Unreadable(problem);
    }
    tree.json = document;
    JsonNode root = document.root();
    if (!root.isObject()) {
      return unreadable(
          "",
          document.positionOf(""),
          NOT_RECOGNISED + ": the JSON document is an array, not an object",
          KEYWORD_UNKNOWN_FORMAT);
    }
    JsonNode bomFormat = root.get("bomFormat");
    if (bomFormat != null && bomFormat.isTextual() && bomFormat.textValue().equals("CycloneDX")) {
      return readCycloneDx(document);
    }
    Optional<FormatSniffer.Recognised> other = FormatSniffer.otherJson(root);
    if (other.isPresent()) {
      if (SpdxReader.reads(other.get())) {
        return SpdxReader.readJson(document, content);
      }
      return unsupported(other.get());
    }
    if (bomFormat != null) {
      // Most likely a CycloneDX document with a broken bomFormat; say so where it is.
      return unreadable(
          "/bomFormat",
          document.positionOf("/bomFormat"),
          NOT_RECOGNISED + ": bomFormat is " + abbreviate(bomFormat.toString()) + ", CycloneDX requires \"CycloneDX\"",
          KEYWORD_UNKNOWN_FORMAT);
    }
    return unreadable("", document.positionOf(""), NOT_RECOGNISED, KEYWORD_UNKNOWN_FORMAT);
  }

  private static SbomReadResult readCycloneDx(LocatedJson document) {
    JsonNode specVersion = document.root().get("specVersion");
    String supportedList = String.join(", ", CycloneDxJson.SUPPORTED_VERSIONS);
    if (specVersion == null) {
      return unreadable(
          "/specVersion",
          document.positionOf("/specVersion"),
          "CycloneDX JSON document has no specVersion; supported versions: " + supportedList,
          KEYWORD_UNSUPPORTED_VERSION);
    }
    if (!specVersion.isTextual() || !CycloneDxJson.SUPPORTED_VERSIONS.contains(specVersion.textValue())) {
      return unreadable(
          "/specVersion",
          document.positionOf("/specVersion"),
          "CycloneDX specVersion "
              + abbreviate(specVersion.toString())
              + " is not supported; supported versions: "
              + supportedList,
          KEYWORD_UNSUPPORTED_VERSION);
    }
    String version = specVersion.textValue();
    Sbom sbom = CycloneDxJson.toSbom(document, version);
    return new SbomReadResult.Parsed(sbom, schemaProblems(version, document));
  }

  private static List<JsonProblem> schemaProblems(String version, LocatedJson document) {
    List<JsonProblem> problems;
    try {
      problems = new ArrayList<>(CycloneDxSchemas.check(version, document));
    } catch (RuntimeException e) {
      // The document itself was understood; only the check broke. Report that instead of passing
      // the document off as schema-valid or discarding a usable model.
      return List.of(
          new JsonProblem(
              "",
              Optional.empty(),
              "the CycloneDX "
                  + version
                  + " schema check could not be completed: "
                  + e.getClass().getSimpleName()
                  + ": "
                  + e.getMessage(),
              KEYWORD_SCHEMA_CHECK_ERROR));
    }
    // SchemaCheck orders by pointer text, where "/components/10" sorts before "/components/2";
    // a reader of the report expects the order of the file. The sort is stable, so problems at the
    // same position keep SchemaCheck's deterministic order.
    problems.sort(DOCUMENT_ORDER);
    return problems;
  }

  private static SbomReadResult unsupported(FormatSniffer.Recognised format) {
    return unreadable(
        "",
        Optional.empty(),
        format.describe() + " is recognised but not read by this version; supported: " + SUPPORTED,
        KEYWORD_UNSUPPORTED_FORMAT);
  }

  private static SbomReadResult unreadable(
      String pointer, Optional<Position> position, String message, String keyword) {
    return new SbomReadResult.Unreadable(new JsonProblem(pointer, position, message, keyword));
  }

  /** Keeps a value quoted from an untrusted document short enough for a one-line message. */
  private static String abbreviate(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }
}
