package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
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
    List<Component> components = SbomCheckSupport.allComponents(sbom);
    RefGraph graph = new RefGraph(components.size());
    // Components are numbered first, so a reference numbered below componentRefs is a component's;
    // firstUse.get(n) is the pointer of the component that reference n was first seen on.
    List<String> firstUse = new ArrayList<>(components.size());
    for (Component component : components) {
      if (component.ref().isEmpty()) {
        continue;
      }
      String ref = component.ref().get();
      int node = graph.node(ref);
      if (node == firstUse.size()) {
        firstUse.add(component.pointer());
      } else {
        String previous = firstUse.get(node);
        findings.add(
            context.finding(
                "reference '" + ref + "' is used by more than one component (also " + previous
                    + "), so relationships naming it are ambiguous",
                context.locate(path, sbom, component.pointer())));
      }
    }
    int componentRefs = graph.size();
    if (sbom.dependencies().isEmpty()) {
      findings.add(
          context.finding("the SBOM declares no dependency relationships", context.locate(path, sbom, "")));
      return 0;
    }
    for (Dependency dependency : sbom.dependencies()) {
      int from = graph.find(dependency.ref());
      if (from < 0 || from >= componentRefs) {
        findings.add(
            context.finding(
                "dependency entry refers to '" + dependency.ref() + "', which no component has as its bom-ref",
                context.locate(path, sbom, dependency.pointer() + "/ref")));
      }
      for (int j = 0; j < dependency.dependsOn().size(); j++) {
        String target = dependency.dependsOn().get(j);
        int to = graph.find(target);
        // SPDX "DocumentRef-x:SPDXRef-y" names an element of another document: not resolvable here,
        // and not dangling either.
        if ((to < 0 || to >= componentRefs) && !target.startsWith("DocumentRef-")) {
          findings.add(
              context.finding(
                  "'" + dependency.ref() + "' depends on '" + target + "', which no component has as its bom-ref",
                  context.locate(path, sbom, dependency.pointer() + "/dependsOn/" + j)));
        }
      }
      graph.addEntry(dependency.ref(), dependency.dependsOn());
    }
    Optional<Component> primary = sbom.metadata().primaryComponent();
    Optional<String> root = primary.flatMap(Component::ref);
    if (root.isEmpty()) {
      findings.add(
          context.finding(
              "the SBOM has no primary component with a bom-ref, so no dependency graph is rooted at the product",
              context.locate(path, sbom, primary.map(Component::pointer).orElse(sbom.metadata().pointer()))));
      return graph.countCycles();
    }
    int rootNode = graph.node(root.get());
    if (!graph.hasDependencies(rootNode)) {
      findings.add(
          context.finding(
              "the primary component '" + root.get() + "' has no direct dependencies listed",
              context.locate(path, sbom, primary.get().pointer())));
    }
    boolean[] reached = graph.reachableFrom(rootNode);
    for (Component component : sbom.components()) {
      if (component.ref().isEmpty()) {
        findings.add(
            context.finding(
                orphanSeverity,
                "component " + component.label() + " has no bom-ref, so no dependency relationship can name it",
                context.locate(path, sbom, component.pointer())));
      } else if (!reached[graph.find(component.ref().get())]) {
        findings.add(
            context.finding(
                orphanSeverity,
                "component " + component.label() + " is not reachable from the primary component in the dependency graph",
                context.locate(path, sbom, component.pointer())));
      }
    }
    return graph.countCycles();
  }
}
