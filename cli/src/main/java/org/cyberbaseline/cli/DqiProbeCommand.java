package org.cyberbaseline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.cyberbaseline.dqi.probe.DqiProbe;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.rules.RulePackException;
import org.cyberbaseline.rules.RulePackRepository;
import org.cyberbaseline.validator.ValidationReport;
import org.cyberbaseline.validator.report.HtmlReport;
import org.cyberbaseline.validator.report.JUnitXmlReport;
import org.cyberbaseline.validator.report.JsonReport;
import org.cyberbaseline.validator.report.MarkdownReport;
import org.cyberbaseline.validator.report.ReportFiles;
import org.cyberbaseline.validator.report.SarifReport;
import org.cyberbaseline.validator.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cyber-baseline dqi probe}: checks a running DQI against its manifest. */
@Command(
    name = "probe",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Probes a running Device Query Interface over HTTPS and checks it against its DQI manifest: every declared"
          + " query answers in a declared format, unauthenticated requests are refused and reveal no version string,"
          + " the TLS versions accepted match the manifest, the inventory served matches --sbom, answers arrive within"
          + " --max-latency. Results are the DQI rules of " + DqiProbe.BASELINE + " with their citations, in the same"
          + " report formats as validate.",
      "",
      "Passive checks send about two requests per declared query plus one TLS handshake per protocol version."
          + " --active adds four mutating requests and a burst of at most the declared burst + 5 requests ("
          + DqiProbe.MAX_RATE_LIMIT_REQUESTS + " at most): only against a DQI you may disturb, never a device in"
          + " clinical use without its owner's consent.",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no finding at or above --fail-on",
      "1:at least one finding at or above --fail-on",
      "2:usage error, unreadable manifest/SBOM/key file, or active checks refused against a non-loopback address",
      "3:internal error"
    },
    footerHeading = "%nKey files:%n",
    footer = {
      "--client-cert and --trust-store are PKCS#12 files; their password is read from the environment variable "
          + DqiProbeCommand.PASSWORD_ENV + " (empty if unset). --token @FILE reads the token from FILE, keeping it"
          + " out of the shell history."
    })
final class DqiProbeCommand implements Callable<Integer> {
  static final String PASSWORD_ENV = "CYBER_BASELINE_KEYSTORE_PASSWORD";

  private final Io io;

  @Parameters(index = "0", paramLabel = "URL", description = "Base URL of the DQI, e.g. https://10.1.2.3:8443")
  String url;

  @Option(names = "--manifest", required = true, paramLabel = "FILE", description = "The DQI conformance manifest (dqi-manifest-1.0).")
  Path manifest;

  @Option(names = "--sbom", paramLabel = "FILE", description = "The submitted SBOM; the inventory served must list the same components.")
  Path sbom;

  @Option(names = "--client-cert", paramLabel = "FILE", description = "PKCS#12 client key and certificate, for mutual TLS.")
  Path clientCert;

  @Option(names = "--trust-store", paramLabel = "FILE",
      description = "PKCS#12 trust store with the DQI's CA or certificate (default: the JDK's trust store).")
  Path trustStore;

  @Option(names = "--token", paramLabel = "TOKEN|@FILE", description = "Bearer token of the DQI role; @FILE reads it from FILE.")
  String token;

  @Option(names = "--active", description = "Also send the active checks: mutating methods and a bounded burst above the rate limit.")
  boolean active;

  @Option(names = "--allow-non-loopback-active",
      description = "Allow --active against an address that is not loopback (the target may be a device in clinical use).")
  boolean allowNonLoopbackActive;

  @Option(names = "--max-latency", paramLabel = "MS", defaultValue = "2000",
      converter = ValidateCommand.NonNegativeConverter.class,
      description = "Slowest acceptable answer in milliseconds when the manifest declares none"
          + " (dqi.availability.maxResponseMillis wins; default: ${DEFAULT-VALUE}).")
  int maxLatencyMillis;

