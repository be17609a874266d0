package org.cyberbaseline.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.rules.Rule;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.dqi.DqiManifestReader;
import org.cyberbaseline.dqi.DqiReadResult;
import org.cyberbaseline.sbom.Sbom;
import org.cyberbaseline.sbom.SbomFormat;
import org.cyberbaseline.sbom.SbomReadResult;
import org.cyberbaseline.sbom.SbomReader;
import org.cyberbaseline.schemas.LocatedJson;
import org.cyberbaseline.schemas.LocatedJsonReader;
import org.cyberbaseline.schemas.Position;
import org.cyberbaseline.schemas.SchemaCheck;
import org.cyberbaseline.threatmodel.ThreatModelReader;
import org.cyberbaseline.validator.ArtifactSummary;
import org.cyberbaseline.validator.BaselineSummary;
import org.cyberbaseline.validator.DeviceIdentity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Limits;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.RuleResult;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.Submission;
import org.cyberbaseline.validator.SubmissionAccess;
import org.cyberbaseline.validator.Summary;
import org.cyberbaseline.validator.ValidationReport;
import org.cyberbaseline.validator.Waiver;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.DeclaredArtifact;
import org.cyberbaseline.validator.spi.DqiManifestArtifact;
import org.cyberbaseline.validator.spi.ThreatModelArtifact;
import org.cyberbaseline.validator.spi.Evaluation;
import org.cyberbaseline.validator.spi.SbomArtifact;
import org.cyberbaseline.validator.spi.UnopenedArtifact;
import org.cyberbaseline.validator.VulnerabilityEntry;
import org.cyberbaseline.vuln.FeedProblem;
import org.cyberbaseline.vuln.KevCatalog;
import org.cyberbaseline.vuln.OsvFeed;
import org.cyberbaseline.vuln.VexDocument;
import org.cyberbaseline.vuln.VexReader;
import org.cyberbaseline.vuln.VulnerabilityAssessment;
import org.cyberbaseline.vuln.VulnerabilityMatcher;
import org.cyberbaseline.vuln.VulnerabilityRow;

/**
 * Runs a resolved baseline over a submission: reads the manifest and the artifacts it lists, then
 * decides every rule in id order. Holds no per-run state, so one instance serves concurrent runs.
 */
public final class Engine {
  /** The supplementary kind of a software-support addendum (schema support-addendum-1.0). */
  static final String SOFTWARE_SUPPORT = "software-support";

  private static final Comparator<Finding> FINDING_ORDER =
      Comparator.comparing((Finding f) -> f.location().artifact())
          .thenComparing(f -> f.location().line().orElse(0))
          .thenComparing(f -> f.location().column().orElse(0))
          .thenComparing(f -> f.location().pointer().orElse(""))
          .thenComparing(Finding::ruleId)
          .thenComparing(Finding::message);

  private final RulePack pack;
  private final CheckRegistry registry;
  private final Clock clock;
  private final SbomReader sbomReader;
  private final DqiManifestReader dqiReader;
  private final ThreatModelReader threatModelReader;
  private final ManifestReader manifestReader;
  private final LocatedJsonReader locatedReader;
  private final SchemaCheck schemaCheck;
  private final int maxFindingsPerRule;
  private final VexReader vexReader;
  private final List<OsvFeed> osv;
  private final KevCatalog kev;
  private final VulnerabilityMatcher matcher;

  public Engine(RulePack pack, CheckRegistry registry, Clock clock, Limits limits) {
    this(pack, registry, clock, limits, List.of(), KevCatalog.none());
  }

