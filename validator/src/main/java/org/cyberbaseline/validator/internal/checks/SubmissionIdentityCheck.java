package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * The manifest says who the device is and how it reaches FDA: manufacturer, device name, model and
 * software version, each non-empty, and a premarket pathway from the pack's list. FD&C Act 524B(a)
 * binds only submissions under certain pathways, so a submission that does not name its pathway
 * leaves open whether the statutory cyber-device requirements apply at all.
 *
 * <p>Reads the manifest as written (not the leniently parsed identity), so each gap is reported at
 * its own JSON Pointer even when the manifest also violates its schema.
 *
 * <p>Parameter {@code pathways} (required): the pathway values accepted, e.g. {@code 510(k)-traditional}.
 */
public final class SubmissionIdentityCheck implements CheckType {
  private static final Map<String, String> FIELDS;

  static {
    Map<String, String> map = new LinkedHashMap<>();
    map.put("manufacturer", "manufacturer");
    map.put("deviceName", "device name");
    map.put("model", "model");
    map.put("softwareVersion", "software version");
    FIELDS = Collections.unmodifiableMap(map);
  }

  @Override
  public String name() {
    return "submission.identity";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of("pathways"));
    pathways(params);
  }

  private static Set<String> pathways(ObjectNode params) {
    return new LinkedHashSet<>(SubmissionDocumentationElementsCheck.stringList(params, "pathways"));
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    Optional<JsonNode> manifest = context.manifest();
    if (manifest.isEmpty()) {
      return new Evaluation.Fail(
          "the submission manifest could not be read, so the device identity is unknown",
          List.of(context.finding("submission.json could not be read as JSON; the device identity is unknown",
              context.locateInManifest(""))));
    }
    JsonNode device = manifest.get().path("device");
    if (!device.isObject()) {
      return new Evaluation.Fail(
          "the manifest has no device object",
          List.of(context.finding("the manifest has no 'device' object naming the manufacturer, device, model,"
              + " software version and premarket pathway", context.locateInManifest(""))));
    }
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, String> field : FIELDS.entrySet()) {
      JsonNode value = device.get(field.getKey());
      if (value == null) {
        findings.add(context.finding("the manifest does not declare the device's " + field.getValue()
            + " (device." + field.getKey() + ")", context.locateInManifest("/device")));
      } else if (!value.isTextual() || value.textValue().isBlank()) {
        findings.add(context.finding("the device's " + field.getValue() + " (device." + field.getKey()
            + ") is empty or not a string", context.locateInManifest("/device/" + field.getKey())));
      }
    }
    Set<String> accepted = pathways(context.params());
    JsonNode pathway = device.get("pathway");
    if (pathway == null) {
      findings.add(context.finding("the manifest declares no premarket pathway (device.pathway; one of " + accepted
          + "), so it is open whether FD&C Act 524B applies", context.locateInManifest("/device")));
    } else if (!pathway.isTextual() || !accepted.contains(pathway.textValue())) {
      findings.add(context.finding("premarket pathway " + pathway + " is not one of " + accepted,
          context.locateInManifest("/device/pathway")));
    }
    return Evaluation.failIfAny(
        findings,
        SbomCheckSupport.plural(findings.size(), "gap") + " in the declared device identity and pathway",
        "the manifest declares manufacturer, device name, model, software version and pathway "
            + (pathway == null ? "" : pathway.asText()));
  }
}
