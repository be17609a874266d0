package org.cyberbaseline.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A format-neutral synthetic SBOM: what every {@link SbomWriter} serialises. The same seed and size
 * always give the same document, so every format is measured on the same content and a result can
 * be reproduced exactly.
 *
 * <p>The content imitates a real device SBOM: suppliers drawn from a pool, Maven/npm/PyPI-style
 * package URLs with matching CPE 2.3 names, a SHA-256 hash, SPDX licence ids and a few expressions,
 * one or two properties, sometimes a description or an external reference, a few nested components, and a dependency graph
 * rooted at the primary component in which every component is reachable. A small share of the
 * components has a realistic gap (no supplier, no licence, weak hash only) so that the rules produce
 * findings and the reporting path is measured too.
 *
 * @param components every component, flattened in document order; nested ones follow their parent
 */
public record SyntheticSbom(
    String serialNumber,
    String timestamp,
    SyntheticComponent primary,
    List<SyntheticComponent> components,
    List<Edge> dependencies) {

  /** One component. {@code parent} is the index of its enclosing component, or -1 when top-level. */
  public record SyntheticComponent(
      String ref,
      String type,
      Optional<String> supplier,
      Optional<String> supplierUrl,
      Optional<String> group,
      String name,
      String version,
      Optional<String> description,
      String purl,
      String cpe,
      Optional<String> sha256,
      Optional<String> sha1,
      List<String> licenseIds,
      Optional<String> licenseExpression,
      List<String[]> properties,
      List<String[]> externalReferences,
      int parent) {}

  /** A dependencies entry: {@code ref} depends directly on {@code dependsOn}. */
  public record Edge(String ref, List<String> dependsOn) {}

  private static final String[] LICENSES = {
    "Apache-2.0", "MIT", "BSD-3-Clause", "BSD-2-Clause", "EPL-2.0", "MPL-2.0", "ISC", "LGPL-2.1-or-later",
    "GPL-2.0-only", "Zlib"
  };
  private static final String[] ECOSYSTEMS = {"maven", "npm", "pypi", "generic"};
  private static final String[] WORDS = {
    "core", "util", "http", "json", "crypto", "log", "io", "net", "xml", "cache", "codec", "pool", "async",
    "config", "db", "auth", "test", "proto", "stream", "time"
  };

  /** Fixed so that reports are reproducible; before any plausible submission date. */
  public static final String TIMESTAMP = "2026-01-15T09:30:00Z";

  /**
   * Generates {@code count} components (nested ones included; the primary component is extra).
   *
   * @param gapRate share of components given one realistic gap, e.g. 0.01
   */
  public static SyntheticSbom generate(int count, long seed, double gapRate) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be positive");
    }
    SplittableRandom random = new SplittableRandom(seed);
    String serial = "urn:uuid:" + uuid(random);
    SyntheticComponent primary =
        new SyntheticComponent(
            "device-firmware",
            "firmware",
            Optional.of("Example Medical Devices Inc."),
            Optional.of("https://devices.example.com"),
            Optional.of("com.example.devices"),
            "infusion-pump-firmware",
            "4.2.0",
            Optional.of("Firmware of the example connected infusion pump"),
            "pkg:generic/com.example.devices/infusion-pump-firmware@4.2.0",
            "cpe:2.3:o:example_medical:infusion-pump-firmware:4.2.0:*:*:*:*:*:*:*",
            Optional.of(hex(random, 32)),
            Optional.of(hex(random, 20)),
            List.of(),
            Optional.of("LicenseRef-Proprietary"),
            List.<String[]>of(new String[] {"cdx:fda:level-of-support", "full"}),
            List.<String[]>of(),
            -1);

    List<SyntheticComponent> components = new ArrayList<>(count);
    int nestedLeft = 0;
    int currentParent = -1;
    for (int i = 0; i < count; i++) {
      int parent;
      if (nestedLeft > 0) {
        parent = currentParent;
        nestedLeft--;
      } else {
        parent = -1;
        // about one top-level component in 40 bundles two nested ones (a shaded jar, a vendored lib)
        if (i + 2 < count && random.nextInt(40) == 0) {
          currentParent = i;
          nestedLeft = 2;
        }
      }
      components.add(component(random, i, parent, gapRate));
    }

    // The dependency graph: each component hangs under the primary component (the first 20 and the
    // top-level ones sometimes), its enclosing component, or an earlier component not far before it;
    // some have a second parent. Edges only go from earlier to later, so it is a DAG.
    List<LinkedHashSet<String>> dependsOn = new ArrayList<>(count);
    LinkedHashSet<String> rootDeps = new LinkedHashSet<>();
    for (int i = 0; i < count; i++) {
      dependsOn.add(new LinkedHashSet<>());
    }
    for (int i = 0; i < count; i++) {
      SyntheticComponent c = components.get(i);
      if (c.parent() >= 0) {
        dependsOn.get(c.parent()).add(c.ref());
      } else if (i < 20 || random.nextInt(100) == 0) {
        rootDeps.add(c.ref());
      } else {
        dependsOn.get(Math.max(0, i - 1 - random.nextInt(Math.min(i, 500)))).add(c.ref());
      }
      if (i > 1 && random.nextInt(4) == 0) {
        dependsOn.get(random.nextInt(i)).add(c.ref());
      }
    }
    List<Edge> edges = new ArrayList<>(count + 1);
    edges.add(new Edge(primary.ref(), List.copyOf(rootDeps)));
    for (int i = 0; i < count; i++) {
      edges.add(new Edge(components.get(i).ref(), List.copyOf(dependsOn.get(i))));
    }
    return new SyntheticSbom(serial, TIMESTAMP, primary, List.copyOf(components), List.copyOf(edges));
  }

  private static SyntheticComponent component(SplittableRandom random, int index, int parent, double gapRate) {
    int supplierNo = random.nextInt(600);
    String org = "org" + supplierNo;
    String ecosystem = ECOSYSTEMS[random.nextInt(ECOSYSTEMS.length)];
    String name = WORDS[random.nextInt(WORDS.length)] + "-" + WORDS[random.nextInt(WORDS.length)] + "-" + index;
    String version = random.nextInt(12) + "." + random.nextInt(30) + "." + random.nextInt(20);
    String group = "com.example." + org;
    String purl =
        switch (ecosystem) {
          case "maven" -> "pkg:maven/" + group + "/" + name + "@" + version + "?type=jar";
          case "npm" -> "pkg:npm/%40" + org + "/" + name + "@" + version;
          case "pypi" -> "pkg:pypi/" + name + "@" + version;
          default -> "pkg:generic/" + org + "/" + name + "@" + version;
        };
    String cpe = "cpe:2.3:a:" + org + ":" + name + ":" + version + ":*:*:*:*:*:*:*";

    // at most one gap per component, so the rules' findings stay proportional to gapRate
    int gap = random.nextDouble() < gapRate ? 1 + random.nextInt(3) : 0;
    Optional<String> supplier = gap == 1 ? Optional.empty() : Optional.of("Example Supplier " + supplierNo);
    // SHA-256 as most generators write it; the weak-hash gap is a lone SHA-1
    Optional<String> sha256 = gap == 3 ? Optional.empty() : Optional.of(hex(random, 32));
    Optional<String> sha1 = gap == 3 ? Optional.of(hex(random, 20)) : Optional.empty();
    List<String> licenseIds = List.of();
    Optional<String> expression = Optional.empty();
    if (gap != 2) {
      int pick = random.nextInt(20);
      if (pick == 0) {
        expression = Optional.of("MIT OR Apache-2.0");
      } else if (pick == 1) {
        licenseIds = List.of(LICENSES[random.nextInt(LICENSES.length)], LICENSES[random.nextInt(LICENSES.length)]);
        if (licenseIds.get(0).equals(licenseIds.get(1))) {
          licenseIds = List.of(licenseIds.get(0));
        }
      } else {
        licenseIds = List.of(LICENSES[random.nextInt(LICENSES.length)]);
      }
    }
    String[] scope = {"cdx:" + ecosystem + ":package:scope", random.nextInt(5) == 0 ? "optional" : "required"};
    List<String[]> properties =
        random.nextInt(5) == 0
            ? List.of(scope, new String[] {"build:origin", "ci-" + (1000 + random.nextInt(9000))})
            : List.<String[]>of(scope);
    List<String[]> references =
        random.nextInt(10) == 0
            ? List.<String[]>of(new String[] {"vcs", "https://git.example.com/" + org + "/" + name + ".git"})
            : List.of();
    Optional<String> description =
        random.nextInt(10) == 0
            ? Optional.of("The " + name.replace('-', ' ') + " library of " + org)
            : Optional.empty();
    boolean withUrl = random.nextInt(5) == 0;
    return new SyntheticComponent(
        "c" + index + "-" + name + "@" + version,
        "library",
        supplier,
        supplier.filter(s -> withUrl).map(s -> "https://" + org + ".example.com"),
        ecosystem.equals("maven") ? Optional.of(group) : Optional.empty(),
        name,
        version,
        description,
        purl,
        cpe,
        sha256,
        sha1,
        licenseIds,
        expression,
        properties,
        references,
        parent);
  }

  private static String uuid(SplittableRandom random) {
    long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  private static String hex(SplittableRandom random, int bytes) {
    char[] digits = "0123456789abcdef".toCharArray();
    StringBuilder out = new StringBuilder(bytes * 2);
    for (int i = 0; i < bytes * 2; i++) {
      out.append(digits[random.nextInt(16)]);
    }
    return out.toString();
  }
}
