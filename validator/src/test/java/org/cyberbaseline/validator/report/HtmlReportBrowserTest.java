package org.cyberbaseline.validator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.ValidationReport;
import org.cyberbaseline.validator.Validator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The HTML report in a real browser: headless Chromium from Debian's {@code chromium} package,
 * driven over the Chrome DevTools Protocol with the JDK's WebSocket client. Nothing is downloaded:
 * no browser build, no driver.
 *
 * <p>Where Chromium is missing the test is skipped with a message saying how to install it, so
 * README's test command works on a machine with only a JDK and Maven. {@code .ci/run} installs
 * Chromium and sets the environment variable {@code CYBERBASELINE_REQUIRE_BROWSER=1}, which turns a
 * missing browser into a failure, so CI always runs it. The system property
 * {@code cyberbaseline.skipBrowserTests=true} skips it explicitly; {@code cyberbaseline.chromium}
 * names another binary than {@code /usr/bin/chromium}.
 *
 * <p>Screenshots are written to {@code validator/target/screenshots/}, the rendered pages to
 * {@code validator/target/html-report/}.
 */
@DisabledIfSystemProperty(named = HtmlReportBrowserTest.SKIP_PROPERTY, matches = "true",
    disabledReason = "browser tests skipped (-Dcyberbaseline.skipBrowserTests=true)")
class HtmlReportBrowserTest {
  static final String SKIP_PROPERTY = "cyberbaseline.skipBrowserTests";
  static final String CHROMIUM_PROPERTY = "cyberbaseline.chromium";
  private static final Duration TIMEOUT = Duration.ofSeconds(15);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

  /**
   * Visibility as a person sees it: rendered (not display:none, not inside a closed details element,
   * whose content Chromium hides with content-visibility), not visibility:hidden, and with a size.
   */
  private static final String VISIBLE_JS = """
      window.__cbVisible = function (el) {
        if (!el) { return false; }
        var style = getComputedStyle(el);
        var box = el.getBoundingClientRect();
        return el.offsetParent !== null && style.display !== 'none' && style.visibility !== 'hidden'
            && el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })
            && box.width > 0 && box.height > 0;
      };
      true
      """;

  /** Installed before any page script: records Content-Security-Policy violations. */
  private static final String RECORD_CSP_VIOLATIONS = """
      window.__cbViolations = [];
      document.addEventListener('securitypolicyviolation', function (e) {
        window.__cbViolations.push(e.violatedDirective + ' ' + e.blockedURI);
      });
      """;

  private static Process chromium;
  private static Path profile;
  private static Cdp cdp;

  private String session;
  private String targetId;

