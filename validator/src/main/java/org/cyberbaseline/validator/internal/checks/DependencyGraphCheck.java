package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.sbom.Dependency;
import org.cyberbaseline.sbom.Sbom;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * The dependency relationships form a graph rooted at the primary component: the primary component
 * has direct dependencies, every reference resolves to a component (a dangling reference is an
 * integrity failure), and every component is reachable from the root. An unreachable component
 * ("orphan") is reported at {@code orphanSeverity} (default warning): the data is probably incomplete
 * rather than wrong.
 */
public final class DependencyGraphCheck implements CheckType {
  @Override
  public String name() {
    return "sbom.dependency-graph";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of("orphanSeverity"));
    SbomCheckSupport.severityParam(params, "orphanSeverity", Severity.WARNING);
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    List<ReadableSbom> sboms = SbomCheckSupport.readable(context);
    if (sboms.isEmpty()) {
      return new Evaluation.NotApplicable(SbomCheckSupport.NO_READABLE_SBOM);
    }
    Severity orphanSeverity =
        SbomCheckSupport.atMost(
            SbomCheckSupport.severityParam(context.params(), "orphanSeverity", Severity.WARNING), context.rule().severity());
    List<Finding> findings = new ArrayList<>();
    int cycles = 0;
    for (ReadableSbom readable : sboms) {
      cycles += check(context, readable.path(), readable.sbom(), orphanSeverity, findings);
    }
    // Cycles are legitimate (package managers allow them) and only reported as information.
    String cycleNote = cycles == 0 ? "" : "; " + SbomCheckSupport.plural(cycles, "dependency cycle") + " noted (allowed)";
    return Evaluation.failIfAny(
        findings,
        "the dependency relationships are missing, dangling, ambiguous or do not reach every component" + cycleNote,
        "every SBOM's dependency graph starts at its primary component and reaches every component" + cycleNote);
  }

  /** Checks one SBOM; returns how many dependency cycles it has. */
  private static int check(CheckContext context, String path, Sbom sbom, Severity orphanSeverity, List<Finding> findings) {
    Set<String> knownRefs = new HashSet<>();
    Map<String, String> firstUse = new HashMap<>();
    for (Component component : SbomCheckSupport.allComponents(sbom)) {
      if (component.ref().isEmpty()) {
        continue;
      }
      String ref = component.ref().get();
      knownRefs.add(ref);
      String previous = firstUse.putIfAbsent(ref, component.pointer());
      if (previous != null) {
        findings.add(
            context.finding(
                "reference '" + ref + "' is used by more than one component (also " + previous
                    + "), so relationships naming it are ambiguous",
                context.locate(path, sbom, component.pointer())));
      }
    }
    if (sbom.dependencies().isEmpty()) {
      findings.add(
          context.finding("the SBOM declares no dependency relationships", context.locate(path, sbom, "")));
      return 0;
    }
    Map<String, List<String>> edges = new HashMap<>();
    for (int i = 0; i < sbom.dependencies().size(); i++) {
      Dependency dependency = sbom.dependencies().get(i);
      if (!knownRefs.contains(dependency.ref())) {
        findings.add(
            context.finding(
                "dependency entry refers to '" + dependency.ref() + "', which no component has as its bom-ref",
                context.locate(path, sbom, dependency.pointer() + "/ref")));
      }
      for (int j = 0; j < dependency.dependsOn().size(); j++) {
        String target = dependency.dependsOn().get(j);
        // SPDX "DocumentRef-x:SPDXRef-y" names an element of another document: not resolvable here,
        // and not dangling either.
        if (!knownRefs.contains(target) && !target.startsWith("DocumentRef-")) {
          findings.add(
              context.finding(
                  "'" + dependency.ref() + "' depends on '" + target + "', which no component has as its bom-ref",
                  context.locate(path, sbom, dependency.pointer() + "/dependsOn/" + j)));
        }
      }
      edges.computeIfAbsent(dependency.ref(), k -> new ArrayList<>()).addAll(dependency.dependsOn());
    }
    Optional<Component> primary = sbom.metadata().primaryComponent();
    Optional<String> root = primary.flatMap(Component::ref);
    if (root.isEmpty()) {
      findings.add(
          context.finding(
              "the SBOM has no primary component with a bom-ref, so no dependency graph is rooted at the product",
              context.locate(path, sbom, primary.map(Component::pointer).orElse(sbom.metadata().pointer()))));
      return countCycles(edges);
    }
    if (edges.getOrDefault(root.get(), List.of()).isEmpty()) {
      findings.add(
          context.finding(
              "the primary component '" + root.get() + "' has no direct dependencies listed",
              context.locate(path, sbom, primary.get().pointer())));
    }
    Set<String> reached = new HashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(root.get());
    reached.add(root.get());
    while (!queue.isEmpty()) {
      for (String next : edges.getOrDefault(queue.poll(), List.of())) {
        if (reached.add(next)) {
          queue.add(next);
        }
      }
    }
    for (Component component : sbom.components()) {
      if (component.ref().isEmpty()) {
        findings.add(
            context.finding(
                orphanSeverity,
                "component " + component.label() + " has no bom-ref, so no dependency relationship can name it",
                context.locate(path, sbom, component.pointer())));
      } else if (!reached.contains(component.ref().get())) {
        findings.add(
            context.finding(
                orphanSeverity,
                "component " + component.label() + " is not reachable from the primary component in the dependency graph",
                context.locate(path, sbom, component.pointer())));
      }
    }
    return countCycles(edges);
  }

  /** Number of back edges found by an iterative depth-first search (no recursion: graphs can be deep). */
  static int countCycles(Map<String, List<String>> edges) {
    Map<String, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = done
    int cycles = 0;
    for (String start : new java.util.TreeSet<>(edges.keySet())) {
      if (state.containsKey(start)) {
        continue;
      }
      Deque<java.util.Iterator<String>> stack = new ArrayDeque<>();
      Deque<String> path = new ArrayDeque<>();
      state.put(start, 1);
      path.push(start);
      stack.push(edges.getOrDefault(start, List.of()).iterator());
      while (!stack.isEmpty()) {
        java.util.Iterator<String> next = stack.peek();
        if (next.hasNext()) {
          String target = next.next();
          Integer seen = state.get(target);
          if (seen == null) {
            state.put(target, 1);
            path.push(target);
            stack.push(edges.getOrDefault(target, List.of()).iterator());
          } else if (seen == 1) {
            cycles++;
          }
        } else {
          stack.pop();
          state.put(path.pop(), 2);
        }
      }
    }
    return cycles;
  }
}
