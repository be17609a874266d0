package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.threatmodel.ThreatModelReadResult;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.DeclaredArtifact;
import org.cyberbaseline.validator.spi.Evaluation;
import org.cyberbaseline.validator.spi.ThreatModelArtifact;

/**
 * Shared frame of the checks that read the threat model (TM-002 onwards, CTL-*): a submission
 * without a threat model fails them at {@code /artifacts}; one whose threat model cannot be read
 * leaves them not applicable, because TM-001 reports why.
 */
abstract class ThreatModelCheck implements CheckType {

  /** One evaluation: the model and the findings located in it. */
  static final class Run {
    final CheckContext context;
    final ThreatModelArtifact artifact;
    final ThreatModel model;
    final List<Finding> findings = new ArrayList<>();

    Run(CheckContext context, ThreatModelArtifact artifact, ThreatModel model) {
      this.context = context;
      this.artifact = artifact;
      this.model = model;
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

    String field(String elementPointer, ThreatModel.Field field) {
      return model.fieldPointer(elementPointer, field);
    }

    /** Pointer of a top-level list ("threats", "dataflows"...): the same in both formats. */
    String list(String name) {
      return "/" + name;
    }

    /** Supplementary documents of the given kinds the submission declares and that could be opened. */
    List<DeclaredArtifact> supplementary(Set<String> kinds) {
      return supplementaryOf(context, kinds);
    }
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of());
  }

  @Override
  public final Evaluation evaluate(CheckContext context) {
    Optional<ThreatModelArtifact> artifact = context.threatModel();
    if (artifact.isEmpty()) {
      return missing(context);
    }
    if (artifact.get().read() instanceof ThreatModelReadResult.Unreadable) {
      return new Evaluation.NotApplicable("the threat model could not be read (see TM-001)");
    }
    return decide(new Run(context, artifact.get(), artifact.get().model().orElseThrow()));
  }

  /** The evaluation when no threat model could be opened. */
  static Evaluation missing(CheckContext context) {
    return ArtifactCheckSupport.missing(context, ArtifactType.THREAT_MODEL, "threat model", "artifacts.threatModel");
  }

  static List<DeclaredArtifact> supplementaryOf(CheckContext context, Set<String> kinds) {
    return context.declaredArtifacts().stream()
        .filter(a -> a.opened() && a.type() == ArtifactType.SUPPLEMENTARY && a.kind().filter(kinds::contains).isPresent())
        .toList();
  }

  static Finding reviewDocument(CheckContext context, DeclaredArtifact document, String focus) {
    return context.finding(Severity.INFO, "review " + document.path() + document.title().map(t -> " (" + t + ")").orElse("")
        + ": " + focus, Location.ofArtifact(document.path()));
  }

  abstract Evaluation decide(Run run);

  static String name(String kind, String id, Optional<String> name) {
    return kind + " '" + (id.isEmpty() ? name.orElse("?") : id) + "'";
  }
}
