package org.cyberbaseline.validator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cyberbaseline.validator.report.HtmlReport;
import org.cyberbaseline.validator.report.JsonReport;
import org.cyberbaseline.validator.report.ReportFiles;
import org.cyberbaseline.validator.report.SarifReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs are never modified, and a report write that is interrupted leaves the previous report (or
 * none), never a partial file.
 */
class NothingLostTest {
  private static final byte[] PREVIOUS = "{ \"previous\" : \"report\" }\n".getBytes(StandardCharsets.UTF_8);

  @TempDir Path temp;

  /** SHA-256 and modification time of every file under {@code root}, by relative path. */
  private static Map<String, String> fingerprint(Path root) throws Exception {
    Map<String, String> prints = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        FileTime modified = Files.getLastModifiedTime(file);
        prints.put(root.relativize(file).toString(), sha + " " + modified.toMillis());
      }
    }
    return prints;
  }

  @Test
  void validationAndReportsNeverModifyTheInputs() throws Exception {
    Path example = TestSupport.repoRoot().resolve("examples/infusion-pump");
    Path copy = temp.resolve("pump");
    try (Stream<Path> walk = Files.walk(example)) {
      for (Path file : walk.filter(Files::isRegularFile).toList()) {
        Path to = copy.resolve(example.relativize(file).toString());
        Files.createDirectories(to.getParent());
        Files.copy(file, to);
      }
    }
    // Also a waiver file and an unreadable artifact, so that every reading path runs.
    Files.writeString(copy.resolve("waivers.json"), "{ \"waiverFormat\": \"1.0\", \"waivers\": [] }");
    Map<String, String> before = fingerprint(copy);

    Validator validator = TestSupport.validator();
    ValidationReport report = validator.validate(Submission.fromDirectory(copy));
    Path reports = temp.resolve("reports");
    ReportFiles.writeAtomically(reports.resolve("r.json"), JsonReport.toBytes(report));
    ReportFiles.writeAtomically(reports.resolve("r.sarif"), SarifReport.toBytes(report, validator.baseline()));
    ReportFiles.writeAtomically(reports.resolve("r.html"), HtmlReport.render(report, validator.baseline()).getBytes(StandardCharsets.UTF_8));

    assertEquals(before, fingerprint(copy), "an input file changed, appeared or disappeared");
    assertTrue(before.size() >= 8, before::toString);
  }

  @Test
  void aWriteThatFailsLeavesWhatWasThereAndNoTemporaryFile() throws Exception {
    // The report path is taken by a folder with content: the final rename must fail.
    Path target = temp.resolve("out/cyber-baseline-report.json");
    Files.createDirectories(target);
    Files.write(target.resolve("keep.txt"), PREVIOUS);
    assertThrows(IOException.class, () -> ReportFiles.writeAtomically(target, new byte[1 << 20]));
    assertArrayEquals(PREVIOUS, Files.readAllBytes(target.resolve("keep.txt")));
    assertEquals(List.of("cyber-baseline-report.json"), names(target.getParent()), "no temporary file left behind");
  }

  @Test
  void aProcessKilledMidWriteLeavesThePreviousReportOrNone() throws Exception {
    Path withPrevious = temp.resolve("previous/cyber-baseline-report.json");
    ReportFiles.writeAtomically(withPrevious, PREVIOUS);
    killWriterMidway(withPrevious);
    assertArrayEquals(PREVIOUS, Files.readAllBytes(withPrevious), "the previous report must survive intact");

    Path withoutPrevious = temp.resolve("none/cyber-baseline-report.json");
    Files.createDirectories(withoutPrevious.getParent());
    killWriterMidway(withoutPrevious);
    assertFalse(Files.exists(withoutPrevious), "no partial report may appear");
  }

  /**
   * Starts a JVM that writes a 1 GiB report to {@code target} with {@link ReportFiles#writeAtomically}
   * and kills it (SIGKILL: no finally block runs) once the write has visibly started.
   */
  private static void killWriterMidway(Path target) throws Exception {
    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1500m",
                "-cp",
                System.getProperty("java.class.path"),
                SlowReportWriter.class.getName(),
                target.toString())
            .redirectErrorStream(true)
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (System.nanoTime() < deadline && child.isAlive() && !writeStarted(target.getParent())) {
        Thread.sleep(5);
      }
      assertTrue(child.isAlive(), "the writer finished before it could be interrupted; raise its size");
      assertTrue(writeStarted(target.getParent()), "the writer never started writing");
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    } finally {
      child.destroyForcibly();
    }
  }

  /** A temporary file beside the target has some, but not all, of the report. */
  private static boolean writeStarted(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp") && sizeOf(f) > 0);
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }

  /** The child process of {@link #aProcessKilledMidWriteLeavesThePreviousReportOrNone}. */
  static final class SlowReportWriter {
    public static void main(String[] args) throws IOException {
      byte[] huge = new byte[1 << 30];
      java.util.Arrays.fill(huge, (byte) 'x');
      ReportFiles.writeAtomically(Path.of(args[0]), huge);
    }
  }
}
