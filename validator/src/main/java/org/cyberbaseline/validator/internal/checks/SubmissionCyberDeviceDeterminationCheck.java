package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * The manifest records the cyber-device determination of FD&C Act 524B(c) as its three prongs
 * (includes software; has the ability to connect to the internet; has technological characteristics
 * that could be vulnerable to cybersecurity threats), each a boolean, with the reasoning, and its
 * {@code device.cyberDevice} is exactly the conjunction of the prongs: the statute's definition is
 * conjunctive, so a device meeting all three is a cyber device and one failing any is not.
 */
public final class SubmissionCyberDeviceDeterminationCheck implements CheckType {
  private static final String BASE = "/device/cyberDeviceDetermination";
  private static final Map<String, String> PRONGS;

  static {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("includesSoftware", "prong (1) includes software validated, installed, or authorized by the sponsor");
    map.put("canConnectToInternet", "prong (2) has the ability to connect to the internet");
    map.put("couldBeVulnerable", "prong (3) has technological characteristics that could be vulnerable to cybersecurity threats");
    PRONGS = Collections.unmodifiableMap(map);
  }

  @Override
  public String name() {
    return "submission.cyber-device-determination";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of());
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    Optional<JsonNode> manifest = context.manifest();
    if (manifest.isEmpty()) {
      return new Evaluation.Fail(
          "the submission manifest could not be read, so the cyber-device determination is unknown",
          List.of(context.finding("submission.json could not be read as JSON; the cyber-device determination is unknown",
              context.locateInManifest(""))));
    }
    JsonNode device = manifest.get().path("device");
    List<Finding> findings = new ArrayList<>();
    JsonNode cyberDevice = device.get("cyberDevice");
    if (cyberDevice == null || !cyberDevice.isBoolean()) {
      findings.add(context.finding("the manifest does not state whether the device is a cyber device under FD&C Act"
              + " 524B(c) (device.cyberDevice: true or false)",
          context.locateInManifest(cyberDevice == null ? (device.isObject() ? "/device" : "") : "/device/cyberDevice")));
    }
    JsonNode determination = device.get("cyberDeviceDetermination");
    if (determination == null || !determination.isObject()) {
      findings.add(context.finding("the manifest records no cyber-device determination (device.cyberDeviceDetermination:"
              + " the three FD&C Act 524B(c) prongs includesSoftware, canConnectToInternet, couldBeVulnerable and the"
              + " rationale)",
          context.locateInManifest(determination == null ? (device.isObject() ? "/device" : "") : BASE)));
      return new Evaluation.Fail("the cyber-device determination is not recorded", findings);
    }
    boolean conjunction = true;
    boolean allProngs = true;
    List<String> falseProngs = new ArrayList<>();
    for (Map.Entry<String, String> prong : PRONGS.entrySet()) {
      JsonNode value = determination.get(prong.getKey());
      if (value == null || !value.isBoolean()) {
        allProngs = false;
        findings.add(context.finding("the determination does not answer " + prong.getValue() + " ("
                + prong.getKey() + ": true or false)",
            context.locateInManifest(value == null ? BASE : BASE + "/" + prong.getKey())));
      } else if (!value.booleanValue()) {
        conjunction = false;
        falseProngs.add(prong.getKey());
      }
    }
    JsonNode rationale = determination.get("rationale");
    if (rationale == null || !rationale.isTextual() || rationale.textValue().isBlank()) {
      findings.add(context.finding("the determination gives no rationale for its answers to the three prongs",
          context.locateInManifest(rationale == null ? BASE : BASE + "/rationale")));
    }
    if (allProngs && cyberDevice != null && cyberDevice.isBoolean() && cyberDevice.booleanValue() != conjunction) {
      String message = conjunction
          ? "cyberDevice is false, but all three 524B(c) prongs are true; the prongs are conjunctive, so the device is a"
              + " cyber device"
          : "cyberDevice is true, but " + String.join(", ", falseProngs) + " is false; the 524B(c) prongs are"
              + " conjunctive, so the device is not a cyber device unless the prong is corrected";
      findings.add(context.finding(message, context.locateInManifest("/device/cyberDevice")));
    }
    return Evaluation.failIfAny(
        findings,
        SbomCheckSupport.plural(findings.size(), "problem") + " with the cyber-device determination",
        "the three 524B(c) prongs and the rationale are recorded, and cyberDevice ("
            + (cyberDevice == null ? "" : cyberDevice.asText()) + ") is their conjunction");
  }
}
