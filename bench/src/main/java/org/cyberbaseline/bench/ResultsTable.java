package org.cyberbaseline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a JMH JSON result file ({@code -rf json -rff FILE}) into the Markdown tables of
 * docs/performance.md: median milliseconds per document, MB/s derived from the generated file's
 * size, the speed-up of the whole validation over cyclonedx-core-java, and allocation per document
 * when the run used {@code -prof gc}.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.cyberbaseline.bench.ResultsTable bench/target/jmh-result.json</pre>
 */
public final class ResultsTable {
  private static final String[] COLUMNS = {
    "floorTokens", "referenceLibrary", "sbomReader", "validateNtia", "locatedParse", "schemaCheckOnly"
  };
  private static final Map<String, String> TITLES =
      Map.of(
          "floorTokens", "floor",
          "referenceLibrary", "reference",
          "sbomReader", "SbomReader.read",
          "validateNtia", "whole validation (ntia-sbom@2021)",
          "locatedParse", "located parse only",
          "schemaCheckOnly", "1.6 schema check only");

  private ResultsTable() {}

  private record Cell(double medianMs, double min, double max, int samples, Double allocBytes) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ResultsTable JMH_RESULT.json");
      System.exit(2);
    }
    JsonNode results = new ObjectMapper().readTree(Files.readAllBytes(Path.of(args[0])));
    // format -> components -> benchmark -> cell
    Map<String, TreeMap<Integer, Map<String, Cell>>> table = new LinkedHashMap<>();
    for (JsonNode result : results) {
      String benchmark = result.path("benchmark").asText();
      benchmark = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      JsonNode params = result.path("params");
      String format = params.path("format").asText("cyclonedx-json");
      int components = params.path("components").asInt();
      JsonNode metric = result.path("primaryMetric");
      double factor = toMs(metric.path("scoreUnit").asText());
      double median = metric.path("scorePercentiles").path("50.0").asDouble(metric.path("score").asDouble()) * factor;
      double min = metric.path("scorePercentiles").path("0.0").asDouble() * factor;
      double max = metric.path("scorePercentiles").path("100.0").asDouble() * factor;
      int samples = 0;
      for (JsonNode fork : metric.path("rawData")) {
        samples += fork.size();
      }
      JsonNode secondary = result.path("secondaryMetrics");
      // JMH 1.37 names it "gc.alloc.rate.norm"; older versions prefixed a middle dot
      JsonNode alloc = secondary.has("gc.alloc.rate.norm") ? secondary.path("gc.alloc.rate.norm") : secondary.path("·gc.alloc.rate.norm");
      Double allocBytes = alloc.isMissingNode() ? null : alloc.path("score").asDouble();
      table
          .computeIfAbsent(format, f -> new TreeMap<>())
          .computeIfAbsent(components, c -> new LinkedHashMap<>())
          .put(benchmark, new Cell(median, min, max, samples, allocBytes));
    }

    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, TreeMap<Integer, Map<String, Cell>>> byFormat : table.entrySet()) {
      BenchFormat format = BenchFormat.of(byFormat.getKey());
      List<String> present = new ArrayList<>();
      for (String column : COLUMNS) {
        if (byFormat.getValue().values().stream().anyMatch(row -> row.containsKey(column))) {
          present.add(column);
        }
      }
      out.append("#### ").append(format.title()).append("\n\n");
      out.append("Median ms per document (MB/s = file size / median; 1 MB = 10^6 bytes).");
      if (present.contains("floorTokens")) {
        out.append(" Floor: ").append(format.floorName()).append("; reference: ").append(format.referenceName()).append('.');
      }
      out.append("\n\n");
      out.append("| components | file size |");
      present.forEach(c -> out.append(' ').append(TITLES.get(c)).append(" |"));
      boolean speedUp = present.contains("validateNtia") && present.contains("referenceLibrary");
      if (speedUp) {
        out.append(" whole validation vs reference |");
      }
      out.append("\n|---:|---:|");
      present.forEach(c -> out.append("---:|"));
      if (speedUp) {
        out.append("---:|");
      }
      out.append('\n');
      for (Map.Entry<Integer, Map<String, Cell>> row : byFormat.getValue().entrySet()) {
        long bytes = Files.size(Corpus.file(format, row.getKey()));
        out.append(String.format(Locale.ROOT, "| %,d | %.1f MB |", row.getKey(), bytes / 1e6));
        for (String column : present) {
          Cell cell = row.getValue().get(column);
          if (cell == null) {
            out.append(" — |");
          } else {
            out.append(
                String.format(
                    Locale.ROOT, " %s ms (%.0f MB/s) |", ms(cell.medianMs()), bytes / 1e6 / (cell.medianMs() / 1000)));
          }
        }
        if (speedUp) {
          Cell validate = row.getValue().get("validateNtia");
          Cell reference = row.getValue().get("referenceLibrary");
          out.append(
              validate == null || reference == null
                  ? " — |"
                  : String.format(Locale.ROOT, " %.1f× |", reference.medianMs() / validate.medianMs()));
        }
        out.append('\n');
      }
      out.append("\nSpread (min–max ms over the measured iterations, count):\n\n| components |");
      present.forEach(c -> out.append(' ').append(TITLES.get(c)).append(" |"));
      out.append("\n|---:|");
      present.forEach(c -> out.append("---:|"));
      out.append('\n');
      for (Map.Entry<Integer, Map<String, Cell>> row : byFormat.getValue().entrySet()) {
        out.append(String.format(Locale.ROOT, "| %,d |", row.getKey()));
        for (String column : present) {
          Cell cell = row.getValue().get(column);
          out.append(
              cell == null
                  ? " — |"
                  : String.format(Locale.ROOT, " %s–%s (%d) |", ms(cell.min()), ms(cell.max()), cell.samples()));
        }
        out.append('\n');
      }
      boolean anyAlloc =
          byFormat.getValue().values().stream().flatMap(r -> r.values().stream()).anyMatch(c -> c.allocBytes() != null);
      if (anyAlloc) {
        out.append("\nAllocated per document (JMH -prof gc, gc.alloc.rate.norm), MB and × file size:\n\n| components |");
        present.forEach(c -> out.append(' ').append(TITLES.get(c)).append(" |"));
        out.append("\n|---:|");
        present.forEach(c -> out.append("---:|"));
        out.append('\n');
        for (Map.Entry<Integer, Map<String, Cell>> row : byFormat.getValue().entrySet()) {
          long bytes = Files.size(Corpus.file(format, row.getKey()));
          out.append(String.format(Locale.ROOT, "| %,d |", row.getKey()));
          for (String column : present) {
            Cell cell = row.getValue().get(column);
            out.append(
                cell == null || cell.allocBytes() == null
                    ? " — |"
                    : String.format(
                        Locale.ROOT, " %.0f MB (%.1f×) |", cell.allocBytes() / 1e6, cell.allocBytes() / bytes));
          }
          out.append('\n');
        }
      }
      out.append('\n');
    }
    System.out.print(out);
  }

  private static String ms(double ms) {
    return ms >= 100 ? String.format(Locale.ROOT, "%,.0f", ms) : String.format(Locale.ROOT, "%.1f", ms);
  }

  private static double toMs(String unit) {
    return switch (unit) {
      case "s/op" -> 1000;
      case "ms/op" -> 1;
      case "us/op" -> 0.001;
      case "ns/op" -> 0.000001;
      default -> throw new IllegalArgumentException("unexpected JMH unit " + unit);
    };
  }
}
