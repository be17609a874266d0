package org.cyberbaseline.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cyberbaseline.schemas.BundledSchema;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.JsonReadException;
import org.cyberbaseline.schemas.LocatedJson;
import org.cyberbaseline.schemas.LocatedJsonReader;
import org.cyberbaseline.schemas.ReadLimits;
import org.cyberbaseline.schemas.SchemaCheck;

/**
 * Finds rule packs: those bundled in this module (listed in {@code packs/index.txt}) and any a user
 * adds from files. Every pack is checked against the rule-pack schema when read; {@link #resolve}
 * then folds in the packs it {@code extends}.
 *
 * <p>Immutable once built and safe to share between threads.
 */
public final class RulePackRepository {
  private static final String BUNDLED_DIR = "org/cyberbaseline/rules/packs/";
  private static final ReadLimits PACK_LIMITS = new ReadLimits(4L * 1024 * 1024, 64, 200_000);

  private final Map<PackRef, RulePack> declared;

  private RulePackRepository(Map<PackRef, RulePack> declared) {
    this.declared = Collections.unmodifiableMap(new TreeMap<>(declared));
  }

  /** The packs bundled with the library. */
  public static RulePackRepository bundled() throws RulePackException {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every pack known to this repository, sorted by id then version. */
  public Set<PackRef> packs() {
    return declared.keySet();
  }

  /** The pack as written, without the rules of packs it extends. */
  public Optional<RulePack> declared(PackRef ref) {
    return Optional.ofNullable(declared.get(ref));
  }

  /**
   * The pack a user means by {@code spec}: {@code id@version} names one version exactly; a bare
   * {@code id} means that pack's newest version, the one with the latest effective date (a manufacturer
   * submits under the guidance in force, so "the FDA pack" is the current edition unless a version is
   * named).
   *
   * @throws RulePackException when no pack matches, naming the known ones
   */
  public PackRef select(String spec) throws RulePackException {
    String text = spec == null ? "" : spec.strip();
    if (text.contains("@")) {
      PackRef ref;
      try {
        ref = PackRef.parse(text);
      } catch (IllegalArgumentException e) {
        throw new RulePackException(text, e.getMessage());
      }
      if (!declared.containsKey(ref)) {
        throw new RulePackException(text, "no such rule pack" + knownVersions(ref.id()) + "; known packs: " + declared.keySet());
      }
      return ref;
    }
    return declared.values().stream()
        .filter(pack -> pack.ref().id().equals(text))
        .max(Comparator.comparing(RulePack::effectiveDate).thenComparing(pack -> pack.ref().version()))
        .map(RulePack::ref)
        .orElseThrow(() -> new RulePackException(text, "no such rule pack; known packs: " + declared.keySet()));
  }

  private String knownVersions(String id) {
    String versions =
        declared.keySet().stream().filter(k -> k.id().equals(id)).map(PackRef::version).collect(Collectors.joining(", "));
    return versions.isEmpty() ? "" : " (known versions of " + id + ": " + versions + ")";
  }

  /** The pack with the rules of everything it extends folded in; own rules win on equal ids. */
  public RulePack resolve(PackRef ref) throws RulePackException {
    return resolve(ref, new LinkedHashSet<>());
  }

  private RulePack resolve(PackRef ref, LinkedHashSet<PackRef> visiting) throws RulePackException {
    RulePack pack = declared.get(ref);
    if (pack == null) {
      throw new RulePackException(
          ref.toString(), "no such rule pack; known packs: " + declared.keySet());
    }
    if (!visiting.add(ref)) {
      throw new RulePackException(pack.source(), "'extends' forms a cycle: " + visiting + " -> " + ref);
    }
    Map<String, Rule> rules = new TreeMap<>();
    for (PackRef parent : pack.extendsPacks()) {
      for (Rule rule : resolve(parent, visiting).rules()) {
        rules.put(rule.id(), rule);
      }
    }
    List<Exclusion> exclusions = new ArrayList<>();
    for (PackRef parent : pack.extendsPacks()) {
      exclusions.addAll(resolve(parent, visiting).exclusions());
    }
    for (RulePack.Inclusion inclusion : pack.includes()) {
      if (!declared.containsKey(inclusion.pack())) {
        throw new RulePackException(pack.source(), "include at " + inclusion.pointer() + " names pack "
            + inclusion.pack() + ", which is not known; known packs: " + declared.keySet());
      }
      RulePack from = resolve(inclusion.pack(), visiting);
      for (String ruleId : inclusion.ruleIds()) {
        Rule rule = from.rule(ruleId).orElseThrow(() -> new RulePackException(pack.source(), "include at "
            + inclusion.pointer() + " names rule " + ruleId + ", which " + inclusion.pack() + " does not define"));
        if (rules.containsKey(ruleId)) {
          // Two sources for one id would make the result depend on the order of the keys.
          throw new RulePackException(pack.source(), "include at " + inclusion.pointer() + " names rule " + ruleId
              + ", which this pack already inherits through 'extends' or another include");
        }
        rules.put(ruleId, rule);
      }
    }
    for (RulePack.Override override : pack.overrides()) {
      Rule inherited = rules.get(override.ruleId());
      if (inherited == null) {
        throw new RulePackException(pack.source(), "override at " + override.pointer() + " names rule "
            + override.ruleId() + ", which no extended pack defines");
      }
      rules.put(override.ruleId(), apply(inherited, override));
    }
    for (Exclusion exclusion : pack.exclusions()) {
      if (rules.remove(exclusion.ruleId()) == null) {
        throw new RulePackException(pack.source(), "exclude names rule " + exclusion.ruleId()
            + ", which no extended pack defines");
      }
      exclusions.add(exclusion);
    }
    for (Rule rule : pack.rules()) {
      rules.put(rule.id(), rule);
    }
    visiting.remove(ref);
    exclusions.removeIf(e -> rules.containsKey(e.ruleId()));
    return new RulePack(
        pack.ref(),
        pack.title(),
        pack.description(),
        pack.effectiveDate(),
        pack.extendsPacks(),
        List.copyOf(rules.values()),
        pack.source(),
        exclusions,
        List.of(),
        pack.includes());
  }

  private static Rule apply(Rule rule, RulePack.Override override) {
    return new Rule(
        rule.id(),
        rule.title(),
        rule.rationale(),
        override.severity().orElse(rule.severity()),
        override.citations().orElse(rule.citations()),
        rule.remediation(),
        override.notes().or(rule::notes),
        rule.appliesTo(),
        override.params().map(p -> new CheckSpec(rule.check().type(), p)).orElse(rule.check()));
  }

  /** Collects packs; bundled packs are always included. */
  public static final class Builder {
    private final List<Path> files = new ArrayList<>();

    private Builder() {}

    /** Adds a user pack (.yaml, .yml or .json). It may extend bundled packs or other added ones. */
    public Builder addFile(Path file) {
      files.add(file);
      return this;
    }

    public RulePackRepository build() throws RulePackException {
      Map<PackRef, RulePack> packs = new TreeMap<>();
      for (String name : bundledNames()) {
        String resource = BUNDLED_DIR + name;
        byte[] content = readResource(resource);
        add(packs, parse("classpath:" + resource, content, name.endsWith(".json")));
      }
      for (Path file : files) {
        String source = file.toString();
        byte[] content;
        try {
          if (Files.size(file) > PACK_LIMITS.maxBytes()) {
            throw new RulePackException(source, "file is larger than " + PACK_LIMITS.maxBytes() + " bytes");
          }
          content = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
          throw new RulePackException(source, "no such rule pack file");
        } catch (IOException e) {
          throw new RulePackException(source, "cannot read rule pack file: " + e.getMessage());
        }
        add(packs, parse(source, content, source.toLowerCase(Locale.ROOT).endsWith(".json")));
      }
      return new RulePackRepository(packs);
    }

    private static void add(Map<PackRef, RulePack> packs, RulePack pack) throws RulePackException {
      RulePack previous = packs.putIfAbsent(pack.ref(), pack);
      if (previous != null) {
        throw new RulePackException(
            pack.source(), "pack " + pack.ref() + " is already defined by " + previous.source());
      }
    }

    private static List<String> bundledNames() throws RulePackException {
      String index = new String(readResource(BUNDLED_DIR + "index.txt"), StandardCharsets.UTF_8);
      return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static byte[] readResource(String resource) throws RulePackException {
      try (InputStream in = RulePackRepository.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new RulePackException("classpath:" + resource, "bundled resource is missing");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new RulePackException("classpath:" + resource, "cannot read: " + e);
      }
    }
  }

  /** Reads and schema-checks one pack document, then maps it to records. */
  static RulePack parse(String source, byte[] content, boolean json) throws RulePackException {
    LocatedJsonReader reader = new LocatedJsonReader(PACK_LIMITS);
    LocatedJson document;
    try {
      document = json ? reader.readJson(content) : reader.readYaml(content);
    } catch (JsonReadException e) {
      throw new RulePackException(source, List.of(e.problem()));
    }
    List<JsonProblem> problems = SchemaHolder.CHECK.check(BundledSchema.RULE_PACK_1_0, document);
    if (!problems.isEmpty()) {
      throw new RulePackException(source, problems);
    }
    JsonNode root = document.root();
    List<Rule> rules = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    JsonNode ruleNodes = root.get("rules");
    for (int i = 0; i < ruleNodes.size(); i++) {
      JsonNode r = ruleNodes.get(i);
      String id = r.get("id").asText();
      if (!ids.add(id)) {
        String pointer = "/rules/" + i + "/id";
        throw new RulePackException(
            source,
            List.of(
                new JsonProblem(pointer, document.positionOf(pointer), "duplicate rule id " + id, "uniqueId")));
      }
      rules.add(rule(r));
    }
    rules.sort((a, b) -> a.id().compareTo(b.id()));
    List<PackRef> parents = new ArrayList<>();
    root.path("extends").forEach(e -> parents.add(PackRef.parse(e.asText())));
    PackRef self = new PackRef(root.get("id").asText(), root.get("version").asText());
    List<Exclusion> exclusions = new ArrayList<>();
    root.path("exclude").forEach(e -> exclusions.add(new Exclusion(e.get("rule").asText(), e.get("reason").asText(), self)));
    List<RulePack.Override> overrides = new ArrayList<>();
    JsonNode overrideNodes = root.path("overrides");
    for (int i = 0; i < overrideNodes.size(); i++) {
      JsonNode o = overrideNodes.get(i);
      Optional<List<Citation>> citations = Optional.empty();
      if (o.has("citations")) {
        List<Citation> list = new ArrayList<>();
        o.get("citations").forEach(c -> list.add(new Citation(c.get("document").asText(), c.get("section").asText(), text(c, "url"))));
        citations = Optional.of(list);
      }
      String pointer = "/overrides/" + i;
      overrides.add(new RulePack.Override(
          o.get("rule").asText(),
          o.has("severity") ? Optional.of(Severity.fromId(o.get("severity").asText())) : Optional.empty(),
          o.has("params") ? Optional.of((ObjectNode) o.get("params")) : Optional.empty(),
          citations,
          text(o, "notes"),
          pointer + document.positionOf(pointer).map(p -> " (" + p + ")").orElse("")));
    }
    List<RulePack.Inclusion> includes = new ArrayList<>();
    JsonNode includeNodes = root.path("include");
    for (int i = 0; i < includeNodes.size(); i++) {
      JsonNode include = includeNodes.get(i);
      List<String> ruleIds = new ArrayList<>();
      include.get("rules").forEach(r -> ruleIds.add(r.asText()));
      String pointer = "/include/" + i;
      includes.add(new RulePack.Inclusion(PackRef.parse(include.get("pack").asText()), ruleIds,
          pointer + document.positionOf(pointer).map(p -> " (" + p + ")").orElse("")));
    }
    if ((!overrides.isEmpty() || !exclusions.isEmpty()) && parents.isEmpty() && includes.isEmpty()) {
      throw new RulePackException(source, "'overrides' and 'exclude' change inherited rules; this pack extends none");
    }
    return new RulePack(
        new PackRef(root.get("id").asText(), root.get("version").asText()),
        root.get("title").asText(),
        text(root, "description"),
        LocalDate.parse(root.get("effectiveDate").asText()),
        parents,
        rules,
        source,
        exclusions,
        overrides,
        includes);
  }

  private static Rule rule(JsonNode r) {
    List<Citation> citations = new ArrayList<>();
    r.get("citations")
        .forEach(
            c ->
                citations.add(
                    new Citation(c.get("document").asText(), c.get("section").asText(), text(c, "url"))));
    JsonNode applies = r.get("appliesTo");
    Set<ArtifactType> artifacts = new HashSet<>();
    applies.get("artifacts").forEach(a -> artifacts.add(ArtifactType.fromId(a.asText())));
    Set<String> pathways = new HashSet<>();
    applies.path("pathways").forEach(p -> pathways.add(p.asText()));
    Optional<Boolean> cyber =
        applies.has("cyberDevice") ? Optional.of(applies.get("cyberDevice").asBoolean()) : Optional.empty();
    JsonNode check = r.get("check");
    return new Rule(
        r.get("id").asText(),
        r.get("title").asText(),
        r.get("rationale").asText(),
        Severity.fromId(r.get("severity").asText()),
        citations,
        text(r, "remediation"),
        text(r, "notes"),
        new AppliesTo(artifacts, cyber, pathways),
        new CheckSpec(check.get("type").asText(), (ObjectNode) check.get("params")));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  /** Lazily built, shared schema checker (compiling the schema once per JVM). */
  private static final class SchemaHolder {
    static final SchemaCheck CHECK = SchemaCheck.forBundledSchemas();
  }
}
