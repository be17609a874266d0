package org.cyberbaseline.sbom;

import java.io.CharArrayReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.Position;
import org.cyberbaseline.schemas.ReadLimits;

/**
 * A CycloneDX XML document read with StAX into a light element tree that remembers where every
 * element is, and the {@link SourceLocator} for the pointers described in {@link CycloneDxXml}.
 *
 * <p>The bytes are decoded here, not by the XML parser: the JDK parser prints "[Fatal Error]" lines
 * to System.err for undecodable bytes, and a library must not write to the console. The charset is
 * the one the byte-order mark or the XML declaration names (UTF-8 when neither does); undecodable
 * bytes make the document unreadable ("syntax") at their line and column. The decoded characters
 * are handed to both the StAX pass and the schema validator, so both see exactly the same text.
 *
 * <p>Security: the document is untrusted. A DOCTYPE is refused as soon as the parser reports it
 * (before any entity could be expanded or fetched), DTD support and external entities are off, and
 * the nesting depth and the length of every text and attribute value are bounded by {@link
 * ReadLimits}.
 */
final class CycloneDxXmlDocument implements SourceLocator {
  /** Element names that are list items somewhere in CycloneDX; their steps always carry "[n]". */
  private static final Set<String> LIST_ITEMS =
      Set.of(
          "component",
          "service",
          "dependency",
          "provides",
          "hash",
          "license",
          "property",
          "reference",
          "tool",
          "author",
          "composition",
          "assembly",
          "lifecycle",
          "vulnerability",
          "annotation",
          "citation",
          "occurrence",
          "patch",
          "commit",
          "issue",
          "tag");

