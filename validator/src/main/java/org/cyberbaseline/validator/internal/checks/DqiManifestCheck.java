package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.dqi.DqiReadResult;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.DqiManifestArtifact;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * DQI-001: the submission declares a DQI manifest that can be read, is valid against
 * {@code dqi-manifest-1.0.schema.json} (an unknown {@code dqiManifestVersion} is named with the
 * supported versions) and declares {@code dqi.supported = true}.
 *
 * <p>Parameter {@code maxSchemaFindings} (default 50) caps the schema violations listed.
 */
public final class DqiManifestCheck implements CheckType {
  private static final String MAX = "maxSchemaFindings";

  @Override
  public String name() {
    return "dqi.manifest";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    ArtifactCheckSupport.checkSchemaFindingsCap(params, MAX);
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    Optional<DqiManifestArtifact> artifact = context.dqiManifest();
    if (artifact.isEmpty()) {
      return ArtifactCheckSupport.missing(context, ArtifactType.DQI_MANIFEST, "DQI manifest", "artifacts.dqiManifest");
    }
    DqiManifestArtifact dqi = artifact.get();
    if (dqi.read() instanceof DqiReadResult.Unreadable unreadable) {
      JsonProblem p = unreadable.problem();
      return new Evaluation.Fail("the DQI manifest is not readable",
          List.of(context.finding("not a readable DQI manifest: " + p.message(), ArtifactCheckSupport.at(dqi.path(), p))));
    }
    DqiReadResult.Parsed parsed = (DqiReadResult.Parsed) dqi.read();
    int max = ArtifactCheckSupport.schemaFindingsCap(context, MAX);
    List<Finding> findings = new ArrayList<>();
    List<JsonProblem> problems = parsed.schemaProblems();
    ArtifactCheckSupport.schemaFindings(context, dqi.path(), "DQI manifest 1.0", problems, max, findings);
    DqiManifest manifest = parsed.manifest();
    if (!manifest.dqi().supported().orElse(false) && problems.stream().noneMatch(p -> p.pointer().equals("/dqi/supported"))) {
      findings.add(context.finding("dqi.supported is false: the device offers no Device Query Interface", dqi.locate("/dqi/supported")));
    }
    return Evaluation.failIfAny(findings,
        "the DQI manifest is not valid against its schema or declares no DQI",
        "DQI manifest " + dqi.path() + " is valid against dqi-manifest-" + manifest.manifestVersion()
            + " and declares a Device Query Interface");
  }

}
