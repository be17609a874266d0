package org.cyberbaseline.dqi.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.dqi.server.internal.Faults;
import org.cyberbaseline.dqi.server.internal.Route;
import org.cyberbaseline.dqi.server.internal.TokenBucket;

/**
 * An embeddable, read-only Device Query Interface (DQI) over HTTPS, built on the JDK's own
 * {@link HttpsServer} (no dependency beyond the JDK and the DQI manifest model).
 *
 * <p>It serves, to holders of the DQI role only: the device identity, the software inventory (the SBOM as
 * supplied, CycloneDX or SPDX), the patch level, the security configuration and, when supplied, the
 * vulnerability status (VEX). Everything else is refused: methods other than GET and HEAD (405), requests
 * without valid credentials (401), requests above the rate limit (429, rejected at once, never queued) and
 * requests beyond the bounded worker pool (503). Every request is audit-logged. Responses carry no
 * {@code Server} header and no stack trace, so an unauthenticated caller learns no version string.
 *
 * <p>{@link #manifest()} is this server's DQI conformance manifest, generated from the same configuration
 * it serves from, so the two cannot drift apart. The routes are described by the OpenAPI 3.1 document
 * {@code dqi-api-1.0.openapi.json} in the schemas module. See docs/dqi-server.md.
 */
public final class DqiServer implements AutoCloseable {
  /** Version of the query API; the path prefix carries its major version. */
  public static final String API_VERSION = "1.0";

  /** Path prefix of every query. */
  public static final String PREFIX = "/dqi/v1/";

  /** The only protocols offered: TLS 1.3 and 1.2. */
  public static final List<String> TLS_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

  /**
   * Suites offered, strongest first, among those the SSLContext supports: AEAD only, forward secret only
   * (TLS 1.3 suites and ECDHE with AES-GCM or ChaCha20-Poly1305). No CBC, no static RSA, no SHA-1 MACs.
   */
  public static final List<String> CIPHER_SUITES = List.of(
      "TLS_AES_256_GCM_SHA384",
      "TLS_AES_128_GCM_SHA256",
      "TLS_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
      "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
      "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
      "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

  /** The DQI role every authenticated client holds: read the declared queries, nothing else. */
  public static final String ROLE = "dqi-reader";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ThreadLocal<Boolean> OVERLOADED = new ThreadLocal<>();

  private final Builder config;
  private final List<Route> routes;
  private final Map<String, Route> routesByPath;
  private final List<String> protocols;
  private final List<String> suites;
  private final AtomicReference<byte[]> tokenDigest = new AtomicReference<>();
  private final TokenBucket bucket;
  private HttpsServer server;
  private ThreadPoolExecutor pool;

  private DqiServer(Builder config) {
    this.config = config;
    if (config.clientAuth instanceof ClientAuth.BearerToken token) {
      tokenDigest.set(sha256(token.token()));
    }
    this.protocols = config.faults.legacyTls()
        ? List.of("TLSv1.3", "TLSv1.2", "TLSv1.1", "TLSv1")
        : TLS_PROTOCOLS;
    List<String> supported = Arrays.asList(config.sslContext.getSupportedSSLParameters().getCipherSuites());
    List<String> wanted = new ArrayList<>(CIPHER_SUITES);
    if (config.faults.legacyTls()) {
      // TLS 1.0/1.1 have no AEAD suite: a server that offers them offers CBC too.
      wanted.addAll(List.of("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA", "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"));
    }
    this.suites = wanted.stream().filter(supported::contains).toList();
    if (suites.isEmpty()) {
      throw new IllegalArgumentException("the SSLContext supports none of the DQI cipher suites " + CIPHER_SUITES);
    }
    this.bucket = new TokenBucket(config.requestsPerMinute, config.burst, config.nanoTime);
    this.routes = buildRoutes(config);
    Map<String, Route> byPath = new LinkedHashMap<>();
    routes.forEach(r -> byPath.put(r.path(), r));
    this.routesByPath = Collections.unmodifiableMap(byPath);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Binds and starts serving. */
  public synchronized DqiServer start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    AtomicInteger n = new AtomicInteger();
    pool = new ThreadPoolExecutor(config.threads, config.threads, 30, TimeUnit.SECONDS,
        config.queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(config.queueCapacity),
        runnable -> {
          Thread t = new Thread(runnable, "dqi-worker-" + n.incrementAndGet());
          t.setDaemon(true);
          // A hint only (the OS may ignore Java priorities); the hard bounds are the pool and the rate limit.
          t.setPriority(config.threadPriority);
          return t;
        }, new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    server = HttpsServer.create(config.address, config.threads + config.queueCapacity);
    server.setHttpsConfigurator(new HttpsConfigurator(config.sslContext) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters p = config.sslContext.getDefaultSSLParameters();
        p.setProtocols(protocols.toArray(String[]::new));
        p.setCipherSuites(suites.toArray(String[]::new));
        p.setUseCipherSuitesOrder(true);
        p.setNeedClientAuth(config.clientAuth instanceof ClientAuth.MutualTls);
        params.setSSLParameters(p);
      }
    });
    server.createContext("/", this::handle);
    server.setExecutor(admission());
    server.start();
    return this;
  }

