package org.cyberbaseline.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The generated SBOMs the benchmarks read, written once into a scratch folder and reused. Never
 * committed: a 50k-component file is tens of megabytes. The folder is the system property {@value
 * #DIR_PROPERTY}, by default {@code cyber-baseline-bench} under {@code java.io.tmpdir};
 * {@code bench/run.sh} points it at {@code bench/target/sboms}.
 */
public final class Corpus {
  public static final String DIR_PROPERTY = "cyberbaseline.bench.dir";
  /** Fixed so that every run measures the same documents. */
  public static final long SEED = 20260115L;
  /** Share of components with one gap (no supplier, no licence or weak hash only). */
  public static final double GAP_RATE = 0.01;
  /** Bump when the generator's output changes, so stale files are not reused. */
  static final int GENERATOR_VERSION = 3;

  private Corpus() {}

  public static Path directory() {
    String configured = System.getProperty(DIR_PROPERTY);
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("java.io.tmpdir"), "cyber-baseline-bench");
  }

  /** The file for {@code format} with {@code components} components, generated if not there yet. */
  public static Path file(BenchFormat format, int components) {
    Path dir = directory();
    Path file =
        dir.resolve(
            format.id() + "-" + components + "-s" + SEED + "-g" + GENERATOR_VERSION + format.writer().extension());
    if (Files.isRegularFile(file)) {
      return file;
    }
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "generating-", ".tmp");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        format.writer().write(SyntheticSbom.generate(components, SEED, GAP_RATE), out);
      }
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot generate " + file, e);
    }
  }

  public static byte[] bytes(BenchFormat format, int components) {
    try {
      return Files.readAllBytes(file(format, components));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the files for the given sizes and prints where they are: {@code Corpus [format] sizes...}. */
  public static void main(String[] args) throws IOException {
    BenchFormat format = args.length > 0 ? BenchFormat.of(args[0]) : BenchFormat.CYCLONEDX_JSON;
    int[] sizes = {1000, 10_000, 50_000};
    if (args.length > 1) {
      sizes = new int[args.length - 1];
      for (int i = 1; i < args.length; i++) {
        sizes[i - 1] = Integer.parseInt(args[i]);
      }
    }
    for (int size : sizes) {
      Path file = file(format, size);
      System.out.printf("%s %d components: %s (%d bytes)%n", format.id(), size, file, Files.size(file));
    }
  }
}
