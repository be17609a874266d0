package org.cyberbaseline.dqi.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.cyberbaseline.dqi.DqiManifestReader;
import org.cyberbaseline.dqi.DqiManifestWriter;
import org.cyberbaseline.dqi.DqiReadResult;
import org.junit.jupiter.api.Test;

class DqiServerTest {
  private final List<AuditEvent> audit = Collections.synchronizedList(new ArrayList<>());

  private static HttpClient client(boolean clientCertificate) {
    return HttpClient.newBuilder().sslContext(TestTls.get().clientContext(clientCertificate))
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  private static HttpResponse<byte[]> send(HttpClient client, DqiServer server, String method, String path, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + path))
        .timeout(Duration.ofSeconds(20)).method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void answersEveryQueryWithItsMediaTypeAndNoServerHeader() throws Exception {
    try (DqiServer server = TestDevice.builder(audit::add).build().start()) {
      HttpClient client = client(false);
      HttpResponse<byte[]> inventory = send(client, server, "GET", "/dqi/v1/inventory", TestDevice.TOKEN);
      assertEquals(200, inventory.statusCode());
      assertEquals(TestDevice.SBOM_MEDIA_TYPE, inventory.headers().firstValue("Content-Type").orElseThrow());
      assertTrue(java.util.Arrays.equals(TestDevice.sbom(), inventory.body()), "SBOM served byte for byte");
      assertTrue(inventory.headers().firstValue("Server").isEmpty());
      JsonNode identity = new ObjectMapper().readTree(
          send(client, server, "GET", "/dqi/v1/identity", TestDevice.TOKEN).body());
      assertEquals("2.1.0", identity.get("softwareVersion").asText());
      JsonNode config = new ObjectMapper().readTree(
          send(client, server, "GET", "/dqi/v1/security-configuration", TestDevice.TOKEN).body());
      assertEquals("[\"TLSv1.3\",\"TLSv1.2\"]", config.get("tlsProtocols").toString());
      assertEquals("reject", config.at("/rateLimit/onExceed").asText());
      HttpResponse<byte[]> head = send(client, server, "HEAD", "/dqi/v1/patch-level", TestDevice.TOKEN);
      assertEquals(200, head.statusCode());
      assertEquals(0, head.body().length);
      assertEquals(List.of("answered", "answered", "answered", "answered"),
          audit.stream().map(AuditEvent::outcome).toList());
      assertEquals("token", audit.get(0).principal());
      assertEquals("127.0.0.1", audit.get(0).client());
    }
  }

  @Test
  void refusesUnauthenticatedCallersWithoutVersionStrings() throws Exception {
    try (DqiServer server = TestDevice.builder(audit::add).build().start()) {
      HttpClient client = client(false);
      for (String token : new String[] {null, "wrong-token-0123456789abcdefghijklmnopqrstuv"}) {
        HttpResponse<byte[]> r = send(client, server, "GET", "/dqi/v1/identity", token);
        assertEquals(401, r.statusCode());
        assertEquals("{\"status\":401}", new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(r.headers().firstValue("Server").isEmpty());
        assertEquals("Bearer realm=\"dqi\"", r.headers().firstValue("WWW-Authenticate").orElseThrow());
      }
      assertEquals(List.of("unauthenticated", "unauthenticated"), audit.stream().map(AuditEvent::outcome).toList());
      assertEquals("-", audit.get(0).principal());
    }
  }

  @Test
  void refusesEveryMutatingMethodAndAuditsIt() throws Exception {
    try (DqiServer server = TestDevice.builder(audit::add).build().start()) {
      HttpClient client = client(false);
      for (String method : List.of("POST", "PUT", "PATCH", "DELETE", "OPTIONS")) {
        HttpResponse<byte[]> r = send(client, server, method, "/dqi/v1/inventory", TestDevice.TOKEN);
        assertEquals(405, r.statusCode(), method);
        assertEquals("GET, HEAD", r.headers().firstValue("Allow").orElseThrow());
      }
      assertEquals(5, audit.stream().filter(e -> e.outcome().equals("method-refused") && e.status() == 405).count());
      assertEquals(404, send(client, server, "GET", "/dqi/v1/nothing", TestDevice.TOKEN).statusCode());
    }
  }

  @Test
  void rejectsAboveTheRateLimitAtOnce() throws Exception {
    AtomicLong now = new AtomicLong();
    try (DqiServer server = TestDevice.builder(audit::add).rateLimit(60, 3).nanoTime(now::get).build().start()) {
      HttpClient client = client(false);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        statuses.add(send(client, server, "GET", "/dqi/v1/identity", TestDevice.TOKEN).statusCode());
      }
      assertEquals(List.of(200, 200, 200, 429, 429), statuses);
      now.addAndGet(TimeUnit.SECONDS.toNanos(1)); // 60/min: one token per second
      HttpResponse<byte[]> after = send(client, server, "GET", "/dqi/v1/identity", TestDevice.TOKEN);
      assertEquals(200, after.statusCode());
      assertEquals(429, send(client, server, "GET", "/dqi/v1/identity", TestDevice.TOKEN).statusCode());
      assertEquals(3, audit.stream().filter(e -> e.outcome().equals("rate-limited")).count());
    }
  }

