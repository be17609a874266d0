package org.cyberbaseline.dqi.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.dqi.DqiManifestReader;
import org.cyberbaseline.dqi.DqiReadResult;
import org.cyberbaseline.dqi.probe.internal.TlsVersions;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.rules.Rule;
import org.cyberbaseline.rules.RulePack;
import org.cyberbaseline.rules.RulePackException;
import org.cyberbaseline.rules.RulePackRepository;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.sbom.SbomReadResult;
import org.cyberbaseline.sbom.SbomReader;
import org.cyberbaseline.validator.ArtifactSummary;
import org.cyberbaseline.validator.BaselineSummary;
import org.cyberbaseline.validator.DeviceIdentity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.RuleResult;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.Summary;
import org.cyberbaseline.validator.ValidationReport;

/**
 * Checks a running Device Query Interface against its DQI manifest and returns the outcome as a
 * {@link ValidationReport} (mode {@code live-probe}) whose results are the cyber-baseline pack's DQI rules,
 * with that pack's titles, severities and citations, so every report writer works on it.
 *
 * <p>Passive checks (always): each declared query answers 200 with a declared media type and a body that
 * parses as it (DQI-009/-010 for the answer, DQI-011 for the format); unauthenticated requests are refused and
 * reveal no version string (DQI-003); the TLS versions accepted, tried one at a time, are those the manifest
 * allows (DQI-006); the inventory served has the same components as the submitted SBOM (XART-005); each
 * answer arrives within the latency bound (DQI-008). Active checks (only with {@link Options#active()}, a
 * bounded number of requests): mutating methods are refused (DQI-002); the rate limit is enforced (DQI-007).
 */
public final class DqiProbe {
  /** The pack whose DQI rules the probe reports. */
  public static final String BASELINE = "cyber-baseline@1.0";

  /** Most requests the active rate-limit check sends, whatever the manifest declares. */
  public static final int MAX_RATE_LIMIT_REQUESTS = 120;

