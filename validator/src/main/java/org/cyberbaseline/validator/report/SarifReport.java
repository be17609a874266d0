package org.cyberbaseline.validator.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.rules.Citation;
import org.cyberbaseline.rules.Exclusion;
import org.cyberbaseline.rules.Rule;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.ArtifactSummary;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.RuleResult;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.ValidationReport;
import org.cyberbaseline.validator.Waiver;
import org.cyberbaseline.validator.internal.InputProblems;

/**
 * Writes a {@link ValidationReport} as a SARIF 2.1.0 log for GitHub code scanning and other SARIF
 * viewers: one run whose {@code tool.driver.rules} describe every rule of the baseline (rationale,
 * citations, remediation) and every {@code input.*} problem code, and one result per finding.
 *
 * <ul>
 *   <li>FAIL findings and input problems are results of kind {@code fail} (the default) with level
 *       error, warning or note from the finding's severity.
 *   <li>NEEDS_REVIEW is a result of kind {@code review} with level {@code none}, one per finding,
 *       or one for the rule (located at the first artifact) when it has no finding. SARIF 2.1.0
 *       §3.27.10 requires level {@code none} whenever kind is not {@code fail}.
 *   <li>PASS and NOT_APPLICABLE produce no result.
 *   <li>A finding a waiver accepts is left out by default ({@code run.properties.waivedOmitted}
 *       counts them): GitHub code scanning does not honour SARIF suppressions and would open an
 *       alert for it. With {@link Options#withWaivedFindings} it is a result with {@code
 *       suppressions[0]} {@code {kind: external, status: accepted}}, the waiver's justification,
 *       owner and expiry, and where the waiver is written, for viewers that do honour them.
 *   <li>Artifact URIs (percent-encoded paths) are relative to the submission folder ({@code
 *       uriBaseId SUBMISSION}), or,
 *       with {@link Options#withSubmissionFolder}, relative to the repository root, which is how
 *       GitHub code scanning resolves them (it does not read {@code originalUriBaseIds}).
 *   <li>{@code partialFingerprints.primaryLocationLineHash} is a hash of rule id, artifact, JSON
 *       Pointer and message (plus an occurrence number), not of line text, so an alert survives
 *       reformatting of the document.
 *   <li>GitHub's documented limits are respected: at most 25,000 results per run (when more, the
 *       most severe are kept and {@code run.properties} records how many were left out), one
 *       location per result, at most 20 tags per rule. Messages longer than
 *       {@value #MAX_MESSAGE_CHARS} characters are shortened (our limit, to keep logs under the
 *       upload size limit) and counted in {@code run.properties}.
 * </ul>
 *
 * <p>Output is deterministic: fixed member order, '\n' line ends, the only time is the report's
 * {@code generatedAt} (as {@code invocations[0].endTimeUtc}), and no absolute path is written.
 */
public final class SarifReport {
  public static final String SARIF_VERSION = "2.1.0";
  /** The {@code $id} of the OASIS SARIF 2.1.0 schema (errata 01). */
  public static final String SCHEMA_URI =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  /** GitHub code scanning rejects runs with more results than this. */
  public static final int MAX_RESULTS = 25_000;
  /** GitHub code scanning keeps at most this many tags per rule. */
  public static final int MAX_TAGS_PER_RULE = 20;
  /** Longest {@code message.text} written; longer messages end in an ellipsis. */
  public static final int MAX_MESSAGE_CHARS = 5_000;
  /** The base that artifact URIs are relative to unless a submission folder is given. */
  public static final String SUBMISSION_BASE_ID = "SUBMISSION";
  /** The base of repository-relative URIs (see {@link Options#withSubmissionFolder}). */
  public static final String SOURCE_ROOT_BASE_ID = "%SRCROOT%";

  static final String TOOL_NAME = "cyber-baseline";
  static final String INFORMATION_URI = "https://cyberbaseline.org";

  private static final Pattern SEMVER =
      Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");
  private static final Pattern SAFE_FOLDER = Pattern.compile("[^/\\\\:]+(/[^/\\\\:]+)*");

