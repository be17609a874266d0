package org.cyberbaseline.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.LocatedJson;
import org.cyberbaseline.schemas.Position;
import org.cyberbaseline.schemas.ReadLimits;

/**
 * Reads SPDX 2.x tag-value into the tree the SPDX JSON serialisation of the same document would
 * have ({@code packages[]}, {@code relationships[]}, {@code creationInfo.creators[]}, ... with the
 * JSON member names), and records for every JSON Pointer of that tree the line where its tag was
 * written. {@link SpdxMapping} then maps JSON, YAML and tag-value with one piece of code, and a
 * finding about {@code /packages/3/supplier} of a tag-value document names the line of that
 * package's {@code PackageSupplier}.
 *
 * <p>Why not the SPDX library's tag-value parser: it keeps no line numbers, and it rejects whole
 * documents for problems (an odd download location) that a validator must report while still
 * checking the rest. The library still reads the same text, for verification only.
 *
 * <p>The grammar followed is SPDX 2.3 clause 5 / annex: one {@code Tag: value} per line, values in
 * {@code <text>...</text>} may span lines, lines starting with {@code #} are comments. A tag opens
 * a section ({@code PackageName} a package, {@code FileName} a file, {@code SnippetSPDXID} a
 * snippet, {@code LicenseID} an extracted licence); the tags after it, {@code SPDXID} included,
 * belong to that section. {@code Relationship} and annotation tags may appear anywhere and do not
 * close the current section. An annotation is attached to the element its {@code SPDXREF} names,
 * as SPDX JSON nests it. Unknown tags are ignored (the library's verification names them).
 */
final class SpdxTagValue {
  /** A tag-value line that could not be used; the rest of the document is still read. */
  static final String KEYWORD_SYNTAX = "syntax";

  private static final Pattern TAG = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
  private static final Pattern CHECKSUM = Pattern.compile("^\\s*([A-Za-z0-9-]+)\\s*:\\s*(\\S+)\\s*$");
  private static final Pattern VERIFICATION_CODE = Pattern.compile("^(\\S+)\\s*(?:\\(\\s*excludes\\s*:\\s*(.*)\\))?\\s*$");
  private static final String TEXT_OPEN = "<text>";
  private static final String TEXT_CLOSE = "</text>";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Tags of a package, mapped to the SPDX JSON member; values are single strings. */
  private static final Map<String, String> PACKAGE_SINGLE = Map.ofEntries(
      Map.entry("PackageVersion", "versionInfo"),
      Map.entry("PackageFileName", "packageFileName"),
      Map.entry("PackageSupplier", "supplier"),
      Map.entry("PackageOriginator", "originator"),
      Map.entry("PackageDownloadLocation", "downloadLocation"),
      Map.entry("PackageHomePage", "homepage"),
      Map.entry("PackageSourceInfo", "sourceInfo"),
      Map.entry("PackageLicenseConcluded", "licenseConcluded"),
      Map.entry("PackageLicenseDeclared", "licenseDeclared"),
      Map.entry("PackageLicenseComments", "licenseComments"),
      Map.entry("PackageCopyrightText", "copyrightText"),
      Map.entry("PackageSummary", "summary"),
      Map.entry("PackageDescription", "description"),
      Map.entry("PackageComment", "comment"),
      Map.entry("PrimaryPackagePurpose", "primaryPackagePurpose"),
      Map.entry("ReleaseDate", "releaseDate"),
      Map.entry("BuiltDate", "builtDate"),
      Map.entry("ValidUntilDate", "validUntilDate"));

  /** Tags of a package whose values accumulate in an array. */
  private static final Map<String, String> PACKAGE_MULTI = Map.of(
      "PackageLicenseInfoFromFiles", "licenseInfoFromFiles",
      "PackageAttributionText", "attributionTexts");

  private static final Map<String, String> FILE_SINGLE = Map.of(
      "LicenseConcluded", "licenseConcluded",
      "LicenseComments", "licenseComments",
      "FileCopyrightText", "copyrightText",
      "FileComment", "comment",
      "FileNotice", "noticeText");

  private static final Map<String, String> FILE_MULTI = Map.of(
      "FileType", "fileTypes",
      "LicenseInfoInFile", "licenseInfoInFiles",
      "FileContributor", "fileContributors",
      "FileAttributionText", "attributionTexts");

