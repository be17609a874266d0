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
 * The SBOM says how complete its relationships are (CycloneDX compositions). Without such a
 * statement NTIA's default applies: consumers must treat the dependency data as incomplete.
 */
public final class KnownUnknownsCheck implements CheckType {
  @Override
  public String name() {
    return "sbom.known-unknowns";
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
      if (readable.sbom().compositions().isEmpty()) {
        findings.add(
            context.finding(
                "the SBOM makes no completeness statement (CycloneDX compositions), so its dependency data must be"
                    + " read as incomplete",
                context.locate(readable.path(), readable.sbom(), "")));
      }
    }
    return Evaluation.failIfAny(
        findings,
        "an SBOM does not state how complete its relationships are",
        "every SBOM states how complete its relationships are");
  }
}