  private static final List<String> MUTATING = List.of("POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> CORE = Set.of("device-identity", "software-inventory", "patch-level");
  private static final Pattern JAVA_VERSION = Pattern.compile(
      "(?i)\\b(java|jdk|openjdk|jetty|tomcat|undertow|netty|apache|nginx)[/ ]?v?\\d+(\\.\\d+)*");

  private final Options options;
  private final RulePack pack;
  private final HttpClient client;
  private final HttpClient anonymousClient;
  private final Map<String, List<Finding>> findings = new LinkedHashMap<>();
  private final Map<String, Status> probed = new LinkedHashMap<>();

  /**
   * What to probe and how.
   *
   * @param target base URL of the DQI, e.g. {@code https://10.0.0.5:8443}; query paths come from the manifest
   * @param manifestName file name of the manifest (shown in the report)
   * @param manifest the DQI manifest bytes
   * @param sbomName file name of the submitted SBOM, with {@code sbom}
   * @param sbom the submitted SBOM (CycloneDX or SPDX), to compare with the inventory served
   * @param tls trust (and, for mutual TLS, the client key) of the probe
   * @param anonymousTls the same trust without any client key: the unauthenticated checks use it, so that a
   *     mutual-TLS DQI sees them as what they are
   * @param token a bearer token, for DQIs using one
   * @param active send the active checks (mutating methods, rate limit)
   * @param allowNonLoopbackActive allow the active checks against an address that is not loopback
   * @param maxLatency answers slower than this fail DQI-008
   * @param toolVersion the version written into the report
   * @param clock time of the report
   */
  public record Options(URI target, String manifestName, byte[] manifest, Optional<String> sbomName,
      Optional<byte[]> sbom, SSLContext tls, SSLContext anonymousTls, Optional<String> token, boolean active, boolean allowNonLoopbackActive,
      Duration maxLatency, String toolVersion, Clock clock) {
    public Options {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(manifestName, "manifestName");
      Objects.requireNonNull(manifest, "manifest");
      Objects.requireNonNull(sbomName, "sbomName");
      Objects.requireNonNull(sbom, "sbom");
      Objects.requireNonNull(tls, "tls");
      Objects.requireNonNull(anonymousTls, "anonymousTls");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(maxLatency, "maxLatency");
      Objects.requireNonNull(toolVersion, "toolVersion");
      Objects.requireNonNull(clock, "clock");
      if (!"https".equalsIgnoreCase(target.getScheme()) || target.getHost() == null) {
        throw new IllegalArgumentException("the DQI URL must be https://host[:port], not " + target);
      }
    }
  }

  private DqiProbe(Options options) throws RulePackException {
    this.options = options;
    RulePackRepository repository = RulePackRepository.bundled();
    this.pack = repository.resolve(repository.select(BASELINE));
    this.client = HttpClient.newBuilder().sslContext(options.tls()).connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    this.anonymousClient = HttpClient.newBuilder().sslContext(options.anonymousTls())
        .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /**
   * Probes the target. Throws {@link IllegalArgumentException} before sending anything when active checks
   * are asked for against a non-loopback address without {@link Options#allowNonLoopbackActive()}.
   */
  public static ValidationReport probe(Options options) throws RulePackException {
    if (options.active() && !options.allowNonLoopbackActive() && !isLoopback(options.target().getHost())) {
      throw new IllegalArgumentException("refusing active checks against " + options.target().getHost()
          + ", which is not a loopback address: the target may be a device in clinical use. Pass"
          + " --allow-non-loopback-active if you are entitled to send it mutating requests and bursts");
    }
    return new DqiProbe(options).run();
  }

  static boolean isLoopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private ValidationReport run() {
    List<Finding> inputProblems = new ArrayList<>();
    List<ArtifactSummary> artifacts = new ArrayList<>();
    artifacts.add(new ArtifactSummary(options.manifestName(), ArtifactType.DQI_MANIFEST, Optional.of("dqi-manifest-1.0"),
        Optional.of(sha256(options.manifest()))));
    options.sbomName().ifPresent(name -> artifacts.add(new ArtifactSummary(name, ArtifactType.SBOM, Optional.empty(),
        Optional.of(sha256(options.sbom().orElseThrow())))));
    DqiReadResult read = new DqiManifestReader().read(options.manifest());
    Optional<DeviceIdentity> device = Optional.empty();
    if (read instanceof DqiReadResult.Unreadable unreadable) {
      inputProblems.add(new Finding("DQI-001", pack.rule("DQI-001").map(Rule::severity).orElseThrow(),
          "the DQI manifest cannot be read, so nothing was probed: " + unreadable.problem().message(),
          new Location(options.manifestName(), Optional.of(unreadable.problem().pointer()), Optional.empty(),
              Optional.empty()), citations("DQI-001"), Optional.empty()));
    } else {
      DqiManifest manifest = ((DqiReadResult.Parsed) read).manifest();
      var d = manifest.device();
      device = Optional.of(new DeviceIdentity(d.manufacturer().orElse(""), d.deviceName().orElse(""),
          d.model().orElse(""), d.softwareVersion().orElse(""), Optional.empty(), Optional.empty()));
      checkQueries(manifest);
      checkUnauthenticated(manifest);
      checkTls(manifest);
      options.sbom().ifPresent(sbom -> checkInventory(manifest, sbom));
      if (options.active()) {
        checkMutatingMethods(manifest);
        checkRateLimit(manifest);
      }
    }
    List<RuleResult> results = new ArrayList<>();
    for (Map.Entry<String, Status> entry : new java.util.TreeMap<>(probed).entrySet()) {
      Rule rule = pack.rule(entry.getKey()).orElseThrow();
      List<Finding> list = findings.getOrDefault(entry.getKey(), List.of());
      Status status = entry.getValue() == Status.NEEDS_REVIEW ? Status.NEEDS_REVIEW
          : list.stream().anyMatch(f -> f.severity() == rule.severity()) ? Status.FAIL : Status.PASS;
      results.add(new RuleResult(rule.id(), rule.title(), rule.severity(), status, explanation(rule.id(), status),
          rule.citations(), list));
    }
    BaselineSummary baseline = new BaselineSummary(pack.ref(), pack.title(), pack.effectiveDate(), pack.extendsPacks(),
        pack.exclusions());
    return new ValidationReport(options.toolVersion(), options.clock().instant(), baseline,
        ValidationReport.Mode.LIVE_PROBE, device, artifacts, inputProblems, results, Summary.of(results, inputProblems));
  }

  private String explanation(String ruleId, Status status) {
    String what = switch (ruleId) {
      case "DQI-002" -> "mutating methods sent to the live DQI (active check)";
      case "DQI-003" -> "unauthenticated requests to every declared query";
      case "DQI-006" -> "one TLS handshake per protocol version against the live DQI";
      case "DQI-007" -> "a bounded burst above the declared rate limit (active check)";
      case "DQI-008" -> "answer time of every declared query";
      case "DQI-009", "DQI-010" -> "every declared query sent with the probe's credentials";
      case "DQI-011" -> "media type and body of every answer";
      case "XART-005" -> "components of the inventory served compared with the submitted SBOM";
      default -> "live probe";
    };
    return (status == Status.PASS ? "Live probe passed: " : status == Status.FAIL ? "Live probe failed: " : "Live probe: ")
        + what + ".";
  }

  // ------------------------------------------------------------------------------------------ passive

  private record Answer(int status, Optional<String> contentType, byte[] body, Map<String, List<String>> headers,
      long millis) {}

  private void checkQueries(DqiManifest manifest) {
    List<DqiManifest.Query> queries = manifest.dqi().queries();
    // The manufacturer's own declaration is the bound when it makes one; the option covers manifests without.
    Optional<Integer> declaredBound = manifest.dqi().availability().flatMap(DqiManifest.Availability::maxResponseMillis);
    long bound = declaredBound.map(Integer::longValue).orElse(options.maxLatency().toMillis());
    String boundSource = declaredBound.isPresent() ? "the declared bound (dqi.availability.maxResponseMillis)" : "the bound";
    for (int i = 0; i < queries.size(); i++) {
      DqiManifest.Query q = queries.get(i);
      Optional<String> path = path(q);
      if (path.isEmpty()) {
        continue;
      }
      String rule = CORE.contains(q.category().orElse("")) ? "DQI-009" : "DQI-010";
      touch(rule);
      touch("DQI-011");
      touch("DQI-008");
      String pointer = "/dqi/queries/" + i;
      Answer answer;
      try {
        answer = send("GET", path.get(), true);
      } catch (IOException e) {
        fail(rule, path.get(), "query " + q.id().orElse(pointer) + " (" + pointer + ") could not be sent: " + message(e));
        continue;
      }
      if (answer.millis() > bound) {
        fail("DQI-008", path.get(), "query " + q.id().orElse(pointer) + " answered in " + answer.millis()
            + " ms, above " + boundSource + " of " + bound + " ms");
      }
      if (answer.status() != 200) {
        fail(rule, path.get(), "query " + q.id().orElse(pointer) + " (" + pointer + ") answered HTTP " + answer.status()
            + " to an authenticated GET, not 200");
        continue;
      }
      String type = answer.contentType().orElse("");
      Optional<String> declared = q.formats().stream().filter(f -> sameMediaType(f, type)).findFirst();
      if (declared.isEmpty()) {
        fail("DQI-011", path.get(), "query " + q.id().orElse(pointer) + " answered Content-Type '" + type
            + "', which is none of the declared formats " + q.formats() + " (" + pointer + "/formats)");
        continue;
      }
      Optional<String> parseProblem = parses(type, answer.body());
      parseProblem.ifPresent(p -> fail("DQI-011", path.get(), "query " + q.id().orElse(pointer) + " answered '"
          + type + "' but the body is not that: " + p));
    }
  }

  private void checkUnauthenticated(DqiManifest manifest) {
    touch("DQI-003");
    Set<String> open = new TreeSet<>(manifest.dqi().authentication()
        .flatMap(DqiManifest.Authentication::unauthenticatedOperations).orElse(List.of()));
    List<String> versions = new ArrayList<>();
    manifest.device().softwareVersion().ifPresent(versions::add);
    for (DqiManifest.Query q : manifest.dqi().queries()) {
      Optional<String> path = path(q);
      if (path.isEmpty()) {
        continue;
      }
      Answer answer;
      try {
        answer = send("GET", path.get(), false);
      } catch (IOException e) {
        continue; // refused at the TLS layer (mutual TLS without a client certificate): nothing revealed
      }
      boolean declaredOpen = q.id().map(open::contains).orElse(false) || open.contains(q.operation().orElse(""));
      if (answer.status() / 100 == 2 && !declaredOpen) {
        fail("DQI-003", path.get(), "query " + q.id().orElse(path.get()) + " answered HTTP " + answer.status()
            + " without credentials");
      }
      leaks(answer, versions).ifPresent(leak -> fail("DQI-003", path.get(),
          "an unauthenticated request was answered with a version string: " + leak));
    }
  }

  private static Optional<String> leaks(Answer answer, List<String> versions) {
    for (var header : new java.util.TreeMap<>(answer.headers()).entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (name.equals("server") || name.equals("x-powered-by") || name.equals("x-aspnet-version")) {
        return Optional.of("header " + header.getKey() + ": " + String.join(", ", header.getValue()));
      }
      for (String value : header.getValue()) {
        Optional<String> hit = versionIn(value, versions);
        if (hit.isPresent()) {
          return Optional.of("header " + header.getKey() + " contains " + hit.get());
        }
      }
    }
    String body = new String(answer.body(), 0, Math.min(answer.body().length, 65_536), StandardCharsets.UTF_8);
    return versionIn(body, versions).map(hit -> "the body contains " + hit);
  }

  private static Optional<String> versionIn(String text, List<String> versions) {
    for (String version : versions) {
      if (!version.isBlank() && text.contains(version)) {
        return Optional.of("the device software version '" + version + "'");
      }
    }
    var m = JAVA_VERSION.matcher(text);
    return m.find() ? Optional.of("'" + m.group() + "'") : Optional.empty();
  }

  private void checkTls(DqiManifest manifest) {
    Optional<DqiManifest.Transport> transport = iface(manifest).flatMap(DqiManifest.Interface::transport);
    Optional<String> min = transport.flatMap(DqiManifest.Transport::tlsMinVersion);
    touch("DQI-006");
    InetSocketAddress address = new InetSocketAddress(options.target().getHost(), port());
    List<String> accepted = new ArrayList<>();
    for (String version : TlsVersions.ALL) {
      if (TlsVersions.accepts(address, version, options.tls(), 5000)) {
        accepted.add(version);
      }
    }
    String where = "TLS " + address.getHostString() + ":" + address.getPort();
    if (min.isEmpty()) {
      fail("DQI-006", where, "the manifest declares no tlsMinVersion for this interface; the DQI accepted TLS " + accepted);
      return;
    }
    for (String version : accepted) {
      if (version.compareTo(min.get()) < 0) {
        fail("DQI-006", where, "the DQI accepted a TLS " + version + " handshake, below the declared minimum "
            + min.get() + " (accepted: " + accepted + ")");
      }
    }
    if (accepted.stream().noneMatch(v -> v.compareTo(min.get()) >= 0)) {
      fail("DQI-006", where, "no handshake succeeded at TLS " + min.get() + " or above (accepted: " + accepted + ")");
    }
  }

  private void checkInventory(DqiManifest manifest, byte[] sbom) {
    Optional<DqiManifest.Query> inventory = manifest.dqi().queries().stream()
        .filter(q -> q.category().orElse("").equals("software-inventory")).findFirst();
    touch("XART-005");
    String sbomName = options.sbomName().orElse("sbom");
    if (inventory.isEmpty() || path(inventory.get()).isEmpty()) {
      fail("XART-005", options.manifestName(), "the manifest declares no software-inventory query with a GET path to compare");
      return;
    }
    String path = path(inventory.get()).get();
    Optional<Set<String>> submitted = components(sbom, sbomName);
    if (submitted.isEmpty()) {
      return;
    }
    Answer answer;
    try {
      answer = send("GET", path, true);
    } catch (IOException e) {
      fail("XART-005", path, "the inventory could not be fetched: " + message(e));
      return;
    }
    if (answer.status() != 200) {
      fail("XART-005", path, "the inventory query answered HTTP " + answer.status());
      return;
    }
    Optional<Set<String>> served = components(answer.body(), path);
    if (served.isEmpty()) {
      return;
    }
    Set<String> missing = new TreeSet<>(submitted.get());
    missing.removeAll(served.get());
    Set<String> extra = new TreeSet<>(served.get());
    extra.removeAll(submitted.get());
    if (!missing.isEmpty()) {
      fail("XART-005", path, "components of " + sbomName + " not in the inventory served: " + limit(missing));
    }
    if (!extra.isEmpty()) {
      fail("XART-005", path, "components served that " + sbomName + " does not list: " + limit(extra));
    }
  }

  /** Each component as "name version [purl] [cpe]": the identity the issue asks to compare. */
  private Optional<Set<String>> components(byte[] bytes, String artifact) {
    SbomReadResult read = new SbomReader().read(bytes);
    if (read instanceof SbomReadResult.Unreadable u) {
      fail("XART-005", artifact, "not a readable SBOM: " + u.problem().message());
      return Optional.empty();
    }
    Set<String> keys = new TreeSet<>();
    for (Component c : ((SbomReadResult.Parsed) read).sbom().components()) {
      keys.add(c.name().orElse("?") + " " + c.version().orElse("?") + c.purl().map(p -> " " + p).orElse("")
          + c.cpe().map(p -> " " + p).orElse(""));
    }
    return Optional.of(keys);
  }

  // ------------------------------------------------------------------------------------------- active

  private void checkMutatingMethods(DqiManifest manifest) {
    touch("DQI-002");
    Optional<String> path = manifest.dqi().queries().stream().map(DqiProbe::path).flatMap(Optional::stream).findFirst();
    if (path.isEmpty()) {
      return;
    }
    for (String method : MUTATING) {
      try {
        Answer answer = send(method, path.get(), true);
        if (answer.status() / 100 == 2 || answer.status() / 100 == 3) {
          fail("DQI-002", path.get(), method + " was answered HTTP " + answer.status() + ", not refused (405)");
        }
      } catch (IOException e) {
        // Connection refused or reset: the method was not accepted.
      }
    }
  }

  private void checkRateLimit(DqiManifest manifest) {
    touch("DQI-007");
    Optional<DqiManifest.RateLimit> limit = manifest.dqi().isolation().flatMap(DqiManifest.Isolation::rateLimit);
    Optional<String> path = manifest.dqi().queries().stream().map(DqiProbe::path).flatMap(Optional::stream).findFirst();
    if (limit.isEmpty() || limit.get().burst().isEmpty() || path.isEmpty()) {
      fail("DQI-007", options.manifestName(), "the manifest declares no rate limit burst to test");
      return;
    }
    int requests = Math.min(MAX_RATE_LIMIT_REQUESTS, limit.get().burst().get() + 5);
    int rejected = 0;
    for (int i = 0; i < requests && rejected == 0; i++) {
      try {
        int status = send("HEAD", path.get(), true).status();
        if (status == 429 || status == 503) {
          rejected++;
        }
      } catch (IOException e) {
        rejected++; // dropping the connection is a rejection too
      }
    }
    if (rejected == 0) {
      fail("DQI-007", path.get(), requests + " requests in a burst (declared burst " + limit.get().burst().get()
          + ", " + limit.get().requestsPerMinute().map(r -> r + "/min").orElse("no rate") + ") were all answered;"
          + " the rate limit is not enforced");
    }
  }

  // --------------------------------------------------------------------------------------------- http

  private Answer send(String method, String path, boolean authenticated) throws IOException {
    for (int attempt = 0; ; attempt++) {
      HttpRequest.Builder request = HttpRequest.newBuilder(options.target().resolve(path))
          .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
      if (authenticated) {
        options.token().ifPresent(t -> request.header("Authorization", "Bearer " + t));
      }
      long start = System.nanoTime();
      HttpResponse<byte[]> response;
      try {
        response = (authenticated ? client : anonymousClient).send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      // A passive check that meets the rate limit waits as told (at most 2 s, twice) instead of misreading it.
      if (response.statusCode() == 429 && attempt < 2 && !method.equals("HEAD")) {
        long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
        try {
          Thread.sleep(Math.min(2000, Math.max(1, wait) * 1000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
        continue;
      }
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type"), response.body(),
          response.headers().map(), millis);
    }
  }

  // ------------------------------------------------------------------------------------------ helpers

  private static Optional<String> path(DqiManifest.Query q) {
    String op = q.operation().orElse("").strip();
    if (!op.regionMatches(true, 0, "GET ", 0, 4)) {
      return Optional.empty();
    }
    String path = op.substring(4).strip();
    int brace = path.indexOf('{');
    if (brace >= 0) {
      // A templated query (?since={rfc3339}) is sent without its parameters.
      path = path.substring(0, brace);
      int question = path.indexOf('?');
      path = question >= 0 ? path.substring(0, question) : path;
    }
    return path.startsWith("/") ? Optional.of(path) : Optional.empty();
  }

  private Optional<DqiManifest.Interface> iface(DqiManifest manifest) {
    int port = port();
    return manifest.dqi().interfaces().stream().filter(i -> i.port().map(p -> p == port).orElse(false)).findFirst()
        .or(() -> manifest.dqi().interfaces().stream().filter(i -> i.protocol().orElse("").equals("https")).findFirst());
  }

  private int port() {
    return options.target().getPort() > 0 ? options.target().getPort() : 443;
  }

  static boolean sameMediaType(String declared, String actual) {
    Map<String, String> a = mediaType(declared);
    Map<String, String> b = mediaType(actual);
    if (!a.get("").equals(b.get(""))) {
      return false;
    }
    // A declared parameter (version=1.6) must be answered; parameters the declaration leaves open may vary.
    return a.entrySet().stream().allMatch(e -> e.getKey().isEmpty() || e.getValue().equals(b.get(e.getKey())));
  }

  private static Map<String, String> mediaType(String text) {
    Map<String, String> parts = new LinkedHashMap<>();
    String[] pieces = text.split(";");
    parts.put("", pieces[0].strip().toLowerCase(Locale.ROOT));
    for (int i = 1; i < pieces.length; i++) {
      String[] kv = pieces[i].split("=", 2);
      if (kv.length == 2) {
        parts.put(kv[0].strip().toLowerCase(Locale.ROOT), kv[1].strip().replace("\"", ""));
      }
    }
    return parts;
  }

  private static Optional<String> parses(String contentType, byte[] body) {
    String base = mediaType(contentType).get("");
    if (base.contains("cyclonedx") || base.contains("spdx")) {
      SbomReadResult read = new SbomReader().read(body);
      return read instanceof SbomReadResult.Unreadable u ? Optional.of(u.problem().message()) : Optional.empty();
    }
    if (base.endsWith("json") || base.endsWith("+json")) {
      try {
        new ObjectMapper().readTree(body);
        return Optional.empty();
      } catch (IOException e) {
        return Optional.of("malformed JSON");
      }
    }
    return Optional.empty();
  }

  private void touch(String ruleId) {
    probed.putIfAbsent(ruleId, Status.PASS);
  }

  private void fail(String ruleId, String where, String message) {
    touch(ruleId);
    Rule rule = pack.rule(ruleId).orElseThrow();
    String artifact = where.startsWith("/") ? options.target().resolve(where).toString() : where;
    findings.computeIfAbsent(ruleId, k -> new ArrayList<>()).add(new Finding(ruleId, rule.severity(), message,
        Location.ofArtifact(artifact), rule.citations(), rule.remediation()));
  }

  private List<org.cyberbaseline.rules.Citation> citations(String ruleId) {
    return pack.rule(ruleId).map(Rule::citations).orElse(List.of());
  }

  private static String limit(Set<String> items) {
    List<String> list = new ArrayList<>(items);
    return list.size() <= 10 ? String.join("; ", list)
        : String.join("; ", list.subList(0, 10)) + "; and " + (list.size() - 10) + " more";
  }

  private static String message(Exception e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

}