  /** The {@code input.*} codes and what each means; codes not listed get a generic description. */
  private static final Map<String, InputCode> INPUT_CODES =
      Map.of(
          InputProblems.MANIFEST_SYNTAX,
          new InputCode("The submission manifest is not readable JSON",
              "submission.json must be well-formed JSON; nothing else in the submission can be located until it is."),
          InputProblems.MANIFEST_SCHEMA,
          new InputCode("The submission manifest does not match the submission schema",
              "submission.json must follow submission-1.0.schema.json; a value that violates it is reported at its"
                  + " JSON Pointer, and the rest of the manifest is read leniently."),
          InputProblems.ARTIFACT_UNREADABLE,
          new InputCode("An artifact listed in the manifest cannot be read",
              "Every path the manifest lists must name a file inside the submission folder (relative, '/'-separated,"
                  + " no '..' above the folder, no symbolic link out of it) within the size limit."),
          InputProblems.ARTIFACT_DUPLICATE,
          new InputCode("An artifact is listed more than once",
              "Each artifact should be listed once in the manifest, under the kind it is."),
          InputProblems.WAIVERS_INVALID,
          new InputCode("The waiver file is invalid",
              "The submission's waiver file must match the waivers schema; while it does not, no waiver applies."),
          InputProblems.WAIVER_EXPIRED,
          new InputCode("A waiver has expired",
              "A waiver accepts findings only until its expiry date; after it the findings count again."),
          InputProblems.WAIVER_UNUSED,
          new InputCode("A waiver matches no finding",
              "Every waiver should accept at least one finding; one that matches none is stale or mistyped."));

  private SarifReport() {}

  /**
   * How the log is written.
   *
   * @param submissionFolder the submission folder's path relative to the repository root, '/'
   *     separated (e.g. {@code examples/infusion-pump}); empty: URIs stay relative to the submission
   * @param maxResults results kept per run, the most severe first; at most {@link #MAX_RESULTS}
   * @param waivedFindings whether findings a waiver accepts are written, as suppressed results
   */
  public record Options(Optional<String> submissionFolder, int maxResults, boolean waivedFindings) {
    public static final Options DEFAULT = new Options(Optional.empty(), MAX_RESULTS, false);

    public Options {
      Objects.requireNonNull(submissionFolder, "submissionFolder");
      submissionFolder.ifPresent(SarifReport::checkFolder);
      if (maxResults < 0 || maxResults > MAX_RESULTS) {
        throw new IllegalArgumentException("maxResults must be between 0 and " + MAX_RESULTS + ": " + maxResults);
      }
    }

    /**
     * Makes URIs relative to the repository root by prefixing {@code folder} (the submission's
     * path inside the repository; "" or "." for the root itself).
     */
    public Options withSubmissionFolder(String folder) {
      String normalised = folder.replaceAll("/+$", "");
      if (normalised.equals(".")) {
        normalised = "";
      }
      return new Options(Optional.of(normalised), maxResults, waivedFindings);
    }

    public Options withMaxResults(int max) {
      return new Options(submissionFolder, max, waivedFindings);
    }

    /** Writes findings a waiver accepts as results with a suppression (not for GitHub code scanning). */
    public Options withWaivedFindings(boolean include) {
      return new Options(submissionFolder, maxResults, include);
    }
  }

  /** SARIF with the default options: URIs relative to the submission folder. */
  public static byte[] toBytes(ValidationReport report, RulePack baseline) {
    return toBytes(report, baseline, Options.DEFAULT);
  }