  private static final Map<String, String> SNIPPET_SINGLE = Map.of(
      "SnippetFromFileSPDXID", "snippetFromFile",
      "SnippetName", "name",
      "SnippetLicenseConcluded", "licenseConcluded",
      "SnippetLicenseComments", "licenseComments",
      "SnippetCopyrightText", "copyrightText",
      "SnippetComment", "comment");

  private static final Map<String, String> LICENSE_SINGLE = Map.of(
      "ExtractedText", "extractedText",
      "LicenseName", "name",
      "LicenseComment", "comment");

  private static final Map<String, String> DOCUMENT_SINGLE = Map.of(
      "SPDXVersion", "spdxVersion",
      "DataLicense", "dataLicense",
      "DocumentName", "name",
      "DocumentNamespace", "documentNamespace",
      "DocumentComment", "comment");

  private static final Map<String, String> CREATION_INFO_SINGLE = Map.of(
      "Created", "created",
      "CreatorComment", "comment",
      "LicenseListVersion", "licenseListVersion");

  private static final Map<String, String> ANNOTATION_SINGLE = Map.of(
      "AnnotationDate", "annotationDate",
      "AnnotationType", "annotationType",
      "AnnotationComment", "comment");

  private SpdxTagValue() {}

  /** What reading the text produced: a tree, or why there is none. */
  sealed interface Outcome {}

  /**
   * The document as an SPDX-JSON-shaped tree.
   *
   * @param text the decoded document (for handing the same text to the SPDX library)
   * @param problems lines that could not be used, located; the tree holds everything else
   */
  record Tree(ObjectNode root, SourceLocator locator, String text, List<JsonProblem> problems) implements Outcome {}

  record Failed(JsonProblem problem) implements Outcome {}

  /** Where a section's values go while the lines after its opening tag are read. */
  private enum Section {
    DOCUMENT,
    PACKAGE,
    FILE,
    SNIPPET,
    LICENSE
  }

  /** An annotation waiting for the end of the document to learn which element it belongs to. */
  private static final class PendingAnnotation {
    final ObjectNode node = NODES.objectNode();
    final Map<String, Integer> memberLines = new HashMap<>();
    final int line;
    String target;

    PendingAnnotation(int line) {
      this.line = line;
    }
  }

  static Outcome read(byte[] content, ReadLimits limits) {
    String text;
    try {
      text = decode(content);
    } catch (BadEncoding e) {
      return new Failed(e.problem);
    }
    return new Builder(limits).build(text);
  }

  // ---------------------------------------------------------------------------------------------

  private static final class BadEncoding extends Exception {
    private static final long serialVersionUID = 1L;
    final transient JsonProblem problem;

    BadEncoding(JsonProblem problem) {
      super(problem.message(), null, false, false);
      this.problem = problem;
    }
  }