  /**
   * @param osv OSV feeds read when the validator was built; indexed once here and shared by every run
   * @param kev the CISA KEV catalogue, or {@link KevCatalog#none()}
   */
  public Engine(RulePack pack, CheckRegistry registry, Clock clock, Limits limits, List<OsvFeed> osv, KevCatalog kev) {
    this.pack = pack;
    this.registry = registry;
    this.clock = clock;
    this.sbomReader = new SbomReader(limits.readLimits(), limits.maxComponents());
    this.dqiReader = new DqiManifestReader(limits.readLimits());
    this.threatModelReader = new ThreatModelReader(limits.readLimits());
    this.locatedReader = new LocatedJsonReader(limits.readLimits());
    this.maxFindingsPerRule = limits.maxFindingsPerRule();
    this.schemaCheck = SchemaCheck.forBundledSchemas();
    this.manifestReader = new ManifestReader(locatedReader, schemaCheck);
    this.vexReader = new VexReader(limits.readLimits());
    this.osv = List.copyOf(osv);
    this.kev = kev;
    this.matcher = VulnerabilityMatcher.of(this.osv);
  }

  /** This library's version (from the build). */
  public static String toolVersion() {
    return ToolVersion.get();
  }

  public ValidationReport validate(Submission submission) {
    List<Finding> inputProblems = new ArrayList<>();
    List<ArtifactSummary> artifacts = new ArrayList<>();
    List<SbomArtifact> sboms = new ArrayList<>();
    List<UnopenedArtifact> unopenedSboms = new ArrayList<>();
    List<DeclaredArtifact> declared = new ArrayList<>();
    List<Waiver> waivers = new ArrayList<>();
    List<SupportAddenda.Addendum> addenda = new ArrayList<>();
    Optional<DqiManifestArtifact> dqiManifest = Optional.empty();
    Optional<ThreatModelArtifact> threatModel = Optional.empty();
    List<VexDocument> vexDocuments = new ArrayList<>();
    List<VexDocument> embedded = new ArrayList<>();
    Optional<LocatedJson> manifestDocument = Optional.empty();
    Optional<DeviceIdentity> device = Optional.empty();
    Optional<LocalDate> submissionDate = Optional.empty();
    ValidationReport.Mode mode;

    if (submission.hasManifest()) {
      mode = ValidationReport.Mode.SUBMISSION;
      byte[] manifestBytes = SubmissionAccess.manifest(submission);
      ManifestReader.Manifest manifest = manifestReader.read(manifestBytes);
      inputProblems.addAll(manifest.problems());
      device = manifest.device();
      submissionDate = manifest.submissionDate();
      manifestDocument = manifest.document();
      artifacts.add(
          new ArtifactSummary(
              Submission.MANIFEST_FILE,
              ArtifactType.SUBMISSION,
              Optional.of("Cyber Baseline submission manifest"),
              Optional.of(sha256(manifestBytes))));
      Set<String> seen = new HashSet<>();
      for (ManifestReader.ArtifactRef ref : manifest.artifacts()) {
        Location at = manifestLocation(manifest.document(), ref.pointer());
        if (!seen.add(ref.path())) {
          inputProblems.add(
              InputProblems.finding(
                  InputProblems.ARTIFACT_DUPLICATE,
                  Severity.WARNING,
                  "'" + ref.path() + "' is listed more than once",
                  at));
          continue;
        }
        Optional<String> unsafe = ArtifactPaths.whyUnsafe(ref.path());
        Optional<String> why = unsafe.isPresent() ? unsafe : submission.whyUnreadable(ref.path());
        byte[] content = why.isPresent() ? null : SubmissionAccess.document(submission, ref.path());
        declared.add(new DeclaredArtifact(ref.type(), ref.path(), ref.kind(), ref.title(), content != null, at));
        if (content == null) {
          String reason = why.orElse("file was not provided with the submission");
          inputProblems.add(
              InputProblems.finding(
                  InputProblems.ARTIFACT_UNREADABLE,
                  Severity.ERROR,
                  ref.type().id() + " '" + ref.path() + "' cannot be read: " + reason,
                  at));
          artifacts.add(new ArtifactSummary(ref.path(), ref.type(), Optional.empty(), Optional.empty()));
          if (ref.type() == ArtifactType.SBOM) {
            unopenedSboms.add(new UnopenedArtifact(ref.path(), reason));
          }
          continue;
        }
        Optional<String> format = Optional.empty();
        if (ref.type() == ArtifactType.WAIVERS) {
          Waivers.Loaded loaded = Waivers.read(ref.path(), content, locatedReader, schemaCheck);
          waivers.addAll(loaded.waivers());
          inputProblems.addAll(loaded.problems());
          format = Optional.of("Cyber Baseline waivers");
        }
        if (ref.type() == ArtifactType.DQI_MANIFEST) {
          DqiManifestArtifact dqi = new DqiManifestArtifact(ref.path(), dqiReader.read(content));
          dqiManifest = Optional.of(dqi);
          format = dqi.manifest().map(m -> "Cyber Baseline DQI manifest " + m.manifestVersion());
        }
        if (ref.type() == ArtifactType.THREAT_MODEL) {
          ThreatModelArtifact tm = new ThreatModelArtifact(ref.path(), threatModelReader.read(content));
          threatModel = Optional.of(tm);
          format = tm.model().map(m -> m.format().displayName() + " " + m.formatVersion());
        }
        if (ref.type() == ArtifactType.SUPPLEMENTARY && ref.kind().equals(Optional.of(SOFTWARE_SUPPORT))) {
          SupportAddenda.Loaded loaded = SupportAddenda.read(ref.path(), content, locatedReader, schemaCheck);
          loaded.addendum().ifPresent(addenda::add);
          inputProblems.addAll(loaded.problems());
          format = Optional.of("Cyber Baseline software-support addendum");
        }
        if (ref.type() == ArtifactType.SBOM) {
          SbomArtifact sbom = readSbom(ref.path(), content, embedded);
          sboms.add(sbom);
          format = formatOf(sbom.read());
        }
        if (ref.type() == ArtifactType.VEX) {
          VexReader.Result vex = vexReader.read(ref.path(), content);
          vex.document().ifPresent(vexDocuments::add);
          for (FeedProblem problem : vex.problems()) {
            inputProblems.add(InputProblems.finding(
                InputProblems.VEX_INVALID,
                vex.document().isPresent() ? Severity.WARNING : Severity.ERROR,
                (vex.document().isPresent() ? "VEX document does not follow its schema: " : "VEX document cannot be read: ")
                    + problem.message(),
                located(problem)));
          }
          format = vex.document().map(VexDocument::formatLabel);
        }
        artifacts.add(new ArtifactSummary(ref.path(), ref.type(), format, Optional.of(sha256(content))));
      }
    } else {
      mode = ValidationReport.Mode.SBOM_ONLY;
      for (String path : submission.documentPaths()) {
        byte[] content = SubmissionAccess.document(submission, path);
        SbomArtifact sbom = readSbom(path, content, embedded);
        sboms.add(sbom);
        artifacts.add(new ArtifactSummary(path, ArtifactType.SBOM, formatOf(sbom.read()), Optional.of(sha256(content))));
      }
    }

    sboms = new ArrayList<>(SupportAddenda.apply(sboms, addenda, inputProblems));
    LocalDate referenceDate = submissionDate.orElse(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
    for (OsvFeed feed : osv) {
      feed.problems().forEach(p -> inputProblems.add(InputProblems.finding(
          InputProblems.FEED_INVALID, Severity.WARNING, "OSV record not used: " + p.message(), feedLocation(p))));
    }
    kev.problems().forEach(p -> inputProblems.add(InputProblems.finding(
        InputProblems.FEED_INVALID, Severity.WARNING, "KEV catalogue does not follow its schema: " + p.message(), feedLocation(p))));
    VulnerabilityAssessment assessment = assess(sboms, vexDocuments, embedded);
    RunState run = new RunState(mode, device, List.copyOf(sboms), List.copyOf(unopenedSboms), referenceDate,
        List.copyOf(declared), manifestDocument, dqiManifest, threatModel, assessment);
    List<RuleResult> results = new ArrayList<>();
    for (Rule rule : pack.rules()) {
      results.add(decide(rule, run));
    }
    if (!waivers.isEmpty()) {
      results = Waivers.apply(results, waivers, referenceDate, inputProblems);
    }
    // After the waivers, so that a waiver matching a finding beyond the limit is still "used".
    results = capFindings(results, inputProblems);
    inputProblems.sort(FINDING_ORDER);
    return new ValidationReport(
        ToolVersion.get(),
        clock.instant(),
        new BaselineSummary(pack.ref(), pack.title(), pack.effectiveDate(), pack.extendsPacks(), pack.exclusions()),
        mode,
        device,
        artifacts,
        inputProblems,
        results,
        Summary.of(results, inputProblems),
        assessment.feeds(),
        entries(assessment, sboms));
  }

  /**
   * Reads an SBOM and, from the same parsed tree, the vulnerabilities a CycloneDX JSON SBOM embeds
   * (read as a VEX document into {@code embedded}): the bytes are parsed once.
   */
  private SbomArtifact readSbom(String path, byte[] content, List<VexDocument> embedded) {
    AtomicReference<LocatedJson> tree = new AtomicReference<>();
    SbomReadResult read = sbomReader.read(content, tree::set);
    // Only an SBOM that was understood: vulnerabilities of one that was not have nothing to apply to.
    if (read instanceof SbomReadResult.Parsed parsed && parsed.sbom().format() == SbomFormat.CYCLONEDX_JSON) {
      vexReader.readEmbedded(path, tree.get()).ifPresent(embedded::add);
    }
    return new SbomArtifact(path, read);
  }

  private VulnerabilityAssessment assess(List<SbomArtifact> sboms, List<VexDocument> declared, List<VexDocument> embedded) {
    if (osv.isEmpty() && kev.name().isEmpty() && declared.isEmpty() && embedded.isEmpty()) {
      return VulnerabilityAssessment.EMPTY;
    }
    List<VulnerabilityAssessment.SbomSource> sources = new ArrayList<>();
    for (SbomArtifact sbom : sboms) {
      sbom.sbom().ifPresent(s -> sources.add(new VulnerabilityAssessment.SbomSource(sbom.path(), s)));
    }
    return VulnerabilityAssessment.assess(sources, osv, kev, matcher, declared, embedded);
  }

  /** The report's vulnerability table, located in the SBOMs and VEX documents. */
  private static List<VulnerabilityEntry> entries(VulnerabilityAssessment assessment, List<SbomArtifact> sboms) {
    List<VulnerabilityEntry> entries = new ArrayList<>();
    for (VulnerabilityRow row : assessment.rows()) {
      Location component = new Location(row.component().artifact(), Optional.of(row.component().component().pointer()),
          Optional.empty(), Optional.empty());
      for (SbomArtifact sbom : sboms) {
        if (sbom.path().equals(row.component().artifact()) && sbom.sbom().isPresent()) {
          Optional<Position> p = sbom.sbom().get().locator().positionOf(row.component().component().pointer());
          component = new Location(sbom.path(), Optional.of(row.component().component().pointer()),
              p.map(Position::line), p.map(Position::column));
        }
      }
      Optional<Location> statement = row.statement().map(s -> new Location(row.statementArtifact().orElse(""),
          Optional.of(s.pointer()), s.position().map(Position::line), s.position().map(Position::column)));
      entries.add(new VulnerabilityEntry(
          row.component().label(), component, row.vulnerability(), row.aliases(), row.kev(), row.known(),
          row.status().map(org.cyberbaseline.vuln.VexStatus::id),
          row.statement().map(org.cyberbaseline.vuln.VexStatement::statusAsWritten).filter(w -> !w.isEmpty()),
          row.statement().flatMap(s -> s.justification().or(s::impactStatement)),
          statement, row.sources()));
    }
    return entries;
  }

  /** A feed is not part of the submission: its files are named {@code feed:<name>/...}, never by absolute path. */
  private static Location feedLocation(FeedProblem problem) {
    Location in = located(problem);
    return new Location(Location.FEED_PREFIX + in.artifact(), in.pointer(), in.line(), in.column());
  }

  private static Location located(FeedProblem problem) {
    return new Location(problem.file(), Optional.of(problem.pointer()),
        problem.position().map(Position::line), problem.position().map(Position::column));
  }

  /**
   * Keeps the first {@code maxFindingsPerRule} findings of each rule (they are sorted, so the same
   * ones every time) and counts the rest in one {@code input.limit-exceeded} finding. Its severity
   * is the highest among the open findings left out, so the exit code does not change.
   */
  private List<RuleResult> capFindings(List<RuleResult> results, List<Finding> inputProblems) {
    List<RuleResult> capped = new ArrayList<>(results.size());
    for (RuleResult result : results) {
      List<Finding> findings = result.findings();
      if (findings.size() <= maxFindingsPerRule) {
        capped.add(result);
        continue;
      }
      List<Finding> omitted = findings.subList(maxFindingsPerRule, findings.size());
      Severity severity =
          omitted.stream()
              .filter(f -> !f.waived())
              .map(Finding::severity)
              .reduce((a, b) -> a.atLeast(b) ? a : b)
              .orElse(Severity.INFO);
      inputProblems.add(
          InputProblems.finding(
              InputProblems.LIMIT_EXCEEDED,
              severity,
              "rule " + result.ruleId() + " has " + findings.size() + " findings; only the first "
                  + maxFindingsPerRule + " are listed (limit: max findings per rule); the first left out is here",
              omitted.get(0).location()));
      capped.add(
          new RuleResult(
              result.ruleId(),
              result.title(),
              result.severity(),
              result.status(),
              result.explanation(),
              result.citations(),
              List.copyOf(findings.subList(0, maxFindingsPerRule))));
    }
    return capped;
  }

  private record RunState(
      ValidationReport.Mode mode,
      Optional<DeviceIdentity> device,
      List<SbomArtifact> sboms,
      List<UnopenedArtifact> unopenedSboms,
      LocalDate referenceDate,
      List<DeclaredArtifact> declaredArtifacts,
      Optional<LocatedJson> manifest,
      Optional<DqiManifestArtifact> dqiManifest,
      Optional<ThreatModelArtifact> threatModel,
      VulnerabilityAssessment vulnerabilities) {}

  private RuleResult decide(Rule rule, RunState run) {
    Optional<Evaluation> skipped = applicability(rule, run);
    Evaluation evaluation = skipped.orElseGet(() -> evaluate(rule, run));
    Status status;
    List<Finding> findings = List.of();
    // Java 17 has no pattern switch; the sealed interface keeps this chain exhaustive in review.
    if (evaluation instanceof Evaluation.Pass) {
      status = Status.PASS;
    } else if (evaluation instanceof Evaluation.Fail fail) {
      status = Status.FAIL;
      findings = fail.findings();
    } else if (evaluation instanceof Evaluation.NeedsReview review) {
      status = Status.NEEDS_REVIEW;
      findings = review.findings();
    } else {
      status = Status.NOT_APPLICABLE;
    }
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(FINDING_ORDER);
    return new RuleResult(
        rule.id(), rule.title(), rule.severity(), status, evaluation.explanation(), rule.citations(), sorted);
  }

  private static Optional<Evaluation> applicability(Rule rule, RunState run) {
    if (run.mode() == ValidationReport.Mode.SBOM_ONLY) {
      if (!rule.appliesTo().sbomOnly()) {
        return Optional.of(
            new Evaluation.NotApplicable(
                "needs a submission folder (reads "
                    + rule.appliesTo().artifacts().stream().map(ArtifactType::id).sorted().toList()
                    + "); only SBOM rules run on a lone SBOM"));
      }
      if (rule.appliesTo().hasDeviceConditions()) {
        return Optional.of(
            new Evaluation.NotApplicable(
                "depends on device facts (cyber-device status or pathway) that only a submission manifest declares"));
      }
      return Optional.empty();
    }
    Optional<Boolean> wantCyber = rule.appliesTo().cyberDevice();
    if (wantCyber.isPresent()) {
      Optional<Boolean> isCyber = run.device().flatMap(DeviceIdentity::cyberDevice);
      if (isCyber.isEmpty()) {
        return Optional.of(
            new Evaluation.NeedsReview(
                "the manifest does not say whether the device is a cyber device (FD&C Act 524B(c)),"
                    + " so a reviewer must decide whether this rule applies",
                List.of()));
      }
      if (!isCyber.get().equals(wantCyber.get())) {
        return Optional.of(
            new Evaluation.NotApplicable(
                "applies only to devices that " + (wantCyber.get() ? "are" : "are not")
                    + " cyber devices under FD&C Act 524B(c)"));
      }
    }
    if (!rule.appliesTo().pathways().isEmpty()) {
      Optional<String> pathway = run.device().flatMap(DeviceIdentity::pathway);
      if (pathway.isEmpty()) {
        return Optional.of(
            new Evaluation.NeedsReview(
                "the manifest declares no premarket pathway, so a reviewer must decide whether this rule applies",
                List.of()));
      }
      if (!rule.appliesTo().pathways().contains(pathway.get())) {
        return Optional.of(
            new Evaluation.NotApplicable(
                "applies only to the pathways " + rule.appliesTo().pathways().stream().sorted().toList()));
      }
    }
    return Optional.empty();
  }

  private Evaluation evaluate(Rule rule, RunState run) {
    // Presence was verified when the Validator was built.
    CheckType type = registry.find(rule.check().type()).orElseThrow();
    Context context = new Context(rule, run);
    try {
      return type.evaluate(context);
    } catch (RuntimeException | StackOverflowError e) {
      // A defect in a check must not lose the rest of the report; a human looks at this rule.
      return new Evaluation.NeedsReview(
          "check '" + type.name() + "' failed internally (" + e.getClass().getSimpleName()
              + "); the rule could not be decided automatically",
          List.of());
    }
  }

  private static Location manifestLocation(Optional<LocatedJson> manifest, String pointer) {
    Optional<Position> position = manifest.flatMap(m -> m.positionOf(pointer));
    return new Location(
        Submission.MANIFEST_FILE,
        Optional.of(pointer),
        position.map(Position::line),
        position.map(Position::column));
  }

  private static Optional<String> formatOf(SbomReadResult read) {
    if (read instanceof SbomReadResult.Parsed parsed) {
      Sbom sbom = parsed.sbom();
      return Optional.of(sbom.format().displayName() + " " + sbom.specVersion());
    }
    return Optional.empty();
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  private static final class Context implements CheckContext {
    private final Rule rule;
    private final RunState run;

    Context(Rule rule, RunState run) {
      this.rule = rule;
      this.run = run;
    }

    @Override
    public Rule rule() {
      return rule;
    }

    @Override
    public ObjectNode params() {
      return rule.check().params();
    }

    @Override
    public Optional<DeviceIdentity> device() {
      return run.device();
    }

    @Override
    public List<SbomArtifact> sboms() {
      return run.sboms();
    }

    @Override
    public Optional<DqiManifestArtifact> dqiManifest() {
      return run.dqiManifest();
    }

    @Override
    public Optional<ThreatModelArtifact> threatModel() {
      return run.threatModel();
    }

    @Override
    public List<UnopenedArtifact> unopenedSboms() {
      return run.unopenedSboms();
    }

    @Override
    public List<DeclaredArtifact> declaredArtifacts() {
      return run.declaredArtifacts();
    }

    @Override
    public Optional<JsonNode> manifest() {
      return run.manifest().map(LocatedJson::root);
    }

    @Override
    public Location locateInManifest(String pointer) {
      return manifestLocation(run.manifest(), pointer);
    }

    @Override
    public LocalDate referenceDate() {
      return run.referenceDate();
    }

    @Override
    public VulnerabilityAssessment vulnerabilities() {
      return run.vulnerabilities();
    }

    @Override
    public Finding finding(Severity severity, String message, Location location) {
      return new Finding(rule.id(), severity, message, location, rule.citations(), rule.remediation());
    }

    @Override
    public Location locate(String artifactPath, Sbom sbom, String pointer) {
      Optional<Position> position = sbom.locator().positionOf(pointer);
      return new Location(
          artifactPath, Optional.of(pointer), position.map(Position::line), position.map(Position::column));
    }
  }
}
