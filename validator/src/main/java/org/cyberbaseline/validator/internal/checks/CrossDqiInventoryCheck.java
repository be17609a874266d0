package org.cyberbaseline.validator.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.sbom.Sbom;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.DqiManifestArtifact;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * XART-005: the DQI serves the software inventory in a format the submission supplies its SBOM in
 * (CycloneDX or SPDX; when the media type states {@code version=}, that spec version), and
 * {@code device.sbomRef}, when given, is the serial number or namespace of a submitted SBOM.
 * Comparing a sample DQI response with the SBOM is not automated: the manifest format has no place
 * for a sample yet.
 */
public final class CrossDqiInventoryCheck implements CheckType {
  @Override
  public String name() {
    return "cross.dqi-inventory";
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    Optional<DqiManifestArtifact> artifact = context.dqiManifest();
    if (artifact.isEmpty() && context.declaredArtifacts().stream().noneMatch(a -> a.type() == org.cyberbaseline.rules.ArtifactType.DQI_MANIFEST)) {
      return new Evaluation.Fail("the submission declares no DQI manifest",
          List.of(context.finding("the submission declares no DQI manifest (artifacts.dqiManifest), so its inventory format cannot be"
              + " compared with the SBOM", context.locateInManifest("/artifacts"))));
    }
    if (artifact.isEmpty() || artifact.get().manifest().isEmpty()) {
      return new Evaluation.NotApplicable("the DQI manifest could not be read (see DQI-001)");
    }
    List<SbomCheckSupport.ReadableSbom> sboms = SbomCheckSupport.readable(context);
    if (sboms.isEmpty()) {
      return new Evaluation.NotApplicable(SbomCheckSupport.NO_READABLE_SBOM);
    }
    DqiManifest manifest = artifact.get().manifest().get();
    List<Finding> findings = new ArrayList<>();
    List<String> supplied = new ArrayList<>();
    for (SbomCheckSupport.ReadableSbom s : sboms) {
      supplied.add(family(s.sbom()) + " " + s.sbom().specVersion());
    }
    List<DqiManifest.Query> queries = manifest.dqi().queries();
    for (int q = 0; q < queries.size(); q++) {
      DqiManifest.Query query = queries.get(q);
      if (!query.category().filter("software-inventory"::equals).isPresent()) {
        continue;
      }
      boolean matches = query.formats().stream().anyMatch(f -> sboms.stream().anyMatch(s -> serves(f, s.sbom())));
      if (!matches) {
        findings.add(context.finding("the DQI serves the inventory as " + query.formats() + ", but the submission supplies its SBOM as "
            + supplied, artifact.get().locate("/dqi/queries/" + q + "/formats")));
      }
    }
    manifest.device().sbomRef().ifPresent(ref -> {
      if (sboms.stream().noneMatch(s -> s.sbom().serialNumber().filter(ref::equals).isPresent())) {
        findings.add(context.finding("device.sbomRef '" + ref + "' is not the serial number or namespace of a submitted SBOM",
            artifact.get().locate("/device/sbomRef")));
      }
    });
    return Evaluation.failIfAny(findings, "the DQI inventory does not match the submitted SBOM's format",
        "the DQI serves the inventory in a format the SBOM is supplied in (" + String.join(", ", supplied) + ")");
  }

  private static String family(Sbom sbom) {
    return sbom.format().name().startsWith("CYCLONEDX") ? "cyclonedx" : "spdx";
  }

  private static boolean serves(String format, Sbom sbom) {
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.contains(family(sbom))) {
      return false;
    }
    java.util.regex.Matcher v = java.util.regex.Pattern.compile("version\\s*=\\s*\"?([0-9.]+)").matcher(f);
    return !v.find() || DqiFormatsCheck.compare(v.group(1), sbom.specVersion().replaceFirst("^SPDX-", "")) == 0;
  }
}
