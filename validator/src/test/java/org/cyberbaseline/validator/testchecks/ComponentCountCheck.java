package org.cyberbaseline.validator.testchecks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;
import org.cyberbaseline.validator.spi.SbomArtifact;

/**
 * A user-defined check type, registered only through this test module's META-INF/services: proves
 * that a check can be added without touching the library. Fails SBOMs with more than {@code max}
 * components.
 */
public final class ComponentCountCheck implements CheckType {
  @Override
  public String name() {
    return "org.component-count";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    if (!params.path("max").canConvertToInt()) {
      throw new IllegalArgumentException("'max' must be an integer");
    }
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    int max = context.params().get("max").asInt();
    List<Finding> findings = new ArrayList<>();
    for (SbomArtifact artifact : context.sboms()) {
      artifact.sbom().ifPresent(sbom -> {
        if (sbom.components().size() > max) {
          findings.add(context.finding(sbom.components().size() + " components, more than " + max,
              context.locate(artifact.path(), sbom, "/components")));
        }
      });
    }
    return Evaluation.failIfAny(findings, "too many components", "component count within " + max);
  }
}
