package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.validator.DeviceIdentity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * The submission's SBOMs, taken together, list both software the device manufacturer developed and
 * third-party software (commercial, open-source, off-the-shelf): at least one component whose
 * supplier or manufacturer is the manufacturer the manifest declares (compared case-insensitively,
 * whitespace collapsed), and at least one whose supplier or manufacturer is someone else. An SBOM
 * listing only one of the two kinds most likely leaves the other out. The primary component (the
 * device software itself) is not counted; components without a supplier, or with an explicit
 * unknown, count as neither.
 */
public final class SbomSupplierMixCheck implements CheckType {
  @Override
  public String name() {
    return "sbom.supplier-mix";
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
    Optional<String> manufacturer = context.device().map(DeviceIdentity::manufacturer)
        .or(() -> context.manifest().map(m -> m.path("device").path("manufacturer").asText("")))
        .map(SbomSupplierMixCheck::normalise)
        .filter(m -> !m.isEmpty());
    if (manufacturer.isEmpty()) {
      return new Evaluation.NotApplicable("the manifest declares no device manufacturer to compare suppliers with (see SUB-001)");
    }
    int firstParty = 0;
    int thirdParty = 0;
    for (ReadableSbom readable : sboms) {
      for (Component component : readable.sbom().components()) {
        List<String> names = Stream.of(component.supplier(), component.manufacturer())
            .flatMap(Optional::stream)
            .filter(n -> !n.isBlank() && !SbomCheckSupport.isExplicitUnknown(n))
            .map(SbomSupplierMixCheck::normalise)
            .toList();
        if (names.isEmpty()) {
          continue;
        }
        if (names.contains(manufacturer.get())) {
          firstParty++;
        } else {
          thirdParty++;
        }
      }
    }
    String declared = context.device().map(DeviceIdentity::manufacturer).orElse(manufacturer.get());
    String where = sboms.size() == 1 ? "the SBOM" : "none of the " + sboms.size() + " SBOMs";
    ReadableSbom first = sboms.get(0);
    Location at = context.locate(first.path(), first.sbom(), "");
    List<Finding> findings = new ArrayList<>();
    if (firstParty == 0) {
      findings.add(context.finding((sboms.size() == 1 ? "the SBOM lists no" : where + " lists a")
          + " component supplied or manufactured by the device manufacturer '" + declared + "', so the"
          + " manufacturer-developed software is missing (or its supplier is not named as in the manifest)", at));
    }
    if (thirdParty == 0) {
      findings.add(context.finding((sboms.size() == 1 ? "the SBOM lists no" : where + " lists a")
          + " third-party component (commercial, open-source or off-the-shelf software from another supplier)", at));
    }
    return Evaluation.failIfAny(
        findings,
        "the SBOMs do not cover both manufacturer-developed and third-party software",
        SbomCheckSupport.plural(firstParty, "component") + " from " + declared + " and "
            + SbomCheckSupport.plural(thirdParty, "third-party component") + " across "
            + SbomCheckSupport.plural(sboms.size(), "SBOM"));
  }

  private static String normalise(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }
}
