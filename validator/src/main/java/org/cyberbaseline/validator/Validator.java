package org.cyberbaseline.validator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cyberbaseline.rules.PackRef;
import org.cyberbaseline.rules.Rule;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.rules.RulePackException;
import org.cyberbaseline.rules.RulePackRepository;
import org.cyberbaseline.schemas.ReadLimits;
import org.cyberbaseline.validator.internal.CheckRegistry;
import org.cyberbaseline.validator.internal.Engine;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.vuln.FeedLimits;
import org.cyberbaseline.vuln.KevCatalog;
import org.cyberbaseline.vuln.OsvFeed;

/**
 * The one entry point: validates submissions against one baseline.
 *
 * <pre>{@code
 * Validator validator = Validator.builder().baseline("fda-premarket@2025.06").build();
 * ValidationReport report = validator.validate(Submission.fromDirectory(dir));
 * }</pre>
 *
 * <p>Everything that can be wrong with the configuration (unknown baseline, invalid pack, unknown
 * check type, bad check parameters) fails in {@link Builder#build()}, not during a run. A built
 * validator is immutable and safe to share between threads.
 */
public final class Validator {
  /**
   * The pack used when none is chosen: the newest version of the FDA premarket pack, because the
   * people who run this check a premarket submission, which FDA reviews under its current guidance.
   */
  public static final String DEFAULT_BASELINE_ID = "fda-premarket";

  private final RulePack baseline;
  private final Engine engine;
  private final Limits limits;

  private Validator(RulePack baseline, Engine engine, Limits limits) {
    this.baseline = baseline;
    this.engine = engine;
    this.limits = limits;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Validates one submission. Never throws for bad input documents: they become findings. */
  public ValidationReport validate(Submission submission) {
    return engine.validate(Objects.requireNonNull(submission, "submission"));
  }

  /** Version of this library, as written into every report. */
  public static String version() {
    return Engine.toolVersion();
  }

  /**
   * The resource limits of this validator; pass {@link Limits#maxFileBytes()} to {@link
   * Submission#fromDirectory(java.nio.file.Path, long)} so that reading the folder honours it too.
   */
  public Limits limits() {
    return limits;
  }

  /** The resolved baseline: its rules include those of every pack it extends. */
  public RulePack baseline() {
    return baseline;
  }

  /** Configures a {@link Validator}. */
  public static final class Builder {
    private String baseline = DEFAULT_BASELINE_ID;
    private final List<Path> packFiles = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Limits limits = Limits.DEFAULT;
    private ClassLoader classLoader = Validator.class.getClassLoader();
    private final List<Path> osvFeeds = new ArrayList<>();
    private Path kevCatalog;

    private Builder() {}

    public Builder baseline(String id, String version) {
      return baseline(new PackRef(id, version));
    }

    public Builder baseline(PackRef ref) {
      this.baseline = Objects.requireNonNull(ref, "ref").toString();
      return this;
    }

    /**
     * The baseline as a user writes it: {@code id@version}, or a bare {@code id} for that pack's
     * newest version (by effective date) among the bundled and added packs.
     */
    public Builder baseline(String spec) {
      this.baseline = Objects.requireNonNull(spec, "spec");
      return this;
    }

    /** Makes a user's pack file available; select it (or a pack extending it) with {@link #baseline}. */
    public Builder addPackFile(Path file) {
      packFiles.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    /** The clock stamped into reports and used as "today" when the manifest gives no date. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Ceilings for reading untrusted documents (size, nesting, string length). */
    public Builder readLimits(ReadLimits limits) {
      Objects.requireNonNull(limits, "limits");
      this.limits =
          this.limits
              .withMaxFileBytes(limits.maxBytes())
              .withMaxNestingDepth(limits.maxNestingDepth())
              .withMaxStringLength(limits.maxStringLength());
      return this;
    }

    /** Every resource limit at once (default {@link Limits#DEFAULT}). */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** Largest document read, in bytes (default 64 MiB). */
    public Builder maxFileBytes(long bytes) {
      this.limits = limits.withMaxFileBytes(bytes);
      return this;
    }

    /** Most components one SBOM may have (default 100,000). */
    public Builder maxComponents(int components) {
      this.limits = limits.withMaxComponents(components);
      return this;
    }

    /** Deepest nesting of a JSON, YAML or XML document (default 200). */
    public Builder maxNestingDepth(int depth) {
      this.limits = limits.withMaxNestingDepth(depth);
      return this;
    }

    /** Most findings kept per rule (default 1,000); the rest are counted in one finding. */
    public Builder maxFindingsPerRule(int findings) {
      this.limits = limits.withMaxFindingsPerRule(findings);
      return this;
    }

    /** Where {@link CheckType} implementations are looked up; defaults to this library's loader. */
    public Builder checkTypeClassLoader(ClassLoader classLoader) {
      this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
      return this;
    }

    /**
     * An offline OSV feed: a folder of OSV JSON records (searched recursively) or a zip of them, as
     * OSV publishes per ecosystem. Repeatable. Read once, in {@link #build()}; nothing is fetched.
     */
    public Builder osv(Path folderOrZip) {
      osvFeeds.add(Objects.requireNonNull(folderOrZip, "folderOrZip"));
      return this;
    }

    /** The CISA Known Exploited Vulnerabilities catalogue (its JSON file), read once in {@link #build()}. */
    public Builder kev(Path catalogue) {
      this.kevCatalog = Objects.requireNonNull(catalogue, "catalogue");
      return this;
    }

    public Validator build() throws ConfigurationException {
      RulePack pack;
      try {
        RulePackRepository.Builder repository = RulePackRepository.builder();
        packFiles.forEach(repository::addFile);
        RulePackRepository packs = repository.build();
        pack = packs.resolve(packs.select(baseline));
      } catch (RulePackException e) {
        throw new ConfigurationException(e.getMessage(), e);
      }
      CheckRegistry registry = CheckRegistry.load(classLoader);
      for (Rule rule : pack.rules()) {
        CheckType type =
            registry
                .find(rule.check().type())
                .orElseThrow(
                    () ->
                        new ConfigurationException(
                            "rule "
                                + rule.id()
                                + " of "
                                + pack.ref()
                                + " names check type '"
                                + rule.check().type()
                                + "', which is not on the classpath; known: "
                                + registry.all().keySet()));
        try {
          type.checkParameters(rule.check().params());
        } catch (IllegalArgumentException e) {
          throw new ConfigurationException(
              "rule " + rule.id() + " of " + pack.ref() + ": invalid parameters for check '"
                  + type.name() + "': " + e.getMessage(),
              e);
        }
      }
      FeedLimits feedLimits = new FeedLimits(limits.readLimits(), FeedLimits.DEFAULT.maxTotalBytes(), FeedLimits.DEFAULT.maxEntries());
      List<OsvFeed> feeds = new ArrayList<>();
      KevCatalog kev = KevCatalog.none();
      try {
        for (Path feed : osvFeeds) {
          feeds.add(OsvFeed.read(feed, feedLimits));
        }
        if (kevCatalog != null) {
          kev = KevCatalog.read(kevCatalog, feedLimits);
        }
      } catch (IOException e) {
        throw new ConfigurationException("vulnerability feed: " + e.getMessage(), e);
      }
      return new Validator(pack, new Engine(pack, registry, clock, limits, feeds, kev), limits);
    }
  }
}