  /**
   * The executor the HTTP server hands each exchange to: the bounded pool, or, when the pool and its queue
   * are full, an immediate 503 on the accepting thread (the handler sees OVERLOADED and does no work).
   */
  private Executor admission() {
    return command -> {
      try {
        pool.execute(command);
      } catch (RejectedExecutionException e) {
        OVERLOADED.set(Boolean.TRUE);
        try {
          command.run();
        } finally {
          OVERLOADED.remove();
        }
      }
    };
  }

  /** The bound port (useful with port 0); -1 before {@link #start()}. */
  public synchronized int port() {
    return server == null ? -1 : server.getAddress().getPort();
  }

  /** The address the server listens on; before start, the configured one. */
  public synchronized InetSocketAddress address() {
    return server == null ? config.address : server.getAddress();
  }

  /** The paths served, in manifest order. */
  public List<String> paths() {
    return routes.stream().map(Route::path).toList();
  }

  /** Replaces the per-device bearer token; requests with the old one are refused from now on. */
  public void rotateToken(String newToken) {
    if (!(config.clientAuth instanceof ClientAuth.BearerToken)) {
      throw new IllegalStateException("this server authenticates clients by mutual TLS, not by token");
    }
    tokenDigest.set(sha256(new ClientAuth.BearerToken(newToken).token()));
  }