  @Test
  void overloadIsRejectedNotQueued() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch busy = new CountDownLatch(1);
    try (DqiServer server = TestDevice.builder(event -> {
          audit.add(event);
          if (event.path().equals("/dqi/v1/patch-level")) {
            busy.countDown();
            try {
              release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        }).threads(1, 0).build().start()) {
      HttpClient client = client(false);
      var slow = client.sendAsync(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port()
          + "/dqi/v1/patch-level")).header("Authorization", "Bearer " + TestDevice.TOKEN).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertTrue(busy.await(30, TimeUnit.SECONDS));
      HttpResponse<byte[]> rejected = send(client(false), server, "GET", "/dqi/v1/identity", TestDevice.TOKEN);
      assertEquals(503, rejected.statusCode());
      release.countDown();
      assertEquals(200, slow.get(30, TimeUnit.SECONDS).statusCode());
      assertTrue(audit.stream().anyMatch(e -> e.outcome().equals("overloaded")));
    }
  }

  @Test
  void aQueryThatCannotBeAuditedIsNotAnswered() throws Exception {
    try (DqiServer server = TestDevice.builder(e -> {
          throw new IllegalStateException("audit disk full");
        }).build().start()) {
      assertEquals(503, send(client(false), server, "GET", "/dqi/v1/identity", TestDevice.TOKEN).statusCode());
    }
  }

  @Test
  void mutualTlsRequiresTheClientCertificate() throws Exception {
    try (DqiServer server = TestDevice.builder(audit::add).clientAuth(ClientAuth.mutualTls()).build().start()) {
      HttpResponse<byte[]> ok = send(client(true), server, "GET", "/dqi/v1/identity", null);
      assertEquals(200, ok.statusCode());
      assertEquals("CN=dqi-test-client", audit.get(0).principal());
      assertThrows(IOException.class, () -> send(client(false), server, "GET", "/dqi/v1/identity", null));
      assertEquals("mtls", server.manifest().dqi().authentication().orElseThrow().methods().get(0));
    }
  }

  @Test
  void rotatedTokenReplacesTheOldOne() throws Exception {
    try (DqiServer server = TestDevice.builder(audit::add).build().start()) {
      String next = "next-token-0123456789abcdefghijklmnopqrstuv";
      server.rotateToken(next);
      assertEquals(401, send(client(false), server, "GET", "/dqi/v1/identity", TestDevice.TOKEN).statusCode());
      assertEquals(200, send(client(false), server, "GET", "/dqi/v1/identity", next).statusCode());
      assertThrows(IllegalArgumentException.class, () -> server.rotateToken("short"));
    }
  }

  @Test
  void manifestIsGeneratedFromTheConfigurationAndSchemaValid() throws Exception {
    try (DqiServer server = TestDevice.builder(audit::add).rateLimit(30, 5).build().start()) {
      byte[] json = DqiManifestWriter.toBytes(server.manifest());
      DqiReadResult read = new DqiManifestReader().read(json);
      DqiReadResult.Parsed parsed = assertInstanceOf(DqiReadResult.Parsed.class, read);
      assertEquals(List.of(), parsed.schemaProblems());
      var dqi = parsed.manifest().dqi();
      assertEquals(server.port(), dqi.interfaces().get(0).port().orElseThrow());
      assertEquals("1.2", dqi.interfaces().get(0).transport().orElseThrow().tlsMinVersion().orElseThrow());
      assertEquals(30, dqi.isolation().orElseThrow().rateLimit().orElseThrow().requestsPerMinute().orElseThrow());
      assertEquals(server.paths(), dqi.queries().stream()
          .map(q -> q.operation().orElseThrow().substring("GET ".length())).toList());
      assertEquals(List.of("query:device-identity", "query:software-inventory", "query:patch-level",
              "query:security-configuration", "query:vulnerability-status"),
          dqi.authorization().orElseThrow().roles().get(0).permissions());
    }
  }

  /** The OpenAPI document and the server agree: every served path is documented, every documented path served. */
  @Test
  void openApiDocumentListsExactlyTheServedRoutes() throws Exception {
    JsonNode openapi;
    try (InputStream in = DqiServer.class.getResourceAsStream("/org/cyberbaseline/schemas/dqi-api-1.0.openapi.json")) {
      openapi = new ObjectMapper().readTree(in);
    }
    assertEquals("3.1.0", openapi.get("openapi").asText());
    assertEquals(DqiServer.API_VERSION, openapi.at("/info/version").asText());
    Set<String> documented = new TreeSet<>();
    openapi.get("paths").fieldNames().forEachRemaining(documented::add);
    try (DqiServer server = TestDevice.builder(audit::add).build().start()) {
      assertEquals(documented, new TreeSet<>(server.paths()));
      HttpClient client = client(false);
      for (String path : documented) {
        JsonNode operations = openapi.get("paths").get(path);
        assertEquals(Set.of("get", "head", "description"), fieldNames(operations), path);
        HttpResponse<byte[]> r = send(client, server, "GET", path, TestDevice.TOKEN);
        assertEquals(200, r.statusCode(), path);
        String type = r.headers().firstValue("Content-Type").orElseThrow().split(";")[0].strip();
        assertTrue(operations.at("/get/responses/200/content").has(type), path + " answers " + type);
        for (String status : List.of("401", "429", "503")) {
          assertTrue(operations.at("/get/responses").has(status), path + " documents " + status);
        }
      }
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void builderRefusesIncompleteOrUnsafeConfiguration() {
    IllegalStateException missing = assertThrows(IllegalStateException.class, () -> DqiServer.builder().build());
    assertEquals("DQI server configuration is missing device, sbom, patchLevel, tls, clientAuth, auditLog",
        missing.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ClientAuth.bearerToken("too-short"));
    assertThrows(IllegalArgumentException.class,
        () -> TestDevice.builder(audit::add).sbom(new byte[1], "application/octet-stream").build());
    assertThrows(IllegalArgumentException.class, () -> TestDevice.builder(audit::add).threads(0, 1).build());
    assertFalse(ClientAuth.bearerToken(TestDevice.TOKEN).toString().contains(TestDevice.TOKEN));
  }
}