  @Option(names = "--format", paramLabel = "FORMAT", split = ",", converter = ValidateCommand.FormatConverter.class,
      description = "Reports to produce, comma-separated (default: text,json): text, json, sarif, html, md, junit.")
  List<ValidateCommand.Format> formats;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "cyber-baseline-report",
      description = "Folder for the report files (default: ./${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "error", converter = ValidateCommand.FailOnConverter.class,
      description = "Exit 1 when a finding is at or above LEVEL: error, warning, info, or never (default: ${DEFAULT-VALUE}).")
  ValidateCommand.FailOn failOn;

  @Option(names = "--timestamp", paramLabel = "RFC3339", converter = ValidateCommand.InstantConverter.class,
      description = "Fixes the report's timestamp, overriding SOURCE_DATE_EPOCH.")
  Instant timestamp;

  @Mixin VerboseOption verbose;

  DqiProbeCommand(Io io) {
    this.io = io;
  }

  @Override
  public Integer call() {
    URI target;
    try {
      target = new URI(url);
    } catch (URISyntaxException e) {
      throw new CliException("'" + url + "' is not a URL: " + e.getReason());
    }
    Set<ValidateCommand.Format> chosen = formats == null || formats.isEmpty()
        ? ValidateCommand.DEFAULT_FORMATS : EnumSet.copyOf(formats);
    byte[] manifestBytes = read(manifest, "--manifest");
    Optional<byte[]> sbomBytes = sbom == null ? Optional.empty() : Optional.of(read(sbom, "--sbom"));
    DqiProbe.Options options;
    try {
      options = new DqiProbe.Options(target, manifest.getFileName().toString(), manifestBytes,
          Optional.ofNullable(sbom).map(p -> p.getFileName().toString()), sbomBytes, sslContext(true), sslContext(false),
          Optional.ofNullable(token).map(this::tokenValue), active, allowNonLoopbackActive,
          Duration.ofMillis(maxLatencyMillis), VersionProvider.version(), ValidateCommand.clock(timestamp, io));
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    }
    ValidationReport report;
    RulePack baseline;
    try {
      report = DqiProbe.probe(options);
      RulePackRepository repository = RulePackRepository.bundled();
      baseline = repository.resolve(repository.select(DqiProbe.BASELINE));
    } catch (IllegalArgumentException | RulePackException e) {
      throw new CliException(e.getMessage(), e);
    }
    List<String> written = new ArrayList<>();
    for (ValidateCommand.Format format : chosen) {
      if (format.fileName().isEmpty()) {
        continue;
      }
      Path file = output.resolve(format.fileName().get());
      byte[] content = switch (format) {
        case JSON -> JsonReport.toBytes(report);
        case SARIF -> SarifReport.toBytes(report, baseline, SarifReport.Options.DEFAULT);
        case HTML -> HtmlReport.render(report, baseline).getBytes(StandardCharsets.UTF_8);
        case MD -> MarkdownReport.render(report, 10).getBytes(StandardCharsets.UTF_8);
        case JUNIT -> JUnitXmlReport.toBytes(report);
        case TEXT -> throw new IllegalStateException("text is printed");
      };
      try {
        ReportFiles.writeAtomically(file, content);
      } catch (IOException e) {
        throw new CliException("cannot write the report to " + file + ": " + ValidateCommand.describe(e), e);
      }
      written.add("report: " + file);
    }
    if (chosen.contains(ValidateCommand.Format.TEXT)) {
      io.out().print(TextReport.render(report, 10));
    } else {
      io.out().println(TextReport.summaryLine(report));
    }
    written.forEach(io.out()::println);
    io.out().flush();
    boolean failed = failOn.threshold().isPresent() && report.hasFindingsAtOrAbove(failOn.threshold().get());
    return failed ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private String tokenValue(String value) {
    if (value.startsWith("@")) {
      return new String(read(Path.of(value.substring(1)), "--token"), StandardCharsets.UTF_8).strip();
    }
    return value;
  }

  /** The probe's TLS context; without {@code withKey} the same trust and no client certificate. */
  private SSLContext sslContext(boolean withKey) {
    char[] password = Optional.ofNullable(io.env().get(PASSWORD_ENV)).orElse("").toCharArray();
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      KeyManagerFactory keys = null;
      if (withKey && clientCert != null) {
        keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(clientCert, "--client-cert", password), password);
      }
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trustStore == null ? null : load(trustStore, "--trust-store", password));
      context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new CliException("cannot use the key files: " + e.getMessage(), e);
    }
  }

  private static KeyStore load(Path file, String option, char[] password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new CliException(option + " " + file + " is not a PKCS#12 file this password opens ("
          + PASSWORD_ENV + "): " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    }
  }

  private static byte[] read(Path file, String option) {
    try {
      if (Files.size(file) > 64L * 1024 * 1024) {
        throw new CliException(option + " " + file + " is larger than 64 MiB");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CliException(option + ": " + ValidateCommand.describe(e), e);
    }
  }

}