  /**
   * SARIF for {@code report}.
   *
   * @param baseline the resolved baseline the report was produced against ({@code
   *     Validator.baseline()}); it supplies the rules' rationale and remediation
   * @throws IllegalArgumentException when {@code baseline} is not the report's baseline
   */
  public static byte[] toBytes(ValidationReport report, RulePack baseline, Options options) {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(options, "options");
    if (!baseline.ref().equals(report.baseline().ref())) {
      throw new IllegalArgumentException(
          "the report was produced against " + report.baseline().ref() + ", not " + baseline.ref());
    }
    ObjectNode log = new Writer(report, baseline, options).log();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DefaultPrettyPrinter pretty =
        new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator json = new JsonFactory(new ObjectMapper()).createGenerator(out)) {
      json.setPrettyPrinter(pretty);
      json.writeTree(log);
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  /** The SARIF level of a finding severity. */
  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case INFO -> "note";
    };
  }

  private static void checkFolder(String folder) {
    if (!folder.isEmpty()
        && (!SAFE_FOLDER.matcher(folder).matches()
            || List.of(folder.split("/")).stream().anyMatch(s -> s.equals("..") || s.equals(".")))) {
      throw new IllegalArgumentException(
          "the submission folder must be a relative '/'-separated path without '.' or '..' segments: '" + folder + "'");
    }
  }

  private record InputCode(String title, String description) {}

  /** One result to write, before the cap decides which are kept. */
  private record Pending(
      String ruleId, Severity severity, boolean review, String message, Optional<Location> location,
      Optional<Waiver> waiver) {
    /** Lower sorts first when results must be dropped: errors, warnings, notes, reviews, then waived ones. */
    int priority() {
      return waiver.isPresent() ? 4 : review ? 3 : severity.ordinal();
    }
  }

  private static final class Writer {
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final ValidationReport report;
    private final RulePack baseline;
    private final Options options;
    private final Map<String, Integer> ruleIndex = new HashMap<>();
    private final Map<String, Integer> fingerprintOccurrences = new HashMap<>();
    private int messagesShortened;
    private int waivedOmitted;

    Writer(ValidationReport report, RulePack baseline, Options options) {
      this.report = report;
      this.baseline = baseline;
      this.options = options;
    }

    ObjectNode log() {
      ObjectNode log = nodes.objectNode();
      log.put("$schema", SCHEMA_URI);
      log.put("version", SARIF_VERSION);
      ObjectNode run = log.putArray("runs").addObject();
      ObjectNode driver = run.putObject("tool").putObject("driver");
      driver.put("name", TOOL_NAME);
      driver.put("version", report.toolVersion());
      if (SEMVER.matcher(report.toolVersion()).matches()) {
        driver.put("semanticVersion", report.toolVersion());
      }
      driver.put("informationUri", INFORMATION_URI);
      ArrayNode rules = driver.putArray("rules");
      writeRules(rules);

      ObjectNode invocation = run.putArray("invocations").addObject();
      invocation.put("executionSuccessful", true);
      invocation.put("endTimeUtc", report.generatedAt().toString());

      writeBaseIds(run.putObject("originalUriBaseIds"));
      writeArtifacts(run.putArray("artifacts"));

      List<Pending> pending = pendingResults();
      List<Pending> kept = capped(pending);
      ArrayNode results = run.putArray("results");
      for (Pending result : kept) {
        writeResult(results.addObject(), result);
      }

      ObjectNode properties = run.putObject("properties");
      properties.put("baseline", report.baseline().ref().toString());
      properties.put("baselineTitle", report.baseline().title());
      properties.put("mode", report.mode().id());
      ArrayNode excluded = properties.putArray("excludedRules");
      for (Exclusion exclusion : report.baseline().exclusions()) {
        ObjectNode node = excluded.addObject();
        node.put("ruleId", exclusion.ruleId());
        node.put("reason", exclusion.reason());
        node.put("excludedBy", exclusion.excludedBy().toString());
      }
      ObjectNode statuses = properties.putObject("rules");
      for (Status status : Status.values()) {
        statuses.put(status.name(), report.summary().rulesByStatus().get(status));
      }
      properties.put("resultsTotal", pending.size());
      properties.put("resultsOmitted", pending.size() - kept.size());
      properties.put("messagesShortened", messagesShortened);
      properties.put("waivedOmitted", waivedOmitted);
      properties.put("truncated", kept.size() < pending.size() || messagesShortened > 0);
      if (VulnerabilityTable.present(report)) {
        // SARIF has no place for a table of component vulnerabilities; the run's property bag carries
        // it with the same columns as the other formats (findings about it are results as usual).
        ArrayNode feeds = properties.putArray("vulnerabilityFeeds");
        VulnerabilityTable.feeds(report).forEach(feeds::add);
        ArrayNode table = properties.putArray("vulnerabilities");
        for (org.cyberbaseline.validator.VulnerabilityEntry e : report.vulnerabilities()) {
          ObjectNode row = table.addObject();
          row.put("component", e.component());
          row.put("componentLocation", e.location().display());
          row.put("vulnerability", e.vulnerability());
          ArrayNode aliases = row.putArray("aliases");
          e.aliases().forEach(aliases::add);
          row.put("kev", e.kev());
          row.put("vexStatus", VulnerabilityTable.status(e));
          e.justification().ifPresent(j -> row.put("justification", j));
          e.statement().ifPresent(l -> row.put("statement", l.display()));
        }
      }
      return log;
    }

    private void writeRules(ArrayNode rules) {
      // Every rule of the baseline, then any result the pack does not know (defensive), then input codes.
      for (Rule rule : baseline.rules()) {
        addRule(rules, ruleDescriptor(rule));
      }
      for (RuleResult result : report.results()) {
        if (!ruleIndex.containsKey(result.ruleId())) {
          addRule(rules, resultDescriptor(result));
        }
      }
      TreeSet<String> inputCodes = new TreeSet<>(INPUT_CODES.keySet());
      report.inputProblems().forEach(p -> inputCodes.add(p.ruleId()));
      for (String code : inputCodes) {
        addRule(rules, inputDescriptor(code));
      }
    }

    private void addRule(ArrayNode rules, ObjectNode descriptor) {
      ruleIndex.put(descriptor.get("id").asText(), rules.size());
      rules.add(descriptor);
    }

    private ObjectNode ruleDescriptor(Rule rule) {
      ObjectNode descriptor = descriptor(rule.id(), pascalCase(rule.title()), rule.title(), rule.rationale().strip(), rule.severity());
      StringBuilder text = new StringBuilder(rule.rationale().strip());
      StringBuilder markdown = new StringBuilder(rule.rationale().strip());
      rule.remediation().ifPresent(
          fix -> {
            text.append("\n\nHow to fix: ").append(fix.strip());
            markdown.append("\n\n**How to fix:** ").append(fix.strip());
          });
      rule.notes().ifPresent(
          notes -> {
            text.append("\n\nNotes: ").append(notes.strip());
            markdown.append("\n\n**Notes:** ").append(notes.strip());
          });
      appendCitations(rule.citations(), text, markdown);
      ObjectNode help = descriptor.putObject("help");
      help.put("text", text.toString());
      help.put("markdown", markdown.toString());
      firstUrl(rule.citations()).ifPresent(url -> descriptor.put("helpUri", url));
      List<String> tags = new ArrayList<>();
      tags.add(TOOL_NAME);
      rule.appliesTo().artifacts().stream().map(ArtifactType::id).sorted().forEach(tags::add);
      properties(descriptor, tags, rule.citations(), Optional.of(rule.check().type()));
      return descriptor;
    }

    /** A rule the resolved pack does not contain: described from its result alone. */
    private ObjectNode resultDescriptor(RuleResult result) {
      ObjectNode descriptor = descriptor(result.ruleId(), pascalCase(result.title()), result.title(), result.title(), result.severity());
      StringBuilder text = new StringBuilder(result.title());
      StringBuilder markdown = new StringBuilder(result.title());
      appendCitations(result.citations(), text, markdown);
      ObjectNode help = descriptor.putObject("help");
      help.put("text", text.toString());
      help.put("markdown", markdown.toString());
      firstUrl(result.citations()).ifPresent(url -> descriptor.put("helpUri", url));
      properties(descriptor, List.of(TOOL_NAME), result.citations(), Optional.empty());
      return descriptor;
    }

    private ObjectNode inputDescriptor(String code) {
      InputCode known =
          INPUT_CODES.getOrDefault(code, new InputCode("Problem reading the submission (" + code + ")",
              "The submission could not be read as listed; see the message."));
      Severity severity =
          report.inputProblems().stream()
              .filter(p -> p.ruleId().equals(code))
              .map(Finding::severity)
              .min(Comparator.naturalOrder())
              .orElse(Severity.ERROR);
      ObjectNode descriptor = descriptor(code, pascalCase(code), known.title(), known.description(), severity);
      Optional<String> fix =
          report.inputProblems().stream().filter(p -> p.ruleId().equals(code)).findFirst().flatMap(Finding::remediation);
      String text = known.description() + fix.map(f -> "\n\nHow to fix: " + f).orElse("");
      String markdown = known.description() + fix.map(f -> "\n\n**How to fix:** " + f).orElse("");
      ObjectNode help = descriptor.putObject("help");
      help.put("text", text);
      help.put("markdown", markdown);
      properties(descriptor, List.of(TOOL_NAME, ArtifactType.SUBMISSION.id()), List.of(), Optional.empty());
      return descriptor;
    }

    private ObjectNode descriptor(String id, String name, String title, String fullDescription, Severity severity) {
      ObjectNode descriptor = nodes.objectNode();
      descriptor.put("id", id);
      descriptor.put("name", name);
      descriptor.putObject("shortDescription").put("text", title);
      descriptor.putObject("fullDescription").put("text", fullDescription);
      descriptor.putObject("defaultConfiguration").put("level", level(severity));
      return descriptor;
    }

    private void properties(ObjectNode descriptor, List<String> tags, List<Citation> citations, Optional<String> checkType) {
      ObjectNode properties = descriptor.putObject("properties");
      ArrayNode tagArray = properties.putArray("tags");
      tags.stream().distinct().limit(MAX_TAGS_PER_RULE).forEach(tagArray::add);
      if (!citations.isEmpty()) {
        ArrayNode array = properties.putArray("citations");
        for (Citation citation : citations) {
          ObjectNode c = array.addObject();
          c.put("document", citation.document());
          c.put("section", citation.section());
          citation.url().ifPresent(url -> c.put("url", url));
        }
      }
      checkType.ifPresent(type -> properties.put("checkType", type));
    }

    private static void appendCitations(List<Citation> citations, StringBuilder text, StringBuilder markdown) {
      if (citations.isEmpty()) {
        return;
      }
      text.append("\n\nCitations:");
      markdown.append("\n\n**Citations:**\n");
      for (Citation citation : citations) {
        String name = citation.section().isEmpty() ? citation.document() : citation.document() + ", " + citation.section();
        text.append("\n- ").append(name).append(citation.url().map(u -> " <" + u + ">").orElse(""));
        markdown.append("\n- ").append(citation.url().map(u -> "[" + name + "](<" + u + ">)").orElse(name));
      }
    }

    private static Optional<String> firstUrl(List<Citation> citations) {
      return citations.stream().flatMap(c -> c.url().stream()).findFirst();
    }

    private void writeBaseIds(ObjectNode baseIds) {
      if (options.submissionFolder().isPresent()) {
        baseIds.putObject(SOURCE_ROOT_BASE_ID).putObject("description")
            .put("text", "The root of the repository that holds the submission.");
      } else {
        baseIds.putObject(SUBMISSION_BASE_ID).putObject("description")
            .put("text", "The submission folder (for a lone SBOM, the folder holding it).");
      }
    }

    private void writeArtifacts(ArrayNode artifacts) {
      for (ArtifactSummary artifact : report.artifacts()) {
        ObjectNode node = artifacts.addObject();
        artifactLocation(node.putObject("location"), artifact.path());
        artifact.sha256().ifPresent(sha -> node.putObject("hashes").put("sha-256", sha));
        ObjectNode properties = node.putObject("properties");
        properties.put("type", artifact.type().id());
        artifact.format().ifPresent(f -> properties.put("format", f));
      }
    }

    private void artifactLocation(ObjectNode node, String artifact) {
      if (artifact.startsWith(Location.FEED_PREFIX)) {
        // A vulnerability feed lies outside the submission: named as written, relative to no base.
        node.put("uri", Location.FEED_PREFIX + uriPath(artifact.substring(Location.FEED_PREFIX.length())));
        return;
      }
      if (options.submissionFolder().isPresent() && !options.submissionFolder().get().isEmpty()) {
        node.put("uri", uriPath(options.submissionFolder().get() + "/" + artifact));
      } else {
        node.put("uri", uriPath(artifact));
      }
      node.put("uriBaseId", options.submissionFolder().isPresent() ? SOURCE_ROOT_BASE_ID : SUBMISSION_BASE_ID);
    }

    private List<Pending> pendingResults() {
      List<Pending> pending = new ArrayList<>();
      for (Finding problem : report.inputProblems()) {
        if (problem.waived() && !options.waivedFindings()) {
          waivedOmitted++;
        } else {
          pending.add(new Pending(problem.ruleId(), problem.severity(), false, problem.message(),
              Optional.of(problem.location()), problem.waiver()));
        }
      }
      Optional<Location> first =
          report.artifacts().isEmpty() ? Optional.empty() : Optional.of(Location.ofArtifact(report.artifacts().get(0).path()));
      for (RuleResult result : report.results()) {
        boolean review = result.status() == Status.NEEDS_REVIEW;
        boolean open = result.status() == Status.FAIL || review;
        if (open && result.findings().isEmpty()) {
          String message = (review ? "Needs review: " : "") + result.explanation();
          pending.add(new Pending(result.ruleId(), result.severity(), review, message, first, Optional.empty()));
        }
        for (Finding finding : result.findings()) {
          if (finding.waived() && !options.waivedFindings()) {
            waivedOmitted++;
          } else if (open || finding.waived()) {
            // A rule that passes because waivers accept its findings keeps them, suppressed.
            pending.add(new Pending(result.ruleId(), finding.severity(), review, finding.message(),
                Optional.of(finding.location()), finding.waiver()));
          }
        }
      }
      return pending;
    }

    /** The results within the cap: the most severe first, then in report order; kept in report order. */
    private List<Pending> capped(List<Pending> pending) {
      if (pending.size() <= options.maxResults()) {
        return pending;
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < pending.size(); i++) {
        order.add(i);
      }
      order.sort(Comparator.<Integer>comparingInt(i -> pending.get(i).priority()).thenComparingInt(i -> i));
      TreeSet<Integer> keep = new TreeSet<>(order.subList(0, options.maxResults()));
      return keep.stream().map(pending::get).toList();
    }

    private void writeResult(ObjectNode node, Pending result) {
      node.put("ruleId", result.ruleId());
      node.put("ruleIndex", ruleIndex.get(result.ruleId()));
      if (result.review()) {
        node.put("kind", "review");
        node.put("level", "none");
      } else {
        node.put("level", level(result.severity()));
      }
      node.putObject("message").put("text", shorten(result.message()));
      result.location().ifPresent(location -> writeLocation(node.putArray("locations").addObject(), location));
      node.putObject("partialFingerprints").put("primaryLocationLineHash", fingerprint(result));
      result.waiver().ifPresent(
          waiver -> {
            ObjectNode suppression = node.putArray("suppressions").addObject();
            suppression.put("kind", "external");
            suppression.put("status", "accepted");
            suppression.put("justification", shorten(waiver.justification() + " (owner " + waiver.owner()
                + ", expires " + waiver.expires() + waiver.id().map(id -> ", waiver " + id).orElse("") + ")"));
            writeLocation(suppression.putObject("location"), waiver.declaredAt());
          });
    }

    private void writeLocation(ObjectNode node, Location location) {
      ObjectNode physical = node.putObject("physicalLocation");
      artifactLocation(physical.putObject("artifactLocation"), location.artifact());
      if (location.line().isPresent()) {
        ObjectNode region = physical.putObject("region");
        region.put("startLine", location.line().get());
        location.column().ifPresent(column -> region.put("startColumn", column));
      }
      location.pointer().filter(p -> !p.isEmpty()).ifPresent(
          pointer -> {
            ObjectNode logical = node.putArray("logicalLocations").addObject();
            logical.put("fullyQualifiedName", pointer);
            logical.put("kind", "member");
          });
    }

    private String shorten(String message) {
      if (message.length() <= MAX_MESSAGE_CHARS) {
        return message;
      }
      messagesShortened++;
      int end = MAX_MESSAGE_CHARS - 1;
      if (Character.isHighSurrogate(message.charAt(end - 1))) {
        end--;
      }
      return message.substring(0, end) + "\u2026";
    }

    /** Hash of rule, artifact, pointer and message, then ":n" for the n-th identical result. */
    private String fingerprint(Pending result) {
      String artifact = result.location().map(Location::artifact).orElse("");
      String pointer = result.location().flatMap(Location::pointer).orElse("");
      String key = String.join("\u0000", result.ruleId(), artifact, pointer, result.message());
      String hash = sha256(key).substring(0, 32);
      int occurrence = fingerprintOccurrences.merge(hash, 1, Integer::sum);
      return hash + ":" + occurrence;
    }
  }

  /**
   * A '/'-separated relative path as a URI reference: each segment percent-encoded (UTF-8) except
   * unreserved characters and sub-delimiters, so spaces, '#', '%' and non-ASCII names stay valid.
   */
  static String uriPath(String path) {
    StringBuilder uri = new StringBuilder(path.length() + 8);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=@/".indexOf(c) >= 0) {
        uri.append(c);
      } else {
        uri.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return uri.toString();
  }

  /** "Every component names its supplier" becomes "EveryComponentNamesItsSupplier". */
  static String pascalCase(String title) {
    StringBuilder name = new StringBuilder();
    for (String word : title.split("[^\\p{L}\\p{N}]+")) {
      if (!word.isEmpty()) {
        name.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
        name.append(word.substring(Character.charCount(word.codePointAt(0))));
      }
    }
    return name.length() == 0 ? "Rule" : name.toString();
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
