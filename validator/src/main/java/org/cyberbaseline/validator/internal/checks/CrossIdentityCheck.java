package org.cyberbaseline.validator.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.validator.DeviceIdentity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.DqiManifestArtifact;
import org.cyberbaseline.validator.spi.Evaluation;
import org.cyberbaseline.validator.spi.SbomArtifact;
import org.cyberbaseline.validator.spi.ThreatModelArtifact;

/**
 * XART-001: the device identity of {@code submission.json} (manufacturer, model, software version)
 * is the one the threat model's project and the DQI manifest's device declare, and the software
 * version is the version of every SBOM's primary component. Compared ignoring case and surrounding
 * space. The SBOM's primary component names the software, not the device model, so only its version
 * is compared (its supplier is SBOM-003's concern). VEX products are not compared yet.
 */
public final class CrossIdentityCheck implements CheckType {
  @Override
  public String name() {
    return "cross.identity";
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    if (context.threatModel().isEmpty() && context.dqiManifest().isEmpty()) {
      boolean declared = context.declaredArtifacts().stream()
          .anyMatch(a -> a.type() == ArtifactType.THREAT_MODEL || a.type() == ArtifactType.DQI_MANIFEST);
      if (!declared) {
        return new Evaluation.Fail("no threat model or DQI manifest to compare identities with",
            List.of(context.finding("the submission declares neither a threat model nor a DQI manifest whose device identity"
                + " could be compared with submission.json", context.locateInManifest("/artifacts"))));
      }
    }
    boolean readable = context.threatModel().flatMap(ThreatModelArtifact::model).isPresent()
        || context.dqiManifest().flatMap(DqiManifestArtifact::manifest).isPresent();
    if (!readable) {
      return new Evaluation.NotApplicable("neither the threat model nor the DQI manifest could be read (see TM-001, DQI-001)");
    }
    Optional<DeviceIdentity> device = context.device();
    if (device.isEmpty()) {
      return new Evaluation.NotApplicable("submission.json declares no readable device identity (see SUB-001)");
    }
    DeviceIdentity id = device.get();
    List<Finding> findings = new ArrayList<>();
    List<String> compared = new ArrayList<>();
    Optional<ThreatModelArtifact> tm = context.threatModel();
    if (tm.isPresent() && tm.get().model().isPresent()) {
      ThreatModel m = tm.get().model().get();
      compared.add("threat model");
      compare(context, findings, tm.get().path() + " (threat model)", "manufacturer", id.manufacturer(), m.project().manufacturer(),
          tm.get().locate(m.fieldPointer("", ThreatModel.Field.MANUFACTURER)));
      compare(context, findings, tm.get().path() + " (threat model)", "model", id.model(), m.project().model(),
          tm.get().locate(m.fieldPointer("", ThreatModel.Field.MODEL)));
      compare(context, findings, tm.get().path() + " (threat model)", "software version", id.softwareVersion(),
          m.project().softwareVersion(), tm.get().locate(m.fieldPointer("", ThreatModel.Field.SOFTWARE_VERSION)));
    }
    Optional<DqiManifestArtifact> dqi = context.dqiManifest();
    if (dqi.isPresent() && dqi.get().manifest().isPresent()) {
      DqiManifest.Device d = dqi.get().manifest().get().device();
      compared.add("DQI manifest");
      compare(context, findings, dqi.get().path() + " (DQI manifest)", "manufacturer", id.manufacturer(), d.manufacturer(),
          dqi.get().locate("/device/manufacturer"));
      compare(context, findings, dqi.get().path() + " (DQI manifest)", "model", id.model(), d.model(), dqi.get().locate("/device/model"));
      compare(context, findings, dqi.get().path() + " (DQI manifest)", "software version", id.softwareVersion(), d.softwareVersion(),
          dqi.get().locate("/device/softwareVersion"));
    }
    for (SbomArtifact artifact : context.sboms()) {
      Optional<Component> primary = artifact.sbom().flatMap(s -> s.metadata().primaryComponent());
      if (primary.isEmpty()) {
        continue;
      }
      compared.add(artifact.path());
      if (primary.get().version().isPresent() && !same(primary.get().version().get(), id.softwareVersion())) {
        findings.add(context.finding(artifact.path() + " describes version '" + primary.get().version().get()
            + "' of its primary component, but submission.json declares software version '" + id.softwareVersion() + "'",
            context.locate(artifact.path(), artifact.sbom().get(), primary.get().pointer() + "/version")));
      }
    }
    return Evaluation.failIfAny(findings, "the device identity differs between artifacts",
        "the device identity of submission.json matches " + String.join(", ", compared));
  }

  private static void compare(CheckContext context, List<Finding> findings, String where, String what, String expected,
      Optional<String> actual, Location at) {
    if (actual.isEmpty()) {
      findings.add(context.finding(where + " does not declare the device " + what + " ('" + expected + "' in submission.json)", at));
    } else if (!same(actual.get(), expected)) {
      findings.add(context.finding(where + " declares " + what + " '" + actual.get() + "', but submission.json declares '"
          + expected + "'", at));
    }
  }

  static boolean same(String a, String b) {
    return a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
  }
}
