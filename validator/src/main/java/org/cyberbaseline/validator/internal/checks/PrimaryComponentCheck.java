package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.validator.DeviceIdentity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.Submission;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * Each SBOM names what it describes (a primary component with name and version) and carries a
 * serial number unique among the submission's SBOMs, so a given SBOM identifies one release. In a
 * submission, at least one SBOM's primary component must carry the device software version the
 * manifest declares: otherwise the SBOM may describe a different release than the one submitted.
 */
public final class PrimaryComponentCheck implements CheckType {
  @Override
  public String name() {
    return "sbom.primary-component";
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
    Map<String, String> serialSeenIn = new HashMap<>();
    boolean versionMatched = false;
    for (ReadableSbom readable : sboms) {
      String path = readable.path();
      var sbom = readable.sbom();
      Optional<Component> primary = sbom.metadata().primaryComponent();
      if (primary.isEmpty()) {
        findings.add(
            context.finding(
                "the SBOM does not name the component it describes (CycloneDX metadata.component)",
                context.locate(path, sbom, sbom.metadata().pointer())));
      } else {
        Component component = primary.get();
        if (SbomCheckSupport.isBlank(component.name())) {
          findings.add(context.finding("the primary component has no name", context.locate(path, sbom, component.pointer())));
        }
        if (SbomCheckSupport.isBlank(component.version())) {
          findings.add(
              context.finding("the primary component has no version", context.locate(path, sbom, component.pointer())));
        }
        versionMatched |=
            context.device().map(DeviceIdentity::softwareVersion).equals(component.version().map(String::strip));
      }
      if (SbomCheckSupport.isBlank(sbom.serialNumber())) {
        findings.add(
            context.finding(
                "the SBOM has no serial number (CycloneDX serialNumber), so one release's SBOM cannot be told from another's",
                context.locate(path, sbom, "")));
      } else {
        String previous = serialSeenIn.putIfAbsent(sbom.serialNumber().get(), path);
        if (previous != null) {
          findings.add(
              context.finding(
                  "serial number " + sbom.serialNumber().get() + " is also used by " + previous,
                  context.locate(path, sbom, "/serialNumber")));
        }
      }
    }
    Optional<DeviceIdentity> device = context.device();
    if (device.isPresent() && !versionMatched) {
      findings.add(
          context.finding(
              "no SBOM's primary component has the device software version " + device.get().softwareVersion()
                  + " declared in the manifest",
              new Location(
                  Submission.MANIFEST_FILE, Optional.of("/device/softwareVersion"), Optional.empty(), Optional.empty())));
    }
    return Evaluation.failIfAny(
        findings,
        "an SBOM does not identify the release it describes",
        "every SBOM names its primary component with a version and has a unique serial number");
  }
}