  private static final Pattern XML_DECLARATION_ENCODING =
      Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._:-]*)[\"']");

  /** One element: its place in the tree and the '<' of its start tag. */
  static final class El {
    final El parent;
    /** The namespace URI ("" for none). */
    final String ns;
    final String local;
    /** The pointer step name: the local name in the CycloneDX namespace, see {@link #stepName}. */
    final String name;
    /** 1-based position among the parent's children of the same name. */
    final int index;
    /** In the document's CycloneDX namespace. */
    final boolean cdx;

    int line;
    int column;
    ArrayList<El> children;
    /** Character content directly inside this element; null once it has child elements. */
    String text;
    /** Attributes without a namespace, as name/value pairs. */
    String[] attributes;

    El(El parent, String ns, String local, String name, int index, boolean cdx) {
      this.parent = parent;
      this.ns = ns;
      this.local = local;
      this.name = name;
      this.index = index;
      this.cdx = cdx;
    }

    List<El> children() {
      return children == null ? List.of() : children;
    }

    Optional<String> attribute(String attributeName) {
      if (attributes != null) {
        for (int i = 0; i < attributes.length; i += 2) {
          if (attributes[i].equals(attributeName)) {
            return Optional.of(attributes[i + 1]);
          }
        }
      }
      return Optional.empty();
    }

    String pointer() {
      Deque<El> chain = new ArrayDeque<>();
      for (El e = this; e != null; e = e.parent) {
        chain.push(e);
      }
      StringBuilder out = new StringBuilder();
      for (El e : chain) {
        appendStep(out, e.name, e.index);
      }
      return out.toString();
    }

    Position position() {
      return new Position(line, column);
    }
  }

  /** What parsing produced: a document, or the problem that made it unreadable. */
  sealed interface Parsing {}

  /**
   * @param text the decoded document, valid up to {@code length}; given to the schema validator
   */
  record Parsed(CycloneDxXmlDocument document, char[] text, int length) implements Parsing {}

  record Failed(JsonProblem problem) implements Parsing {}

  private final El root;
  private final String namespace;
  private final String version;
  private final List<JsonProblem> duplicateRefs;

  private CycloneDxXmlDocument(El root, String namespace, String version, List<JsonProblem> duplicateRefs) {
    this.root = root;
    this.namespace = namespace;
    this.version = version;
    this.duplicateRefs = List.copyOf(duplicateRefs);
  }

  El root() {
    return root;
  }

  /** The CycloneDX namespace of the root element, e.g. {@code http://cyclonedx.org/schema/bom/1.6}. */
  String namespace() {
    return namespace;
  }

  String version() {
    return version;
  }

  /** Second and later uses of a bom-ref value, in document order (keyword "unique"). */
  List<JsonProblem> duplicateRefs() {
    return duplicateRefs;
  }

  // ---------------------------------------------------------------- pointers

  /**
   * The pointer step name of an element: its local name in the document's CycloneDX namespace,
   * "prefix:local" for a prefixed element of another namespace, "Q{uri}local" otherwise.
   */
  static String stepName(String ns, String prefix, String local, String cdxNamespace) {
    if (ns.equals(cdxNamespace)) {
      return local;
    }
    if (prefix != null && !prefix.isEmpty()) {
      return prefix + ":" + local;
    }
    return "Q{" + ns + "}" + local;
  }

  static void appendStep(StringBuilder out, String name, int index) {
    out.append('/').append(name);
    if (index > 1 || LIST_ITEMS.contains(localPart(name))) {
      out.append('[').append(index).append(']');
    }
  }

  /** The local name in a step name ("dg:dependency" and "Q{uri}dependency" are dependencies). */
  private static String localPart(String name) {
    int cut = name.startsWith("Q{") ? name.indexOf('}') : name.indexOf(':');
    return cut < 0 ? name : name.substring(cut + 1);
  }

  /**
   * Resolves a pointer of this document. A trailing attribute step ("/@bom-ref") resolves to its
   * element; "" is the root element.
   */
  @Override
  public Optional<Position> positionOf(String pointer) {
    if (pointer == null) {
      return Optional.empty();
    }
    if (pointer.isEmpty()) {
      return Optional.of(root.position());
    }
    List<String> steps = splitSteps(pointer);
    if (steps == null || steps.isEmpty()) {
      return Optional.empty();
    }
    El current = null;
    for (int s = 0; s < steps.size(); s++) {
      String step = steps.get(s);
      if (step.startsWith("@")) {
        if (s != steps.size() - 1 || current == null) {
          return Optional.empty();
        }
        break;
      }
      String name = step;
      int index = 1;
      if (step.endsWith("]")) {
        int open = step.lastIndexOf('[');
        if (open <= 0) {
          return Optional.empty();
        }
        name = step.substring(0, open);
        try {
          index = Integer.parseInt(step.substring(open + 1, step.length() - 1));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
        if (index < 1) {
          return Optional.empty();
        }
      }
      current = current == null ? (root.name.equals(name) && index == 1 ? root : null) : find(current, name, index);
      if (current == null) {
        return Optional.empty();
      }
    }
    return Optional.ofNullable(current).map(El::position);
  }

  /** The n-th child of this name; O(1) for homogeneous lists such as components/component. */
  private static El find(El parent, String name, int index) {
    List<El> children = parent.children();
    int guess = index - 1;
    if (guess < children.size()) {
      El candidate = children.get(guess);
      if (candidate.index == index && candidate.name.equals(name)) {
        return candidate;
      }
    }
    for (El child : children) {
      if (child.index == index && child.name.equals(name)) {
        return child;
      }
    }
    return null;
  }

  /** Splits "/a/b[2]/Q{http://x/y}c" into steps, keeping slashes inside "{...}"; null if malformed. */
  private static List<String> splitSteps(String pointer) {
    if (!pointer.startsWith("/")) {
      return null;
    }
    List<String> steps = new ArrayList<>();
    int start = 1;
    boolean inBraces = false;
    for (int i = 1; i <= pointer.length(); i++) {
      char c = i < pointer.length() ? pointer.charAt(i) : '/';
      if (c == '{') {
        inBraces = true;
      } else if (c == '}') {
        inBraces = false;
      } else if (c == '/' && !inBraces) {
        if (i == start) {
          return null;
        }
        steps.add(pointer.substring(start, i));
        start = i + 1;
      }
    }
    return steps;
  }

  /** Drops what only the mapping needed (texts, attributes); positions and structure stay. */
  void trim() {
    Deque<El> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      El e = stack.pop();
      e.text = null;
      e.attributes = null;
      if (e.children != null) {
        e.children.trimToSize();
        e.children.forEach(stack::push);
      }
    }
  }

  // ---------------------------------------------------------------- parsing

  static Parsing parse(byte[] content, ReadLimits limits) {
    if (content.length > limits.maxBytes()) {
      return failed(
          "",
          Optional.empty(),
          "document is " + content.length + " bytes, above the limit of " + limits.maxBytes(),
          "limit");
    }
    Decoded decoded = decode(content);
    if (decoded.problem() != null) {
      return new Failed(decoded.problem());
    }
    return new Builder(decoded.chars(), decoded.length(), limits).build();
  }

  private record Decoded(char[] chars, int length, JsonProblem problem) {}

  private static Decoded decode(byte[] content) {
    Charset charset = StandardCharsets.UTF_8;
    int offset = 0;
    if (startsWith(content, 0x00, 0x00, 0xFE, 0xFF)) {
      charset = Charset.forName("UTF-32BE");
      offset = 4;
    } else if (startsWith(content, 0xFF, 0xFE, 0x00, 0x00)) {
      charset = Charset.forName("UTF-32LE");
      offset = 4;
    } else if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
      offset = 3;
    } else if (startsWith(content, 0xFE, 0xFF)) {
      charset = StandardCharsets.UTF_16BE;
      offset = 2;
    } else if (startsWith(content, 0xFF, 0xFE)) {
      charset = StandardCharsets.UTF_16LE;
      offset = 2;
    } else if (startsWith(content, 0x00, 0x3C, 0x00, 0x3F)) {
      charset = StandardCharsets.UTF_16BE;
    } else if (startsWith(content, 0x3C, 0x00, 0x3F, 0x00)) {
      charset = StandardCharsets.UTF_16LE;
    } else {
      // ASCII-compatible: the XML declaration may name another charset (ISO-8859-1, windows-1252).
      String prefix = new String(content, 0, Math.min(content.length, 512), StandardCharsets.ISO_8859_1);
      Matcher m = XML_DECLARATION_ENCODING.matcher(prefix);
      if (m.find()) {
        String declared = m.group(1);
        try {
          Charset named = Charset.forName(declared);
          // A declaration naming UTF-16/32 on ASCII-compatible bytes is a contradiction the parser
          // reports better than a decoder would; keep reading as UTF-8 and let it.
          if (!named.name().startsWith("UTF-16") && !named.name().startsWith("UTF-32")) {
            charset = named;
          }
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
          return new Decoded(
              null,
              0,
              new JsonProblem(
                  "",
                  Optional.of(new Position(1, 1)),
                  "the XML declaration names the character encoding \""
                      + abbreviate(declared)
                      + "\", which this reader does not know",
                  "syntax"));
        }
      }
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(content, offset, content.length - offset);
    CharBuffer out = CharBuffer.allocate((int) Math.ceil((content.length - offset) * (double) decoder.maxCharsPerByte()) + 16);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int[] lineColumn = endOf(out.array(), out.position());
      return new Decoded(
          null,
          0,
          new JsonProblem(
              "",
              Optional.of(new Position(lineColumn[0], lineColumn[1])),
              "not well-formed XML: the bytes at this position are not valid " + charset.name(),
              "syntax"));
    }
    return new Decoded(out.array(), out.position(), null);
  }

  /** Line and column of the character after the first {@code length} characters. */
  private static int[] endOf(char[] chars, int length) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < length; i++) {
      char c = chars[i];
      if (c == '\n' || (c == '\r' && (i + 1 >= length || chars[i + 1] != '\n'))) {
        line++;
        column = 1;
      } else if (c != '\r') {
        column++;
      }
    }
    return new int[] {line, column};
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

  static String abbreviate(String value) {
    return value.length() <= 80 ? value : value.substring(0, 77) + "...";
  }

  private static Failed failed(String pointer, Optional<Position> position, String message, String keyword) {
    return new Failed(new JsonProblem(pointer, position, message, keyword));
  }

  /** One StAX pass over the decoded text. */
  private static final class Builder {
    private final char[] chars;
    private final int length;
    private final ReadLimits limits;
    /** Offsets where each line starts, counting line breaks as the parser does. */
    private int[] lineStarts;
    private int lineCount;

    // The open elements, by depth (0 is the root). The counters (how many children of each name
    // the element has so far) and text buffers are reused from element to element at a depth.
    private El[] open = new El[16];
    private final List<Map<String, Integer>> counters = new ArrayList<>();
    private StringBuilder[] texts = new StringBuilder[16];
    private int depth;
    private final Map<String, El> refs = new HashMap<>();
    private final List<JsonProblem> duplicateRefs = new ArrayList<>();
    private El root;
    private String namespace;
    private String version;

    Builder(char[] chars, int length, ReadLimits limits) {
      this.chars = chars;
      this.length = length;
      this.limits = limits;
    }

    Parsing build() {
      indexLines();
      XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
      factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
      // Text arrives in chunks; it is joined (and its length bounded) here instead.
      factory.setProperty(XMLInputFactory.IS_COALESCING, false);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      XMLStreamReader reader = null;
      try {
        reader = factory.createXMLStreamReader(new CharArrayReader(chars, 0, length));
        while (reader.hasNext()) {
          int event = reader.next();
          Failed failure =
              switch (event) {
                case XMLStreamConstants.DTD -> doctype(reader);
                case XMLStreamConstants.START_ELEMENT -> start(reader);
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> characters(reader);
                case XMLStreamConstants.END_ELEMENT -> end();
                case XMLStreamConstants.ENTITY_REFERENCE -> failed(
                    "",
                    position(reader.getLocation()),
                    "not well-formed XML: reference to the undeclared entity &" + abbreviate(reader.getLocalName()) + ";",
                    "syntax");
                default -> null;
              };
          if (failure != null) {
            return failure;
          }
        }
      } catch (XMLStreamException e) {
        return failed("", position(e.getLocation()), "not well-formed XML: " + parserMessage(e.getMessage()), "syntax");
      } finally {
        if (reader != null) {
          try {
            reader.close();
          } catch (XMLStreamException ignored) {
            // reading from memory: nothing to release
          }
        }
      }
      if (root == null) {
        return failed("", Optional.empty(), "XML document has no root element", "syntax");
      }
      return new Parsed(new CycloneDxXmlDocument(root, namespace, version, duplicateRefs), chars, length);
    }

    private Failed doctype(XMLStreamReader reader) {
      // Refused whatever it contains: a DOCTYPE is how XXE (external entities reading local files
      // or URLs) and entity-expansion bombs get in, and CycloneDX never needs one. Its text is not
      // quoted: it may name the very files an attacker hoped to read.
      return failed(
          "",
          position(reader.getLocation()),
          "XML document type declarations (<!DOCTYPE ...>) are not accepted in an SBOM: they can declare"
              + " entities that read external files or expand without bound; remove the DOCTYPE",
          "syntax");
    }

    private Failed start(XMLStreamReader reader) {
      Location location = reader.getLocation();
      if (depth >= limits.maxNestingDepth()) {
        return failed(
            "",
            position(location),
            "XML elements nest deeper than the limit of " + limits.maxNestingDepth(),
            "limit");
      }
      String ns = reader.getNamespaceURI() == null ? "" : reader.getNamespaceURI();
      String local = reader.getLocalName();
      El parent = depth == 0 ? null : open[depth - 1];
      El element;
      if (parent == null) {
        Failed refused = checkRoot(ns, local, location);
        if (refused != null) {
          return refused;
        }
        element = new El(null, ns, local, local, 1, true);
        root = element;
      } else {
        String name = stepName(ns, reader.getPrefix(), local, namespace);
        int index = counters.get(depth - 1).merge(name, 1, Integer::sum);
        element = new El(parent, ns, local, name, index, ns.equals(namespace));
        if (parent.children == null) {
          parent.children = new ArrayList<>(4);
          texts[depth - 1].setLength(0); // text next to child elements is not a value: drop it
        }
        parent.children.add(element);
      }
      locate(element, location);

      int attributeCount = reader.getAttributeCount();
      if (attributeCount > 0) {
        String[] attributes = new String[attributeCount * 2];
        int kept = 0;
        for (int i = 0; i < attributeCount; i++) {
          String attributeNs = reader.getAttributeNamespace(i);
          if (attributeNs != null && !attributeNs.isEmpty()) {
            continue;
          }
          String value = reader.getAttributeValue(i);
          if (value.length() > limits.maxStringLength()) {
            return failed(
                element.pointer() + "/@" + reader.getAttributeLocalName(i),
                Optional.of(element.position()),
                "attribute value longer than the limit of " + limits.maxStringLength() + " characters",
                "limit");
          }
          attributes[kept++] = reader.getAttributeLocalName(i);
          attributes[kept++] = value;
        }
        if (kept > 0) {
          element.attributes = kept == attributes.length ? attributes : Arrays.copyOf(attributes, kept);
        }
      }
      if (parent != null && !"1.0".equals(version)) {
        element.attribute("bom-ref").ifPresent(ref -> checkUnique(element, ref));
      }
      if (depth == open.length) {
        open = Arrays.copyOf(open, depth * 2);
        texts = Arrays.copyOf(texts, depth * 2);
      }
      open[depth] = element;
      if (counters.size() == depth) {
        counters.add(new HashMap<>(8));
        texts[depth] = new StringBuilder();
      } else {
        counters.get(depth).clear();
        texts[depth].setLength(0);
      }
      depth++;
      return null;
    }

    /** The CycloneDX schemas (1.1 on) declare bom-ref unique across every element of the BOM. */
    private void checkUnique(El element, String ref) {
      El first = refs.putIfAbsent(ref, element);
      if (first != null) {
        duplicateRefs.add(
            new JsonProblem(
                element.pointer() + "/@bom-ref",
                Optional.of(element.position()),
                "bom-ref \""
                    + abbreviate(ref)
                    + "\" is already used by "
                    + first.pointer()
                    + " (line "
                    + first.line
                    + "); a bom-ref must be unique within the BOM",
                CycloneDxXml.KEYWORD_UNIQUE));
      }
    }

    private Failed checkRoot(String ns, String local, Location location) {
      if (!ns.startsWith(CycloneDxXml.NAMESPACE_PREFIX)) {
        return failed(
            "",
            position(location),
            SbomReader.NOT_RECOGNISED + ": XML root element is <" + abbreviate(local) + " xmlns=\"" + abbreviate(ns) + "\">",
            SbomReader.KEYWORD_UNKNOWN_FORMAT);
      }
      String declared = ns.substring(CycloneDxXml.NAMESPACE_PREFIX.length());
      if (!CycloneDxXml.SUPPORTED_VERSIONS.contains(declared)) {
        return failed(
            "/" + local,
            position(location),
            "CycloneDX XML namespace "
                + abbreviate(ns)
                + " names version \""
                + abbreviate(declared)
                + "\", which is not supported; supported versions: "
                + String.join(", ", CycloneDxXml.SUPPORTED_VERSIONS),
            SbomReader.KEYWORD_UNSUPPORTED_VERSION);
      }
      if (!local.equals("bom")) {
        return failed(
            "",
            position(location),
            SbomReader.NOT_RECOGNISED + ": the root element of a CycloneDX XML document is <bom>, not <" + abbreviate(local) + ">",
            SbomReader.KEYWORD_UNKNOWN_FORMAT);
      }
      namespace = ns;
      version = declared;
      return null;
    }

    private Failed characters(XMLStreamReader reader) {
      if (depth == 0) {
        return null; // outside the root element: only whitespace is allowed there
      }
      if (open[depth - 1].children != null) {
        return null; // whitespace (or mixed content) between child elements: not a value
      }
      StringBuilder text = texts[depth - 1];
      int length = reader.getTextLength();
      if (text.length() + length > limits.maxStringLength()) {
        El element = open[depth - 1];
        return failed(
            element.pointer(),
            Optional.of(element.position()),
            "element text longer than the limit of " + limits.maxStringLength() + " characters",
            "limit");
      }
      text.append(reader.getTextCharacters(), reader.getTextStart(), length);
      return null;
    }

    private Failed end() {
      depth--;
      El element = open[depth];
      open[depth] = null;
      StringBuilder text = texts[depth];
      if (element.children == null && text.length() > 0) {
        element.text = text.toString();
      }
      if (text.capacity() > 8192) {
        texts[depth] = new StringBuilder(); // do not keep a long licence text's buffer around
      }
      return null;
    }

    // -------------------------------------------------------------- positions

    private void indexLines() {
      int[] starts = new int[Math.max(16, length / 32)];
      int count = 0;
      starts[count++] = 0;
      for (int i = 0; i < length; i++) {
        char c = chars[i];
        if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < length && chars[i + 1] == '\n') {
            i++;
          }
          if (count == starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
          }
          starts[count++] = i + 1;
        }
      }
      lineStarts = starts;
      lineCount = count;
    }

    /**
     * Sets the element's position to the '<' of its start tag. The parser reports the position
     * just after the start tag's '>'; the '<' is found by scanning back (an attribute value cannot
     * contain a literal '<'). Falls back to the parser's position when it does not fit the text.
     */
    private void locate(El element, Location location) {
      int line = location.getLineNumber();
      int column = location.getColumnNumber();
      if (line >= 1 && line <= lineCount && column >= 2) {
        int end = lineStarts[line - 1] + column - 1;
        if (end <= length && chars[end - 1] == '>') {
          int lt = end - 1;
          while (lt >= 0 && chars[lt] != '<') {
            lt--;
          }
          if (lt >= 0) {
            int ltLine = lineOf(lt);
            element.line = ltLine + 1;
            element.column = lt - lineStarts[ltLine] + 1;
            return;
          }
        }
      }
      element.line = Math.max(1, line);
      element.column = Math.max(1, column);
    }

    /** 0-based line holding this offset. */
    private int lineOf(int offset) {
      int i = Arrays.binarySearch(lineStarts, 0, lineCount, offset);
      return i >= 0 ? i : -i - 2;
    }
  }

  static Optional<Position> position(Location location) {
    if (location == null || location.getLineNumber() < 1 || location.getColumnNumber() < 1) {
      return Optional.empty();
    }
    return Optional.of(new Position(location.getLineNumber(), location.getColumnNumber()));
  }

  /** The JDK prefixes "ParseError at [row,col]:[l,c]\nMessage: "; the position is reported apart. */
  static String parserMessage(String message) {
    if (message == null) {
      return "";
    }
    int idx = message.indexOf("Message: ");
    String m = idx >= 0 ? message.substring(idx + "Message: ".length()) : message;
    int nl = m.indexOf('\n');
    return abbreviateLong((nl >= 0 ? m.substring(0, nl) : m).strip());
  }

  static String abbreviateLong(String value) {
    return value.length() <= 1000 ? value : value.substring(0, 997) + "...";
  }
}
