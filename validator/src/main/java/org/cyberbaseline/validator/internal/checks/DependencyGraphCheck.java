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
    for (ReadableSbom readable : sboms) {
      check(context, readable.path(), readable.sbom(), orphanSeverity, findings);
    }
    return Evaluation.failIfAny(
        findings,
        "the dependency relationships are missing, dangling or do not reach every component",
        "every SBOM's dependency graph starts at its primary component and reaches every component");
  }

  private static void check(CheckContext context, String path, Sbom sbom, Severity orphanSeverity, List<Finding> findings) {
    Set<String> knownRefs = new HashSet<>();
    SbomCheckSupport.allComponents(sbom).forEach(c -> c.ref().ifPresent(knownRefs::add));
    if (sbom.dependencies().isEmpty()) {
      findings.add(
          context.finding(
              "the SBOM declares no dependency relationships (CycloneDX dependencies)", context.locate(path, sbom, "")));
      return;
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
      return;
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
  }
}
