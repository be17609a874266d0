package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * The SBOM records the lifecycle phase in which it was generated (CycloneDX metadata.lifecycles):
 * a source-time SBOM and a post-build binary analysis list different things.
 */
public final class GenerationContextCheck implements CheckType {
  @Override
  public String name() {
    return "sbom.generation-context";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of());
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    List<ReadableSbom> sboms = SbomCheckSupport.readable(context);
    if (sboms.isEmpty()) {
      return new Evaluation.NotApplicable(SbomCheckSupport.NO_READABLE_SBOM);
    }
    List<Finding> findings = new ArrayList<>();
    for (ReadableSbom readable : sboms) {
      if (readable.sbom().metadata().lifecycles().isEmpty()) {
        findings.add(
            context.finding(
                "the SBOM does not record the lifecycle phase it was generated in (CycloneDX metadata.lifecycles)",
                context.locate(readable.path(), readable.sbom(), readable.sbom().metadata().pointer())));
      }
    }
    return Evaluation.failIfAny(
        findings,
        "an SBOM does not record its generation context",
        "every SBOM records its generation context");
  }
}