  /**
   * The text of the document. Tag-value is UTF-8 by specification; a UTF-16/32 byte-order mark is
   * honoured because Windows tools emit such files. Undecodable bytes make the document unreadable
   * (with the line they are on) instead of silently becoming U+FFFD inside names and versions.
   */
  private static String decode(byte[] content) throws BadEncoding {
    ByteOrderMark bom = ByteOrderMark.of(content);
    Charset charset = bom.charset();
    int offset = bom.length();
    CharsetDecoder decoder =
        charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content, offset, content.length - offset);
    try {
      CharBuffer out = decoder.decode(in);
      return out.toString();
    } catch (CharacterCodingException e) {
      // decode() leaves the buffer at the start of the bad input only for some charsets; find the
      // first bad byte ourselves so the line number is right.
      int bad = firstUndecodable(content, offset, charset);
      int line = 1;
      for (int i = offset; i < bad && i < content.length; i++) {
        if (content[i] == '\n') {
          line++;
        }
      }
      throw new BadEncoding(
          new JsonProblem(
              "",
              Optional.of(new Position(line, 1)),
              "not valid " + charset.name() + " text: undecodable bytes on line " + line,
              KEYWORD_SYNTAX));
    }
  }

  private static int firstUndecodable(byte[] content, int offset, Charset charset) {
    CharsetDecoder decoder =
        charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content, offset, content.length - offset);
    CharBuffer out = CharBuffer.allocate(4096);
    while (true) {
      out.clear();
      var result = decoder.decode(in, out, true);
      if (result.isError()) {
        return in.position();
      }
      if (result.isUnderflow()) {
        return content.length;
      }
    }
  }

  private static boolean startsWith(byte[] content, int... bytes) {
    if (content.length < bytes.length) {
      return false;
    }
    for (int i = 0; i < bytes.length; i++) {
      if ((content[i] & 0xFF) != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------

  private static final class Builder {
    private final ReadLimits limits;
    private final ObjectNode root = NODES.objectNode();
    private final Map<String, Position> positions = new HashMap<>();
    private final List<JsonProblem> problems = new ArrayList<>();
    private final List<PendingAnnotation> annotations = new ArrayList<>();

    private Section section = Section.DOCUMENT;
    private ObjectNode element;
    private String elementPointer = "";
    private ObjectNode lastExternalRef;
    private String lastExternalRefPointer;
    private ObjectNode lastRelationship;
    private String lastRelationshipPointer;
    private PendingAnnotation annotation;

    Builder(ReadLimits limits) {
      this.limits = limits;
      this.element = root;
    }

    Outcome build(String text) {
      String[] lines = text.split("\r\n|\r|\n", -1);
      boolean sawTag = false;
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i];
        int lineNo = i + 1;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        int colon = line.indexOf(':');
        int tagStart = indexOfNonBlank(line);
        String tag = colon < 0 ? "" : line.substring(tagStart, colon).strip();
        if (colon < 0 || !TAG.matcher(tag).matches()) {
          problem(
              "",
              lineNo,
              tagStart + 1,
              "line " + lineNo + " is not of the form 'Tag: value' and was skipped: " + abbreviate(trimmed));
          continue;
        }
        String value = line.substring(colon + 1).stripLeading();
        int valueLine = lineNo;
        if (value.startsWith(TEXT_OPEN)) {
          StringBuilder collected = new StringBuilder();
          String rest = value.substring(TEXT_OPEN.length());
          int close = rest.indexOf(TEXT_CLOSE);
          if (close >= 0) {
            collected.append(rest, 0, close);
          } else {
            collected.append(rest);
            int j = i + 1;
            boolean closed = false;
            for (; j < lines.length; j++) {
              collected.append('\n');
              int end = lines[j].indexOf(TEXT_CLOSE);
              if (end >= 0) {
                collected.append(lines[j], 0, end);
                closed = true;
                break;
              }
              collected.append(lines[j]);
              if (collected.length() > limits.maxStringLength()) {
                break;
              }
            }
            if (collected.length() > limits.maxStringLength()) {
              return tooLong(tag, lineNo);
            }
            if (!closed) {
              return new Failed(
                  new JsonProblem(
                      "",
                      Optional.of(new Position(lineNo, tagStart + 1)),
                      "the <text> value of " + tag + " on line " + lineNo + " is never closed with </text>",
                      KEYWORD_SYNTAX));
            }
            i = j;
          }
          value = collected.toString();
        } else {
          value = value.strip();
        }
        if (value.length() > limits.maxStringLength()) {
          return tooLong(tag, lineNo);
        }
        sawTag = true;
        tag(tag, value, valueLine, tagStart + 1);
      }
      if (!sawTag) {
        return new Failed(new JsonProblem("", Optional.empty(), "document is empty", KEYWORD_SYNTAX));
      }
      attachAnnotations();
      Map<String, Position> located = Map.copyOf(positions);
      return new Tree(root, pointer -> positionOf(located, pointer), text, problems);
    }

    private Failed tooLong(String tag, int line) {
      return new Failed(
          new JsonProblem(
              "",
              Optional.of(new Position(line, 1)),
              "limit exceeded: the value of " + tag + " on line " + line + " is longer than "
                  + limits.maxStringLength() + " characters",
              "limit"));
    }

    private void tag(String tag, String value, int line, int column) {
      Position at = new Position(line, column);
      positions.putIfAbsent("", at); // the document starts at its first tag, as JSON's at its "{"
      switch (tag) {
        case "PackageName" -> open(Section.PACKAGE, "packages", "name", value, at);
        case "FileName" -> open(Section.FILE, "files", "fileName", value, at);
        case "SnippetSPDXID" -> open(Section.SNIPPET, "snippets", "SPDXID", value, at);
        case "LicenseID" -> open(Section.LICENSE, "hasExtractedLicensingInfos", "licenseId", value, at);
        case "SPDXID" -> {
          if (section == Section.SNIPPET || section == Section.LICENSE) {
            problem(elementPointer, line, column, "SPDXID on line " + line + " does not belong to a document, package or file");
          } else {
            single(element, elementPointer, "SPDXID", value, at, tag);
          }
        }
        case "Creator" -> multi(creationInfo(at), "/creationInfo", "creators", NODES.textNode(value), at);
        case "ExternalDocumentRef" -> externalDocumentRef(value, at);
        case "Relationship" -> relationship(value, at);
        case "RelationshipComment" -> {
          if (lastRelationship == null) {
            problem("", line, column, "RelationshipComment on line " + line + " follows no Relationship");
          } else {
            single(lastRelationship, lastRelationshipPointer, "comment", value, at, tag);
          }
        }
        case "Annotator" -> {
          annotation = new PendingAnnotation(line);
          annotation.node.put("annotator", value);
          annotation.memberLines.put("annotator", line);
          annotations.add(annotation);
        }
        case "SPDXREF" -> {
          if (annotation == null) {
            problem("", line, column, "SPDXREF on line " + line + " follows no Annotator");
          } else {
            annotation.target = value;
          }
        }
        case "PackageChecksum" -> inSection(Section.PACKAGE, tag, at, () -> checksum(value, at));
        case "FileChecksum" -> inSection(Section.FILE, tag, at, () -> checksum(value, at));
        case "ExternalRef" -> inSection(Section.PACKAGE, tag, at, () -> externalRef(value, at));
        case "ExternalRefComment" -> inSection(Section.PACKAGE, tag, at, () -> {
          if (lastExternalRef == null) {
            problem(elementPointer, line, column, "ExternalRefComment on line " + line + " follows no ExternalRef");
          } else {
            single(lastExternalRef, lastExternalRefPointer, "comment", value, at, tag);
          }
        });
        case "FilesAnalyzed" -> inSection(Section.PACKAGE, tag, at, () -> {
          JsonNode node = switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> NODES.booleanNode(true);
            case "false" -> NODES.booleanNode(false);
            default -> NODES.textNode(value);
          };
          singleNode(element, elementPointer, "filesAnalyzed", node, at, tag);
        });
        case "PackageVerificationCode" -> inSection(Section.PACKAGE, tag, at, () -> {
          ObjectNode code = NODES.objectNode();
          Matcher m = VERIFICATION_CODE.matcher(value);
          if (m.matches()) {
            code.put("packageVerificationCodeValue", m.group(1));
            if (m.group(2) != null) {
              code.putArray("packageVerificationCodeExcludedFiles").add(m.group(2).strip());
            }
          } else {
            code.put("packageVerificationCodeValue", value);
          }
          singleNode(element, elementPointer, "packageVerificationCode", code, at, tag);
        });
        default -> sectionTag(tag, value, at);
      }
    }

    private void sectionTag(String tag, String value, Position at) {
      String member;
      if ((member = DOCUMENT_SINGLE.get(tag)) != null) {
        single(root, "", member, value, at, tag);
      } else if ((member = CREATION_INFO_SINGLE.get(tag)) != null) {
        single(creationInfo(at), "/creationInfo", member, value, at, tag);
      } else if ((member = ANNOTATION_SINGLE.get(tag)) != null) {
        if (annotation == null) {
          problem("", at.line(), at.column(), tag + " on line " + at.line() + " follows no Annotator");
        } else if (annotation.node.has(member)) {
          duplicate(tag, at, "");
        } else {
          annotation.node.put(member, value);
          annotation.memberLines.put(member, at.line());
        }
      } else if ((member = PACKAGE_SINGLE.get(tag)) != null) {
        String m = member;
        inSection(Section.PACKAGE, tag, at, () -> single(element, elementPointer, m, value, at, tag));
      } else if ((member = PACKAGE_MULTI.get(tag)) != null) {
        String m = member;
        inSection(Section.PACKAGE, tag, at, () -> multi(element, elementPointer, m, NODES.textNode(value), at));
      } else if ((member = FILE_SINGLE.get(tag)) != null) {
        String m = member;
        inSection(Section.FILE, tag, at, () -> single(element, elementPointer, m, value, at, tag));
      } else if ((member = FILE_MULTI.get(tag)) != null) {
        String m = member;
        inSection(Section.FILE, tag, at, () -> multi(element, elementPointer, m, NODES.textNode(value), at));
      } else if ((member = SNIPPET_SINGLE.get(tag)) != null) {
        String m = member;
        inSection(Section.SNIPPET, tag, at, () -> single(element, elementPointer, m, value, at, tag));
      } else if ((member = LICENSE_SINGLE.get(tag)) != null) {
        String m = member;
        inSection(Section.LICENSE, tag, at, () -> single(element, elementPointer, m, value, at, tag));
      } else if (tag.equals("LicenseCrossReference")) {
        inSection(Section.LICENSE, tag, at, () -> multi(element, elementPointer, "seeAlsos", NODES.textNode(value), at));
      }
      // Anything else (snippet ranges, review fields of SPDX 1.x, unknown tags) is not mapped; the
      // SPDX library's verification reports tags it does not know.
    }

    private void open(Section newSection, String arrayName, String member, String value, Position at) {
      ArrayNode array = root.withArray(arrayName);
      int index = array.size();
      ObjectNode node = array.addObject();
      String pointer = "/" + arrayName + "/" + index;
      positions.putIfAbsent("/" + arrayName, at);
      positions.put(pointer, at);
      node.put(member, value);
      positions.put(pointer + "/" + LocatedJson.escape(member), at);
      section = newSection;
      element = node;
      elementPointer = pointer;
      lastExternalRef = null;
    }

    private ObjectNode creationInfo(Position at) {
      JsonNode existing = root.get("creationInfo");
      if (existing instanceof ObjectNode object) {
        return object;
      }
      positions.putIfAbsent("/creationInfo", at);
      return root.putObject("creationInfo");
    }

    private void inSection(Section expected, String tag, Position at, Runnable action) {
      if (section == expected) {
        action.run();
      } else {
        problem(
            elementPointer,
            at.line(),
            at.column(),
            tag + " on line " + at.line() + " is outside a " + expected.name().toLowerCase(java.util.Locale.ROOT)
                + " section and was skipped");
      }
    }

    private void single(ObjectNode target, String pointer, String member, String value, Position at, String tag) {
      singleNode(target, pointer, member, NODES.textNode(value), at, tag);
    }

    private void singleNode(ObjectNode target, String pointer, String member, JsonNode value, Position at, String tag) {
      if (target.has(member)) {
        duplicate(tag, at, pointer);
        return;
      }
      target.set(member, value);
      positions.put(pointer + "/" + LocatedJson.escape(member), at);
    }

    private void duplicate(String tag, Position at, String pointer) {
      problem(
          pointer,
          at.line(),
          at.column(),
          tag + " on line " + at.line() + " repeats a value given earlier for the same element; the first is used");
    }

    private int multi(ObjectNode target, String pointer, String member, JsonNode value, Position at) {
      ArrayNode array = target.withArray(member);
      String arrayPointer = pointer + "/" + LocatedJson.escape(member);
      positions.putIfAbsent(arrayPointer, at);
      int index = array.size();
      array.add(value);
      positions.put(arrayPointer + "/" + index, at);
      return index;
    }

    private void checksum(String value, Position at) {
      Matcher m = CHECKSUM.matcher(value);
      if (!m.matches()) {
        problem(elementPointer, at.line(), at.column(), "checksum on line " + at.line() + " is not 'ALGORITHM: value': " + abbreviate(value));
        return;
      }
      ObjectNode checksum = NODES.objectNode();
      checksum.put("algorithm", m.group(1));
      checksum.put("checksumValue", m.group(2));
      int index = multi(element, elementPointer, "checksums", checksum, at);
      String p = elementPointer + "/checksums/" + index;
      positions.put(p + "/algorithm", at);
      positions.put(p + "/checksumValue", at);
    }

    private void externalRef(String value, Position at) {
      String[] parts = value.strip().split("\\s+", 3);
      if (parts.length < 3) {
        problem(
            elementPointer,
            at.line(),
            at.column(),
            "ExternalRef on line " + at.line() + " is not 'CATEGORY TYPE LOCATOR': " + abbreviate(value));
        return;
      }
      ObjectNode ref = NODES.objectNode();
      ref.put("referenceCategory", parts[0]);
      ref.put("referenceType", parts[1]);
      ref.put("referenceLocator", parts[2].strip());
      int index = multi(element, elementPointer, "externalRefs", ref, at);
      String p = elementPointer + "/externalRefs/" + index;
      positions.put(p + "/referenceCategory", at);
      positions.put(p + "/referenceType", at);
      positions.put(p + "/referenceLocator", at);
      lastExternalRef = ref;
      lastExternalRefPointer = p;
    }

    private void externalDocumentRef(String value, Position at) {
      // DocumentRef-<id> <namespace URI> <ALGORITHM>: <value>
      String[] parts = value.strip().split("\\s+", 3);
      ObjectNode ref = NODES.objectNode();
      ref.put("externalDocumentId", parts[0]);
      if (parts.length > 1) {
        ref.put("spdxDocument", parts[1]);
      }
      if (parts.length > 2) {
        Matcher m = CHECKSUM.matcher(parts[2]);
        if (m.matches()) {
          ObjectNode checksum = ref.putObject("checksum");
          checksum.put("algorithm", m.group(1));
          checksum.put("checksumValue", m.group(2));
        }
      }
      int index = multi(root, "", "externalDocumentRefs", ref, at);
      positions.put("/externalDocumentRefs/" + index + "/externalDocumentId", at);
    }

    private void relationship(String value, Position at) {
      String[] parts = value.strip().split("\\s+");
      if (parts.length != 3) {
        problem(
            "",
            at.line(),
            at.column(),
            "Relationship on line " + at.line() + " is not 'SPDXRef-A TYPE SPDXRef-B' and was skipped: "
                + abbreviate(value));
        return;
      }
      ObjectNode relationship = NODES.objectNode();
      relationship.put("spdxElementId", parts[0]);
      relationship.put("relationshipType", parts[1]);
      relationship.put("relatedSpdxElement", parts[2]);
      int index = multi(root, "", "relationships", relationship, at);
      String p = "/relationships/" + index;
      positions.put(p + "/spdxElementId", at);
      positions.put(p + "/relationshipType", at);
      positions.put(p + "/relatedSpdxElement", at);
      lastRelationship = relationship;
      lastRelationshipPointer = p;
    }

    /** Puts each annotation where SPDX JSON has it: in the element it annotates, or the document. */
    private void attachAnnotations() {
      Map<String, String> pointerById = new HashMap<>();
      for (String array : List.of("packages", "files", "snippets")) {
        JsonNode elements = root.get(array);
        if (elements == null) {
          continue;
        }
        for (int i = 0; i < elements.size(); i++) {
          JsonNode id = elements.get(i).get("SPDXID");
          if (id != null && id.isTextual()) {
            pointerById.putIfAbsent(id.textValue(), "/" + array + "/" + i);
          }
        }
      }
      for (PendingAnnotation pending : annotations) {
        String ownerPointer = pending.target == null ? "" : pointerById.getOrDefault(pending.target, "");
        ObjectNode owner = ownerPointer.isEmpty() ? root : (ObjectNode) root.at(ownerPointer);
        if (ownerPointer.isEmpty() && pending.target != null) {
          // SPDX JSON nests document annotations in the document; an annotation of an element this
          // document does not define stays there too, with the element it named.
          JsonNode documentId = root.get("SPDXID");
          if (documentId == null || !pending.target.equals(documentId.asText())) {
            pending.node.put("spdxElementId", pending.target);
          }
        }
        Position at = new Position(pending.line, 1);
        int index = multi(owner, ownerPointer, "annotations", pending.node, at);
        String p = ownerPointer + "/annotations/" + index;
        pending.memberLines.forEach((member, line) -> positions.put(p + "/" + member, new Position(line, 1)));
      }
    }

    private void problem(String pointer, int line, int column, String message) {
      problems.add(new JsonProblem(pointer, Optional.of(new Position(line, Math.max(1, column))), message, KEYWORD_SYNTAX));
    }
  }

  /** Position of a pointer, or of its nearest ancestor that has one (as {@link LocatedJson#positionOf}). */
  private static Optional<Position> positionOf(Map<String, Position> positions, String pointer) {
    String p = pointer;
    while (true) {
      Position found = positions.get(p);
      if (found != null) {
        return Optional.of(found);
      }
      if (p.isEmpty()) {
        return Optional.empty();
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }

  private static int indexOfNonBlank(String line) {
    int i = 0;
    while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String abbreviate(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }
}
