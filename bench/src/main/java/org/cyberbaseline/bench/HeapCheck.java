package org.cyberbaseline.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.cyberbaseline.sbom.SbomReader;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.Submission;
import org.cyberbaseline.validator.ValidationReport;
import org.cyberbaseline.validator.Validator;

/**
 * Runs one operation once on one generated SBOM in this JVM and reports its heap use. Run it under
 * a bounded {@code -Xmx} (e.g. 10 × the file size): finishing at all is the proof that the operation
 * fits; the numbers say by how much.
 *
 * <pre>
 * java -Xmx370m -cp bench/target/benchmarks.jar org.cyberbaseline.bench.HeapCheck validate cyclonedx-json 50000
 * </pre>
 *
 * <p>Operations: {@code validate} (the whole validation, ntia-sbom@2021), {@code reader}
 * ({@code SbomReader.read}), {@code reference} (cyclonedx-core-java validate + parse), {@code floor}.
 *
 * <p>Reported: {@code peakPools}, the sum of the peak usage of every heap memory pool while the
 * operation ran (an upper bound: the pools peak at different moments, and garbage not yet collected
 * counts), and {@code peakAfterGc}, the most heap still in use right after any collection during the
 * run (close to the live set). Exit code 0 on success, 3 on OutOfMemoryError.
 */
public final class HeapCheck {
  private HeapCheck() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      System.err.println("usage: HeapCheck validate|reader|reference|floor FORMAT COMPONENTS");
      System.exit(2);
    }
    String operation = args[0];
    BenchFormat format = BenchFormat.of(args[1]);
    int components = Integer.parseInt(args[2]);
    Path file = Corpus.file(format, components);
    long fileBytes = Files.size(file);

    // Everything the operation needs but that is not per-document is set up before measuring.
    Validator validator = operation.equals("validate") ? Validator.builder().baseline("ntia-sbom", "2021").build() : null;
    SbomReader reader = operation.equals("reader") ? new SbomReader() : null;
    byte[] content = Files.readAllBytes(file);

    AtomicLong peakAfterGc = new AtomicLong();
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (notification, handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                  return;
                }
                GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = 0;
                for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                  if (isHeap(pool.getKey())) {
                    used += pool.getValue().getUsed();
                  }
                }
                peakAfterGc.accumulateAndGet(used, Math::max);
              },
              null,
              null);
    }
    System.gc();
    long before = heapUsed();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    long start = System.nanoTime();
    String outcome;
    try {
      outcome =
          switch (operation) {
            case "validate" -> summary(validator.validate(Submission.ofSbom("x.json", content)));
            case "reader" -> reader.read(content).getClass().getSimpleName();
            case "reference" -> String.valueOf(format.reference(content).getClass().getSimpleName());
            case "floor" -> format.floor(content) + " tokens";
            default -> throw new IllegalArgumentException("unknown operation " + operation);
          };
    } catch (OutOfMemoryError e) {
      content = null;
      System.out.printf(
          Locale.ROOT,
          "heap-check op=%s format=%s components=%d fileBytes=%d xmx=%d result=OutOfMemoryError%n",
          operation, format.id(), components, fileBytes, Runtime.getRuntime().maxMemory());
      System.exit(3);
      return;
    }
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    long peakPools = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peakPools += pool.getPeakUsage().getUsed();
      }
    }
    long max = Runtime.getRuntime().maxMemory();
    System.out.printf(
        Locale.ROOT,
        "heap-check op=%s format=%s components=%d fileBytes=%d xmx=%d result=ok ms=%d"
            + " heapBefore=%d peakPools=%d peakAfterGc=%d peakPoolsPerFileSize=%.2f peakAfterGcPerFileSize=%.2f"
            + " outcome=%s%n",
        operation, format.id(), components, fileBytes, max, elapsedMs, before, peakPools, peakAfterGc.get(),
        (double) peakPools / fileBytes, (double) peakAfterGc.get() / fileBytes, outcome);
  }

  private static boolean isHeap(String poolName) {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals(poolName)) {
        return pool.getType() == MemoryType.HEAP;
      }
    }
    return false;
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static String summary(ValidationReport report) {
    long pass = report.results().stream().filter(r -> r.status() == Status.PASS).count();
    long fail = report.results().stream().filter(r -> r.status() == Status.FAIL).count();
    long findings = report.results().stream().mapToLong(r -> r.findings().size()).sum();
    return "rules:" + report.results().size() + ",pass:" + pass + ",fail:" + fail + ",findings:" + findings;
  }
}
