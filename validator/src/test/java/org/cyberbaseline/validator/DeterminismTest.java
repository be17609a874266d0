package org.cyberbaseline.validator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.cyberbaseline.validator.report.HtmlReport;
import org.cyberbaseline.validator.report.JUnitXmlReport;
import org.cyberbaseline.validator.report.JsonReport;
import org.cyberbaseline.validator.report.MarkdownReport;
import org.cyberbaseline.validator.report.SarifReport;
import org.cyberbaseline.validator.report.TextReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same submission gives byte-identical reports: twice in a row, on two threads at once, from
 * folders written in different file-system orders, and under different default locales and time
 * zones. The example submission is used because it exercises every artifact type and many findings.
 */
class DeterminismTest {
  private static Validator validator;
  private static Path example;

  @TempDir static Path temp;

  @BeforeAll
  static void setUp() throws Exception {
    validator = TestSupport.validator();
    example = TestSupport.repoRoot().resolve("examples/infusion-pump");
  }

  /** Every report format of one validation, as bytes. */
  record Reports(byte[] json, byte[] sarif, byte[] html, byte[] markdown, byte[] junit, byte[] text) {
    static Reports of(ValidationReport report) {
      return new Reports(
          JsonReport.toBytes(report),
          SarifReport.toBytes(report, validator.baseline()),
          HtmlReport.render(report, validator.baseline()).getBytes(StandardCharsets.UTF_8),
          MarkdownReport.render(report, 10).getBytes(StandardCharsets.UTF_8),
          JUnitXmlReport.toBytes(report),
          TextReport.render(report, 10).getBytes(StandardCharsets.UTF_8));
    }

    void assertSameAs(Reports other, String what) {
      assertArrayEquals(json, other.json, what + ": JSON");
      assertArrayEquals(sarif, other.sarif, what + ": SARIF");
      assertArrayEquals(html, other.html, what + ": HTML");
      assertArrayEquals(markdown, other.markdown, what + ": Markdown");
      assertArrayEquals(junit, other.junit, what + ": JUnit XML");
      assertArrayEquals(text, other.text, what + ": text");
    }
  }

  private static Reports validate(Path folder) throws Exception {
    return Reports.of(validator.validate(Submission.fromDirectory(folder)));
  }

  @Test
  void twiceInARowGivesIdenticalReports() throws Exception {
    validate(example).assertSameAs(validate(example), "second run");
  }

  @Test
  void twoThreadsAtOnceGiveIdenticalReports() throws Exception {
    Reports sequential = validate(example);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Reports> task = () -> validate(example);
      List<Future<Reports>> futures = pool.invokeAll(List.of(task, task));
      for (Future<Reports> future : futures) {
        sequential.assertSameAs(future.get(), "concurrent run");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Copies the example writing its files in the given order, so directory listings differ. */
  private static Path copy(String name, boolean reversed) throws Exception {
    Path target = temp.resolve(name);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(example)) {
      files = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
    }
    if (reversed) {
      Collections.reverse(files);
    }
    for (Path file : files) {
      Path to = target.resolve(example.relativize(file).toString());
      Files.createDirectories(to.getParent());
      Files.copy(file, to);
    }
    return target;
  }

  @Test
  void fileSystemOrderDoesNotMatter() throws Exception {
    Path forward = copy("forward", false);
    Path backward = copy("backward", true);
    Reports a = validate(forward);
    a.assertSameAs(validate(backward), "files written in reverse order");
    a.assertSameAs(validate(example), "the original folder");
  }

  @Test
  void defaultLocaleAndTimeZoneDoNotMatter() throws Exception {
    Locale locale = Locale.getDefault();
    TimeZone zone = TimeZone.getDefault();
    try {
      // Turkish: "I".toLowerCase() is a dotless i; German formats numbers with ',' and '.'.
      // Kiritimati is UTC+14 and Honolulu UTC-10: the fixed clock's instant is a different local day in each.
      Locale.setDefault(Locale.forLanguageTag("tr-TR"));
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
      Reports turkish = validate(example);
      Locale.setDefault(Locale.US);
      TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Honolulu"));
      Reports american = validate(example);
      Locale.setDefault(Locale.GERMANY);
      TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
      Reports german = validate(example);
      turkish.assertSameAs(american, "tr-TR/UTC+14 vs en-US/UTC-10");
      turkish.assertSameAs(german, "tr-TR/UTC+14 vs de-DE/UTC");
      // The check is not vacuous: the report does contain text a locale could change.
      String json = new String(turkish.json(), StandardCharsets.UTF_8);
      assertNotEquals(-1, json.indexOf("SBOM-"));
      assertEquals(-1, json.indexOf('\u0131'), "no dotless i from a Turkish lower-casing");
    } finally {
      Locale.setDefault(locale);
      TimeZone.setDefault(zone);
    }
  }
}