  /** Stops at once: open exchanges get no more time (a DQI answer is never worth delaying a shutdown). */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
      pool.shutdownNow();
      server = null;
    }
  }

  // ---------------------------------------------------------------------------------------------- requests

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String client = exchange.getRemoteAddress().getAddress().getHostAddress();
    try (exchange) {
      if (config.faults.versionLeak()) {
        exchange.getResponseHeaders().set("Server", "dqi-server/" + config.device.softwareVersion());
      }
      if (Boolean.TRUE.equals(OVERLOADED.get())) {
        refuse(exchange, client, "-", method, path, 503, "overloaded", Map.of("Retry-After", "1"));
        return;
      }
      if (!bucket.tryAcquire()) {
        refuse(exchange, client, "-", method, path, 429, "rate-limited",
            Map.of("Retry-After", Long.toString(bucket.secondsUntilNextToken())));
        return;
      }
      Optional<String> principal = authenticate(exchange);
      if (principal.isEmpty()) {
        refuse(exchange, client, "-", method, path, 401, "unauthenticated",
            config.clientAuth instanceof ClientAuth.BearerToken
                ? Map.of("WWW-Authenticate", "Bearer realm=\"dqi\"") : Map.of());
        return;
      }
      boolean read = method.equals("GET") || method.equals("HEAD");
      Route route = routesByPath.get(path);
      if (!read) {
        if (config.faults.writeEndpointOpen() && route != null) {
          audit(client, principal.get(), method, path, 204, "answered");
          exchange.sendResponseHeaders(204, -1);
          return;
        }
        refuse(exchange, client, principal.get(), method, path, 405, "method-refused", Map.of("Allow", "GET, HEAD"));
        return;
      }
      if (route == null) {
        refuse(exchange, client, principal.get(), method, path, 404, "not-found", Map.of());
        return;
      }
      try {
        audit(client, principal.get(), method, path, 200, "answered");
      } catch (RuntimeException auditDown) {
        // Every query is audit-logged; one that cannot be is not answered.
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      if (config.faults.answerDelayMillis() > 0) {
        try {
          Thread.sleep(config.faults.answerDelayMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      var headers = exchange.getResponseHeaders();
      headers.set("Content-Type", route.mediaType());
      headers.set("Cache-Control", "no-store");
      headers.set("X-Content-Type-Options", "nosniff");
      if (method.equals("HEAD")) {
        headers.set("Content-Length", Integer.toString(route.body().length));
        exchange.sendResponseHeaders(200, -1);
      } else {
        exchange.sendResponseHeaders(200, route.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(route.body());
        }
      }
    }
  }

  /** The authenticated principal, or empty. Never throws: a broken handshake reads as unauthenticated. */
  private Optional<String> authenticate(HttpExchange exchange) {
    if (config.faults.authenticationOff()) {
      return Optional.of("-");
    }
    if (config.clientAuth instanceof ClientAuth.MutualTls) {
      try {
        Certificate[] chain = ((HttpsExchange) exchange).getSSLSession().getPeerCertificates();
        if (chain.length > 0 && chain[0] instanceof X509Certificate cert) {
          return Optional.of(cert.getSubjectX500Principal().getName());
        }
      } catch (SSLPeerUnverifiedException e) {
        return Optional.empty();
      }
      return Optional.empty();
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || header.length() > 512 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    // Compare digests in constant time: the token's length and prefix leak nothing through timing.
    return MessageDigest.isEqual(sha256(header.substring(7).strip()), tokenDigest.get())
        ? Optional.of("token") : Optional.empty();
  }

  private void refuse(HttpExchange exchange, String client, String principal, String method, String path, int status,
      String outcome, Map<String, String> extraHeaders) throws IOException {
    try {
      audit(client, principal, method, path, status, outcome);
    } catch (RuntimeException ignored) {
      // The refusal happens anyway; an audit sink that fails is reported through the answered queries.
    }
    var headers = exchange.getResponseHeaders();
    extraHeaders.forEach(headers::set);
    headers.set("Cache-Control", "no-store");
    headers.set("Content-Type", "application/json");
    // A fixed, versionless body: the status says what happened, the caller learns nothing else.
    byte[] body = ("{\"status\":" + status + "}").getBytes(StandardCharsets.US_ASCII);
    if (method.equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
    } else {
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private void audit(String client, String principal, String method, String path, int status, String outcome) {
    String safePath = path.length() > 256 ? path.substring(0, 256) + "..." : path;
    String safeMethod = method.length() > 16 ? method.substring(0, 16) : method;
    config.auditLog.accept(new AuditEvent(config.clock.instant(), client, principal, safeMethod, safePath, status, outcome));
  }

  // ------------------------------------------------------------------------------------------- documents

  private List<Route> buildRoutes(Builder c) {
    List<Route> list = new ArrayList<>();
    list.add(new Route(PREFIX + "identity", "device-identity", "device-identity", "application/json",
        json(identity(c)), "live"));
    list.add(new Route(PREFIX + "inventory", "software-inventory", "software-inventory", c.sbomMediaType,
        c.sbom.clone(), "cached-at-update"));
    list.add(new Route(PREFIX + "patch-level", "patch-level", "patch-level", "application/json",
        json(patchLevel(c)), "cached-at-update"));
    list.add(new Route(PREFIX + "security-configuration", "security-configuration", "security-configuration",
        "application/json", json(securityConfiguration(c)), "live"));
    if (c.vex != null) {
      list.add(new Route(PREFIX + "vulnerability-status", "vulnerability-status", "vulnerability-status",
          c.vexMediaType, c.vex.clone(), "cached-at-update"));
    }
    return List.copyOf(list);
  }

  private static ObjectNode identity(Builder c) {
    ObjectNode o = NODES.objectNode();
    o.put("manufacturer", c.device.manufacturer());
    o.put("model", c.device.model());
    o.put("deviceName", c.device.deviceName());
    o.put("softwareVersion", c.device.softwareVersion());
    c.device.udiDi().ifPresent(v -> o.put("udiDi", v));
    c.device.serialNumber().ifPresent(v -> o.put("serialNumber", v));
    return o;
  }

  private static ObjectNode patchLevel(Builder c) {
    ObjectNode o = NODES.objectNode();
    o.put("softwareVersion", c.device.softwareVersion());
    o.put("patchLevel", c.patchLevel);
    o.put("releaseDate", c.patchReleased.toString());
    ArrayNode applied = o.putArray("appliedPatches");
    c.appliedPatches.forEach(applied::add);
    return o;
  }

  private ObjectNode securityConfiguration(Builder c) {
    ObjectNode o = NODES.objectNode();
    ArrayNode p = o.putArray("tlsProtocols");
    protocols.forEach(p::add);
    ArrayNode s = o.putArray("cipherSuites");
    suites.forEach(s::add);
    o.put("clientAuthentication", c.clientAuth instanceof ClientAuth.MutualTls ? "mtls" : "bearer-token");
    ObjectNode rate = o.putObject("rateLimit");
    rate.put("requestsPerMinute", c.requestsPerMinute);
    rate.put("burst", c.burst);
    rate.put("onExceed", "reject");
    ObjectNode settings = o.putObject("settings");
    new TreeMap<>(c.settings).forEach(settings::put);
    return o;
  }

  private static byte[] json(ObjectNode node) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  // -------------------------------------------------------------------------------------------- manifest

  /**
   * This server's DQI conformance manifest, generated from its configuration: interfaces, transport,
   * authentication, the DQI role, read-only mechanism, rate limit and queries are what it serves. What the
   * server cannot know (isolation evidence, availability, documentation references) comes from the builder.
   */
  public DqiManifest manifest() {
    int port = port() > 0 ? port() : config.address.getPort();
    boolean mtls = config.clientAuth instanceof ClientAuth.MutualTls;
    var transport = new DqiManifest.Transport(Optional.of("tls"),
        Optional.of(protocols.contains("TLSv1") ? "1.0" : "1.2"), suites, Optional.of(mtls),
        Optional.of(config.certificateSource), Optional.empty());
    var iface = new DqiManifest.Interface(Optional.of("dqi-https"), Optional.of("https"),
        port > 0 ? Optional.of(port) : Optional.empty(), Optional.of(config.network), Optional.of(transport),
        Optional.of(new DqiManifest.Discovery(Optional.of(config.discoveryMethod), config.discoveryUri)),
        config.threatModelRef);
    var authentication = new DqiManifest.Authentication(List.of(mtls ? "mtls" : "api-key"), Optional.of(List.of()),
        Optional.of(mtls ? "hdo-provisioned" : "unique-per-device"), Optional.of(false), Optional.of(true), List.of());
    List<String> permissions = routes.stream().map(r -> "query:" + r.queryId()).toList();
    var role = new DqiManifest.Role(Optional.of(ROLE), permissions, Optional.of(true), Optional.of(false));
    var readOnly = new DqiManifest.ReadOnly(Optional.of(true), Optional.of(
        "the embedded DQI server answers GET and HEAD only; every other method is refused with 405 and audit-logged,"
            + " and its documents are immutable byte arrays built at start"), List.of());
    DqiManifest.Isolation declared = config.isolation;
    var isolation = new DqiManifest.Isolation(declared.mechanism(), declared.schedulingPriority(),
        declared.resourceLimits(),
        Optional.of(new DqiManifest.RateLimit(Optional.of(config.requestsPerMinute), Optional.of(config.burst),
            Optional.of("reject"))),
        declared.failureMode(), declared.restartBehaviour(), declared.evidence());
    List<DqiManifest.Query> queries = routes.stream().map(r -> new DqiManifest.Query(Optional.of(r.queryId()),
        Optional.of(r.category()), Optional.of("GET " + r.path()), List.of(r.mediaType()), Optional.of(r.freshness()),
        Optional.of(false), Optional.empty(), Optional.of(false), Optional.of(true))).toList();
    List<DqiManifest.UnsupportedQuery> unsupported = new ArrayList<>();
    if (config.vex == null) {
      unsupported.add(new DqiManifest.UnsupportedQuery(Optional.of("vulnerability-status"),
          Optional.of("no VEX document was configured for this software version")));
    }
    var dqi = new DqiManifest.Dqi(Optional.of(true), Optional.of(API_VERSION), Optional.of(config.defaultState),
        Optional.of(true), List.of(iface), Optional.of(authentication),
        Optional.of(new DqiManifest.Authorization(List.of(role))), Optional.of(readOnly), Optional.of(isolation),
        config.availability, queries, unsupported,
        Optional.of(new DqiManifest.Logging(Optional.of(true), List.of(config.auditExportFormat))),
        config.documentation);
    var device = new DqiManifest.Device(Optional.of(config.device.manufacturer()), Optional.of(config.device.model()),
        Optional.of(config.device.deviceName()), Optional.of(config.device.softwareVersion()), config.device.udiDi(),
        config.sbomRef);
    return new DqiManifest("1.0", device, dqi);
  }

  // --------------------------------------------------------------------------------------------- builder

  /** Who the device is, as the identity query answers it. */
  public record Device(String manufacturer, String model, String deviceName, String softwareVersion,
      Optional<String> udiDi, Optional<String> serialNumber) {
    public Device {
      Objects.requireNonNull(manufacturer, "manufacturer");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(deviceName, "deviceName");
      Objects.requireNonNull(softwareVersion, "softwareVersion");
      Objects.requireNonNull(udiDi, "udiDi");
      Objects.requireNonNull(serialNumber, "serialNumber");
    }
  }

  /** Configuration; {@link #build()} checks it all, so a misconfigured DQI fails before it binds. */
  public static final class Builder {
    private static final Set<String> INVENTORY_TYPES = Set.of(
        "application/vnd.cyclonedx+json", "application/vnd.cyclonedx+xml", "application/spdx+json",
        "text/spdx", "application/spdx+yaml");
    private static final Set<String> VEX_TYPES = Set.of(
        "application/vnd.cyclonedx+json", "application/vnd.cyclonedx+xml", "application/json",
        "application/csaf+json", "application/openvex+json");

    private Device device;
    private byte[] sbom;
    private String sbomMediaType;
    private Optional<String> sbomRef = Optional.empty();
    private String patchLevel;
    private LocalDate patchReleased;
    private List<String> appliedPatches = List.of();
    private Map<String, String> settings = Map.of();
    private byte[] vex;
    private String vexMediaType;
    private SSLContext sslContext;
    private ClientAuth clientAuth;
    private int requestsPerMinute = 60;
    private int burst = 10;
    private int threads = 2;
    private int queueCapacity = 8;
    private int threadPriority = Thread.MIN_PRIORITY;
    private long maxDocumentBytes = 16L * 1024 * 1024;
    private Consumer<AuditEvent> auditLog;
    private String auditExportFormat = "syslog-rfc5424";
    private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private Clock clock = Clock.systemUTC();
    private LongSupplier nanoTime = System::nanoTime;
    private String certificateSource = "hdo-pki";
    private String network = "clinical-lan";
    private String discoveryMethod = "documented-endpoint";
    private Optional<String> discoveryUri = Optional.empty();
    private Optional<String> threatModelRef = Optional.empty();
    private String defaultState = "disabled";
    private DqiManifest.Isolation isolation = new DqiManifest.Isolation(Optional.of("priority-only"),
        Optional.of("below-clinical"), Optional.empty(), Optional.empty(), Optional.of("dqi-fails-closed-clinical-continues"),
        Optional.empty(), List.of());
    private Optional<DqiManifest.Availability> availability = Optional.empty();
    private Optional<DqiManifest.Documentation> documentation = Optional.empty();
    private Faults faults = Faults.NONE;

    private Builder() {}

    /** The identity query's answer; also the manifest's {@code device}. Required. */
    public Builder device(Device device) {
      this.device = Objects.requireNonNull(device, "device");
      return this;
    }

    /**
     * The SBOM exactly as supplied in the submission, with its media type (e.g.
     * {@code application/vnd.cyclonedx+json; version=1.6}, {@code application/spdx+json}); served
     * byte for byte. Required.
     */
    public Builder sbom(byte[] bytes, String mediaType) {
      this.sbom = Objects.requireNonNull(bytes, "bytes").clone();
      this.sbomMediaType = Objects.requireNonNull(mediaType, "mediaType");
      return this;
    }

    /** The SBOM's serialNumber or document namespace, declared as the manifest's {@code device.sbomRef}. */
    public Builder sbomRef(String ref) {
      this.sbomRef = Optional.of(ref);
      return this;
    }

    /** Patch level name (e.g. {@code 2026-11}), its release date and the patches applied. Required. */
    public Builder patchLevel(String level, LocalDate released, List<String> appliedPatches) {
      this.patchLevel = Objects.requireNonNull(level, "level");
      this.patchReleased = Objects.requireNonNull(released, "released");
      this.appliedPatches = List.copyOf(appliedPatches);
      return this;
    }

    /** Device security settings reported beside the server's own (TLS, authentication, rate limit). */
    public Builder securitySettings(Map<String, String> settings) {
      this.settings = Map.copyOf(settings);
      return this;
    }

    /** The VEX document as supplied (CycloneDX, OpenVEX or CSAF) with its media type. Optional. */
    public Builder vex(byte[] bytes, String mediaType) {
      this.vex = Objects.requireNonNull(bytes, "bytes").clone();
      this.vexMediaType = Objects.requireNonNull(mediaType, "mediaType");
      return this;
    }

    /** Key material: the SSLContext's key manager holds the device certificate, its trust manager the DQI client CA (mTLS). Required. */
    public Builder tls(SSLContext context) {
      this.sslContext = Objects.requireNonNull(context, "context");
      return this;
    }

    /** Mutual TLS or a per-device bearer token. Required. */
    public Builder clientAuth(ClientAuth auth) {
      this.clientAuth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /** Token bucket: {@code perMinute} sustained, {@code burst} at once; excess is rejected with 429. Default 60/min, burst 10. */
    public Builder rateLimit(int perMinute, int burst) {
      this.requestsPerMinute = perMinute;
      this.burst = burst;
      return this;
    }

    /** Worker threads (default 2) and waiting exchanges (default 8); beyond them, 503 at once. */
    public Builder threads(int threads, int queueCapacity) {
      this.threads = threads;
      this.queueCapacity = queueCapacity;
      return this;
    }

    /** Java priority of the worker threads (default {@link Thread#MIN_PRIORITY}); a hint to the OS scheduler. */
    public Builder threadPriority(int priority) {
      this.threadPriority = priority;
      return this;
    }

    /** Largest SBOM or VEX accepted at build time (default 16 MiB): the server's memory is bounded by its documents. */
    public Builder maxDocumentBytes(long bytes) {
      this.maxDocumentBytes = bytes;
      return this;
    }

    /**
     * Receives every request's audit event on the worker thread, before the answer is sent; it must not
     * block. If it throws for a query, the query is refused (503): no answer goes unlogged. Required.
     */
    public Builder auditLog(Consumer<AuditEvent> sink) {
      this.auditLog = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /** Export format of the audit log the embedder writes, as declared in the manifest (default syslog-rfc5424). */
    public Builder auditExportFormat(String format) {
      this.auditExportFormat = Objects.requireNonNull(format, "format");
      return this;
    }

    /** Where to listen (default 127.0.0.1, ephemeral port). */
    public Builder bind(InetSocketAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Clock of the audit events. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Time source of the rate limiter (tests). */
    public Builder nanoTime(LongSupplier nanoTime) {
      this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
      return this;
    }

    /** Manifest: where the server certificate comes from (default {@code hdo-pki}), the network and discovery. */
    public Builder interfaceDeclaration(String certificateSource, String network, String discoveryMethod,
        Optional<String> discoveryUri, Optional<String> threatModelRef) {
      this.certificateSource = Objects.requireNonNull(certificateSource, "certificateSource");
      this.network = Objects.requireNonNull(network, "network");
      this.discoveryMethod = Objects.requireNonNull(discoveryMethod, "discoveryMethod");
      this.discoveryUri = Objects.requireNonNull(discoveryUri, "discoveryUri");
      this.threatModelRef = Objects.requireNonNull(threatModelRef, "threatModelRef");
      return this;
    }

    /** Manifest: {@code enabled} or {@code disabled} as shipped (default disabled). */
    public Builder defaultState(String state) {
      if (!state.equals("enabled") && !state.equals("disabled")) {
        throw new IllegalArgumentException("default state is enabled or disabled, not " + state);
      }
      this.defaultState = state;
      return this;
    }

    /**
     * Manifest: isolation as the device maker has established it (mechanism, priority, resource ceilings,
     * failure mode, evidence). The rate limit in it is replaced by the server's own.
     */
    public Builder isolationDeclaration(DqiManifest.Isolation isolation) {
      this.isolation = Objects.requireNonNull(isolation, "isolation");
      return this;
    }

    /** Manifest: availability during clinical use. */
    public Builder availabilityDeclaration(DqiManifest.Availability availability) {
      this.availability = Optional.of(availability);
      return this;
    }

    /** Manifest: documentation references (labeling ports list, threat model, test reports). */
    public Builder documentationDeclaration(DqiManifest.Documentation documentation) {
      this.documentation = Optional.of(documentation);
      return this;
    }

    /**
     * Deliberate faults, for the conformance probe's tests only (see {@link Faults}); never in a device.
     */
    public Builder faultsForProbeTests(Faults faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    public DqiServer build() {
      List<String> missing = new ArrayList<>();
      if (device == null) {
        missing.add("device");
      }
      if (sbom == null) {
        missing.add("sbom");
      }
      if (patchLevel == null) {
        missing.add("patchLevel");
      }
      if (sslContext == null) {
        missing.add("tls");
      }
      if (clientAuth == null) {
        missing.add("clientAuth");
      }
      if (auditLog == null) {
        missing.add("auditLog");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("DQI server configuration is missing " + String.join(", ", missing));
      }
      if (!INVENTORY_TYPES.contains(baseType(sbomMediaType))) {
        throw new IllegalArgumentException("the inventory media type " + sbomMediaType
            + " is not a CycloneDX or SPDX media type " + new java.util.TreeSet<>(INVENTORY_TYPES));
      }
      if (vex != null && !VEX_TYPES.contains(baseType(vexMediaType))) {
        throw new IllegalArgumentException("the VEX media type " + vexMediaType + " is not one of " + new java.util.TreeSet<>(VEX_TYPES));
      }
      if (sbom.length > maxDocumentBytes || (vex != null && vex.length > maxDocumentBytes)) {
        throw new IllegalArgumentException("a served document is larger than maxDocumentBytes " + maxDocumentBytes);
      }
      if (threads < 1 || threads > 64 || queueCapacity < 0 || queueCapacity > 1024) {
        throw new IllegalArgumentException("threads must be 1..64 and the queue 0..1024");
      }
      if (threadPriority < Thread.MIN_PRIORITY || threadPriority > Thread.MAX_PRIORITY) {
        throw new IllegalArgumentException("thread priority must be 1..10");
      }
      return new DqiServer(this);
    }

    static String baseType(String mediaType) {
      int semicolon = mediaType.indexOf(';');
      return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
  }
}
