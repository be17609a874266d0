package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.dqi.DqiReadResult;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.DqiManifestArtifact;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * Shared frame of the checks that read the DQI conformance manifest (DQI-002 to DQI-014): a
 * requirement of a DQI cannot be shown without a manifest, so a submission that declares none
 * fails each of them at {@code /artifacts}; a manifest that cannot be read or says the device has
 * no DQI leaves them not applicable, because DQI-001 reports exactly that.
 */
abstract class DqiCheck implements CheckType {

  /** What one evaluation collects: findings located in the manifest. */
  static final class Run {
    final CheckContext context;
    final DqiManifestArtifact artifact;
    final DqiManifest manifest;
    final List<Finding> findings = new ArrayList<>();

    Run(CheckContext context, DqiManifestArtifact artifact, DqiManifest manifest) {
      this.context = context;
      this.artifact = artifact;
      this.manifest = manifest;
    }

    DqiManifest.Dqi dqi() {
      return manifest.dqi();
    }

    void add(String pointer, String message) {
      findings.add(context.finding(message, artifact.locate(pointer)));
    }

    /** A finding at {@code severity}, never above the rule's own. */
    void add(Severity severity, String pointer, String message) {
      findings.add(context.finding(SbomCheckSupport.atMost(severity, context.rule().severity()), message, artifact.locate(pointer)));
    }

    Finding info(String pointer, String message) {
      return context.finding(Severity.INFO, message, artifact.locate(pointer));
    }
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of());
  }

  @Override
  public final Evaluation evaluate(CheckContext context) {
    Optional<DqiManifestArtifact> artifact = context.dqiManifest();
    if (artifact.isEmpty()) {
      return ArtifactCheckSupport.missing(context, ArtifactType.DQI_MANIFEST, "DQI manifest", "artifacts.dqiManifest");
    }
    if (artifact.get().read() instanceof DqiReadResult.Unreadable) {
      return new Evaluation.NotApplicable("the DQI manifest could not be read (see DQI-001)");
    }
    DqiManifest manifest = artifact.get().manifest().orElseThrow();
    if (!manifest.dqi().supported().orElse(false)) {
      return new Evaluation.NotApplicable("the DQI manifest does not declare dqi.supported = true (see DQI-001)");
    }
    Run run = new Run(context, artifact.get(), manifest);
    return decide(run);
  }

  /** Decides the rule on a readable manifest of a device that has a DQI. */
  abstract Evaluation decide(Run run);

  static String queryName(DqiManifest.Query q, int index) {
    return "query '" + q.id().orElse("#" + index) + "'";
  }

  /** Pointer of the member {@code name} of the object at {@code parent}. */
  static String at(String parent, String name) {
    return parent + "/" + name;
  }
}