  @BeforeAll
  static void startChromium() throws Exception {
    Path binary = Path.of(System.getProperty(CHROMIUM_PROPERTY, "/usr/bin/chromium"));
    if (!Files.isExecutable(binary)) {
      String why = "Chromium not found at " + binary + ". Install Debian's package (apt-get install -y chromium; .ci/run does),"
          + " or point -D" + CHROMIUM_PROPERTY + "=PATH at another binary.";
      org.junit.jupiter.api.Assumptions.assumeTrue("1".equals(System.getenv("CYBERBASELINE_REQUIRE_BROWSER")), why);
      fail("Chromium not found at " + binary + ". Install Debian's package (apt-get install -y chromium; .ci/run does),"
          + " point -D" + CHROMIUM_PROPERTY + "=PATH at another binary, or skip with -D" + SKIP_PROPERTY + "=true.");
    }
    Files.createDirectories(SCREENSHOTS);
    profile = Files.createTempDirectory("cyberbaseline-chromium-");
    Path log = Path.of("target", "chromium.log").toAbsolutePath();
    chromium = new ProcessBuilder(
            binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-extensions", "--disable-default-apps", "--disable-dev-shm-usage",
            "--mute-audio", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0",
            "about:blank")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    Path portFile = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    List<String> lines = List.of();
    while (lines.size() < 2) {
      if (!chromium.isAlive()) {
        fail("Chromium exited with " + chromium.exitValue() + " before DevTools started; see " + log);
      }
      if (System.nanoTime() > deadline) {
        fail("Chromium did not write " + portFile + " within " + TIMEOUT + "; see " + log);
      }
      Thread.sleep(50);
      if (Files.exists(portFile)) {
        lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
      }
    }
    cdp = new Cdp(URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim()));
  }

  @AfterAll
  static void stopChromium() throws Exception {
    try {
      if (cdp != null) {
        try {
          cdp.sendAsync("Browser.close", JSON.createObjectNode(), null);
        } finally {
          cdp.close();
        }
      }
    } finally {
      if (chromium != null) {
        // Only this test's own Chromium and the processes it started.
        chromium.descendants().forEach(ProcessHandle::destroyForcibly);
        chromium.destroyForcibly();
        chromium.waitFor(10, TimeUnit.SECONDS);
      }
      if (profile != null) {
        deleteTree(profile);
      }
    }
  }

  @BeforeEach
  void openTab() throws Exception {
    targetId = cdp.send("Target.createTarget", obj("url", "about:blank"), null).get("targetId").asText();
    ObjectNode attach = obj("targetId", targetId);
    attach.put("flatten", true);
    session = cdp.send("Target.attachToTarget", attach, null).get("sessionId").asText();
    for (String domain : List.of("Runtime", "Log", "Page", "Network")) {
      cdp.send(domain + ".enable", JSON.createObjectNode(), session);
    }
    cdp.send("Page.addScriptToEvaluateOnNewDocument", obj("source", RECORD_CSP_VIOLATIONS), session);
    ObjectNode metrics = JSON.createObjectNode();
    metrics.put("width", 1280);
    metrics.put("height", 900);
    metrics.put("deviceScaleFactor", 1);
    metrics.put("mobile", false);
    cdp.send("Emulation.setDeviceMetricsOverride", metrics, session);
  }

  @AfterEach
  void closeTab() throws Exception {
    if (targetId != null) {
      cdp.send("Target.closeTarget", obj("targetId", targetId), null);
    }
  }

  @Test
  void exampleReportShowsVerdictAndFindingsFiltersAndPrints() throws Exception {
    Validator validator = HtmlReportTest.validator();
    ValidationReport report = HtmlReportTest.exampleReport();
    Path page = HtmlReportTest.writeArtifact("infusion-pump.html", HtmlReport.render(report, validator.baseline()));
    load(page);
    screenshot("infusion-pump.png", false);
    screenshot("infusion-pump-full.png", true);

    // the verdict, prominently
    assertEquals("Does not meet the baseline: 1 error finding", eval("document.getElementById('verdict-headline').textContent"));
    assertEquals(true, eval("__cbVisible(document.getElementById('verdict-headline'))"));
    assertEquals(true, eval("document.getElementById('verdict-headline').getBoundingClientRect().top < 300"),
        "verdict near the top of the page");
    // a finding, readable
    Finding finding = report.result("SBOM-004").orElseThrow().findings().get(0);
    assertEquals(true, eval(findText(".finding-message", finding.message()) + ".some(__cbVisible)"), finding.message());

    // filtering by status hides PASS rules and keeps the others
    long passRules = report.results().stream().filter(r -> r.status() == Status.PASS).count();
    long failRules = report.results().stream().filter(r -> r.status() == Status.FAIL).count();
    assertTrue(passRules > 0 && failRules > 0);
    assertEquals(true, eval("__cbVisible(document.getElementById('filters'))"), "filters shown when scripts run");
    assertEquals(passRules, evalLong(countVisible("article.rule[data-status=PASS]")));
    eval("document.querySelector('#filters input[name=status][value=PASS]').click(), true");
    assertEquals(0L, evalLong(countVisible("article.rule[data-status=PASS]")), "PASS rules hidden");
    assertEquals(failRules, evalLong(countVisible("article.rule[data-status=FAIL]")), "FAIL rules still shown");
    assertEquals("Showing " + (report.results().size() - passRules) + " of " + report.results().size() + " rules",
        eval("document.getElementById('filter-count').textContent"));
    eval("document.getElementById('checklist').scrollIntoView(), true");
    screenshot("infusion-pump-filtered.png", false);
    // severity: hiding errors hides error findings and the rules they belong to; SBOM-007 (a rule of
    // severity error) stays, as its one finding is a warning
    eval("document.querySelector('#filters input[name=severity][value=error]').click(), true");
    assertEquals(0L, evalLong(countVisible("tr.finding[data-severity=error]")));
    assertEquals(false, eval("__cbVisible(document.getElementById('rule-SBOM-004'))"));
    assertEquals(true, eval("__cbVisible(document.getElementById('rule-SBOM-007'))"));
    assertEquals(2L, evalLong(countVisible("tr.finding[data-severity=warning]")), "SBOM-006's and SBOM-007's warnings");
    eval("document.getElementById('filter-reset').click(), true");
    assertEquals((long) report.results().size(), evalLong(countVisible("article.rule")), "Show all restores every rule");

    // print: no filters, collapsed sections expanded, full digests
    cdp.send("Emulation.setEmulatedMedia", obj("media", "print"), session);
    assertEquals(false, eval("__cbVisible(document.getElementById('filters'))"), "filters hidden in print");
    assertEquals(true, eval("__cbVisible(document.querySelector('#rule-SBOM-001 details.background p'))"),
        "rationale expanded in print");
    assertEquals(true, eval("__cbVisible(document.querySelector('.sha-full'))"), "full SHA-256 in print");
    assertEquals(false, eval("__cbVisible(document.querySelector('.sha-short'))"));
    screenshot("infusion-pump-print.png", true);
    cdp.send("Emulation.setEmulatedMedia", obj("media", ""), session);
    assertEquals(false, eval("__cbVisible(document.querySelector('#rule-SBOM-001 details.background p'))"),
        "rationale collapsed on screen");

    assertQuiet(page);
  }

  @Test
  void hostileDocumentStringsStayText() throws Exception {
    Path page = HtmlReportTest.writeArtifact("hostile.html", HtmlReportTest.hostileHtml());
    load(page);
    screenshot("hostile.png", true);

    assertEquals(0L, evalLong("document.querySelectorAll('img, svg, iframe, object, embed, link').length"),
        "no element from the document's strings");
    assertEquals(1L, evalLong("document.scripts.length"), "only the page's own script");
    assertEquals(1L, evalLong("document.querySelectorAll('h1').length"));
    assertEquals(0L, evalLong("""
        Array.prototype.filter.call(document.querySelectorAll('*'), function (el) {
          return Array.prototype.some.call(el.attributes, function (a) { return a.name.indexOf('on') === 0; });
        }).length"""), "no event-handler attribute anywhere");
    // the markup is shown as text, where a reviewer can read it
    assertEquals(true, eval(findText(".finding-message", HtmlReportTest.IMG_PAYLOAD, true) + ".some(__cbVisible)"));
    assertEquals(true, eval(findText(".finding-message", HtmlReportTest.SCRIPT_NAME, true) + ".some(__cbVisible)"));
    assertEquals(true, eval("document.body.innerText.indexOf(" + JSON.writeValueAsString(HtmlReportTest.HOSTILE_NAME) + ") >= 0"));
    assertQuiet(page);
  }

  @Test
  void reportIsReadableWithScriptsDisabled() throws Exception {
    cdp.send("Emulation.setScriptExecutionDisabled", JSON.createObjectNode().put("value", true), session);
    ValidationReport report = HtmlReportTest.exampleReport();
    Path page = HtmlReportTest.writeArtifact("infusion-pump.html",
        HtmlReport.render(report, HtmlReportTest.validator().baseline()));
    load(page);
    eval("document.getElementById('checklist').scrollIntoView(), true");
    screenshot("infusion-pump-no-javascript.png", false);
    cdp.send("Emulation.setScriptExecutionDisabled", JSON.createObjectNode().put("value", false), session);
    assertEquals(true, eval("document.getElementById('filters').hidden"), "the page's script did not run");
    assertEquals(false, eval("__cbVisible(document.getElementById('filters'))"), "no dead filter controls");
    assertEquals(true, eval("__cbVisible(document.getElementById('verdict-headline'))"));
    assertEquals((long) report.results().size(), evalLong(countVisible("article.rule")));
    Finding finding = report.result("SBOM-004").orElseThrow().findings().get(0);
    assertEquals(true, eval(findText(".finding-message", finding.message()) + ".some(__cbVisible)"));
    assertQuiet(page);
  }

  /** The checks above would see a dialog, an exception, a console error and a request. */
  @Test
  void harnessSeesWhatItChecksFor() throws Exception {
    Path page = HtmlReportTest.writeArtifact("harness-self-check.html", """
        <!DOCTYPE html><html><head><title>self-check</title></head><body><p>self-check</p>
        <script>console.error('logged'); alert('dialog'); fetch('http://127.0.0.1:9/none').catch(function () {});</script>
        <script>throw new Error('thrown');</script>
        </body></html>
        """);
    load(page);
    String problems = String.join("\n", problems(page));
    for (String expected : List.of("dialog: alert dialog", "console.error", "exception:", "request: http://127.0.0.1:9/none")) {
      assertTrue(problems.contains(expected), expected + " not seen in:\n" + problems);
    }
  }

  // ---- page helpers --------------------------------------------------------------------------

  private void load(Path page) throws Exception {
    String url = page.toAbsolutePath().toUri().toString();
    int mark = cdp.eventCount();
    JsonNode navigated = cdp.send("Page.navigate", obj("url", url), session);
    if (navigated.hasNonNull("errorText")) {
      fail("navigation to " + url + " failed: " + navigated.get("errorText").asText());
    }
    cdp.awaitEvent(mark, e -> "Page.loadEventFired".equals(e.path("method").asText()) && session.equals(e.path("sessionId").asText()));
    eval(VISIBLE_JS);
  }

  /**
   * The page ran without a console error, an uncaught exception, a dialog, a Content-Security-Policy
   * violation or any request but for the page itself.
   */
  private void assertQuiet(Path page) throws Exception {
    assertEquals(List.of(), problems(page), "page " + page.toAbsolutePath().toUri());
  }

  private List<String> problems(Path page) throws Exception {
    String pageUrl = page.toAbsolutePath().toUri().toString();
    List<String> problems = new ArrayList<>();
    for (JsonNode event : cdp.events()) {
      if (!session.equals(event.path("sessionId").asText())) {
        continue;
      }
      JsonNode params = event.path("params");
      switch (event.path("method").asText()) {
        case "Page.javascriptDialogOpening" -> problems.add("dialog: " + params.path("type").asText() + " " + params.path("message").asText());
        case "Runtime.exceptionThrown" -> problems.add("exception: " + params.path("exceptionDetails"));
        case "Runtime.consoleAPICalled" -> {
          String type = params.path("type").asText();
          if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
            problems.add("console." + type + ": " + params.path("args"));
          }
        }
        case "Log.entryAdded" -> {
          String level = params.path("entry").path("level").asText();
          if (level.equals("error") || level.equals("warning")) {
            problems.add("log " + level + ": " + params.path("entry").path("text").asText());
          }
        }
        case "Network.requestWillBeSent" -> {
          String url = params.path("request").path("url").asText();
          if (!url.equals(pageUrl) && !url.equals("about:blank")) {
            problems.add("request: " + url);
          }
        }
        default -> { }
      }
    }
    for (JsonNode violation : JSON.valueToTree(eval("window.__cbViolations || []"))) {
      problems.add("CSP violation: " + violation.asText());
    }
    return problems;
  }

  private Object eval(String expression) throws Exception {
    ObjectNode params = obj("expression", expression);
    params.put("returnByValue", true);
    params.put("awaitPromise", true);
    JsonNode result = cdp.send("Runtime.evaluate", params, session);
    if (result.has("exceptionDetails")) {
      fail("page script failed: " + result.get("exceptionDetails") + "\nexpression: " + expression);
    }
    return JSON.convertValue(result.path("result").path("value"), Object.class);
  }

  private long evalLong(String expression) throws Exception {
    return ((Number) eval(expression)).longValue();
  }

  private static String countVisible(String selector) {
    return "Array.prototype.filter.call(document.querySelectorAll(" + quote(selector) + "), __cbVisible).length";
  }

  private static String findText(String selector, String text) throws IOException {
    return findText(selector, text, false);
  }

  /** Elements matching {@code selector} whose text is (or, with {@code contains}, contains) {@code text}. */
  private static String findText(String selector, String text, boolean contains) throws IOException {
    String test = contains ? "el.textContent.indexOf(t) >= 0" : "el.textContent === t";
    return "(function (t) { return Array.prototype.filter.call(document.querySelectorAll(" + quote(selector)
        + "), function (el) { return " + test + "; }); })(" + JSON.writeValueAsString(text) + ")";
  }

  private static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void screenshot(String name, boolean fullPage) throws Exception {
    ObjectNode params = obj("format", "png");
    if (fullPage) {
      long height = Math.min(evalLong("document.documentElement.scrollHeight"), 12000);
      ObjectNode clip = params.putObject("clip");
      clip.put("x", 0);
      clip.put("y", 0);
      clip.put("width", 1280);
      clip.put("height", height);
      clip.put("scale", 1);
      params.put("captureBeyondViewport", true);
    }
    JsonNode shot = cdp.send("Page.captureScreenshot", params, session);
    byte[] png = Base64.getDecoder().decode(shot.get("data").asText());
    assertTrue(png.length > 1000, "screenshot " + name + " has content");
    Files.write(SCREENSHOTS.resolve(name), png);
  }

  private static ObjectNode obj(String key, String value) {
    return JSON.createObjectNode().put(key, value);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /**
   * A minimal Chrome DevTools Protocol client over one browser-level WebSocket, using flattened
   * sessions: commands carry a {@code sessionId} to reach a tab; every event is kept in order.
   */
  static final class Cdp implements WebSocket.Listener {
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    Cdp(URI endpoint) throws Exception {
      this.socket = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()
          .newWebSocketBuilder()
          .connectTimeout(TIMEOUT)
          .buildAsync(endpoint, this)
          .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    JsonNode send(String method, ObjectNode params, String sessionId) throws Exception {
      try {
        return sendAsync(method, params, sessionId).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        throw new AssertionError("no answer to " + method + " within " + TIMEOUT, e);
      }
    }

    CompletableFuture<JsonNode> sendAsync(String method, ObjectNode params, String sessionId) {
      long id = ids.incrementAndGet();
      ObjectNode message = JSON.createObjectNode();
      message.put("id", id);
      message.put("method", method);
      message.set("params", params);
      if (sessionId != null) {
        message.put("sessionId", sessionId);
      }
      CompletableFuture<JsonNode> answer = new CompletableFuture<>();
      pending.put(id, answer);
      synchronized (socket) {
        socket.sendText(message.toString(), true).join();
      }
      return answer;
    }

    int eventCount() {
      synchronized (events) {
        return events.size();
      }
    }

    List<JsonNode> events() {
      synchronized (events) {
        return List.copyOf(events);
      }
    }

    /** Waits for an event after the first {@code from} ones that matches. */
    JsonNode awaitEvent(int from, Predicate<JsonNode> match) throws InterruptedException {
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      synchronized (events) {
        while (true) {
          for (int i = from; i < events.size(); i++) {
            if (match.test(events.get(i))) {
              return events.get(i);
            }
          }
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0) {
            throw new AssertionError("event not seen within " + TIMEOUT);
          }
          events.wait(left);
        }
      }
    }

    void close() {
      socket.abort();
      pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("closed")));
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        handle(text);
      }
      webSocket.request(1);
      return null;
    }

    private void handle(String text) {
      JsonNode message;
      try {
        message = JSON.readTree(text);
      } catch (IOException e) {
        return;
      }
      if (message.has("id")) {
        CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asLong());
        if (answer != null) {
          if (message.has("error")) {
            answer.completeExceptionally(new AssertionError("CDP error: " + message.get("error")));
          } else {
            answer.complete(message.path("result"));
          }
        }
        return;
      }
      if ("Page.javascriptDialogOpening".equals(message.path("method").asText())) {
        // Recorded as a problem below; dismissed so that a blocked page cannot hang the test.
        ObjectNode dismiss = JSON.createObjectNode().put("accept", false);
        String sessionId = message.path("sessionId").asText();
        CompletableFuture.runAsync(() -> sendAsync("Page.handleJavaScriptDialog", dismiss, sessionId));
      }
      synchronized (events) {
        events.add(message);
        events.notifyAll();
      }
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      pending.values().forEach(f -> f.completeExceptionally(error));
    }
  }
}
