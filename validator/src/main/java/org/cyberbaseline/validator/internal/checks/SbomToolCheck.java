package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cyberbaseline.sbom.Party;
import org.cyberbaseline.sbom.Sbom;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * The SBOM names the tool that generated it (CycloneDX {@code metadata.tools}, SPDX creator
 * "Tool: name-version"). CISA's 2025 draft adds "Tool Name" to the minimum elements and the 2026
 * final adds "SBOM Tool Version": a recipient who knows which generator (and which release of it)
 * produced an SBOM knows what kind of gaps and mistakes to expect in it. The tool is not the SBOM
 * author; {@code sbom.author-and-timestamp} checks that separately.
 *
 * <p>Parameter {@code requireVersion} (default false): every named tool must also state its
 * version. The normalised model keeps a tool as one string ("name version" for CycloneDX, "name-
 * version" as SPDX writes it), so the version is recognised by shape: a dotted number ("1.18",
 * "2.0.1") anywhere, or a number after a space, hyphen, "(" or "@" ("syft 2", "tool-v3"). A tool
 * whose name merely contains digits ("tool2sbom") does not count as versioned.
 */
public final class SbomToolCheck implements CheckType {
  private static final String REQUIRE_VERSION = "requireVersion";
  private static final Pattern VERSION_SHAPED = Pattern.compile("\\d+\\.\\d+|[-\\s(@]v?\\d+\\b");

  @Override
  public String name() {
    return "sbom.tool";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of(REQUIRE_VERSION));
    JsonNode require = params.get(REQUIRE_VERSION);
    if (require != null && !require.isBoolean()) {
      throw new IllegalArgumentException("'" + REQUIRE_VERSION + "' must be true or false");
    }
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    List<ReadableSbom> sboms = SbomCheckSupport.readable(context);
    if (sboms.isEmpty()) {
      return new Evaluation.NotApplicable(SbomCheckSupport.NO_READABLE_SBOM);
    }
    boolean requireVersion = context.params().path(REQUIRE_VERSION).asBoolean(false);
    List<Finding> findings = new ArrayList<>();
    for (ReadableSbom readable : sboms) {
      Sbom sbom = readable.sbom();
      List<Party> tools = sbom.metadata().tools().stream()
          .filter(t -> !t.name().isBlank() && !SbomCheckSupport.isExplicitUnknown(t.name()))
          .toList();
      if (tools.isEmpty()) {
        findings.add(
            context.finding(
                "the SBOM does not name the tool that generated it (CycloneDX metadata.tools; SPDX creator"
                    + " 'Tool: name-version')",
                context.locate(readable.path(), sbom, sbom.metadata().pointer())));
        continue;
      }
      if (requireVersion) {
        for (Party tool : tools) {
          if (!versioned(tool.name())) {
            findings.add(
                context.finding(
                    "tool '" + abbreviate(tool.name()) + "' does not state its version (CycloneDX tool version;"
                        + " SPDX 'Tool: name-version')",
                    context.locate(readable.path(), sbom, tool.pointer())));
          }
        }
      }
    }
    String what = requireVersion ? "the generating tool and its version" : "the generating tool";
    return Evaluation.failIfAny(
        findings, "an SBOM does not record " + what, "every SBOM records " + what);
  }

  static boolean versioned(String toolName) {
    // Names are bounded by the reader's string limit; the pattern has no nested quantifiers.
    return VERSION_SHAPED.matcher(toolName).find();
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
