package org.cyberbaseline.validator.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cyberbaseline.rules.Rule;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.sbom.Sbom;
import org.cyberbaseline.validator.DeviceIdentity;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.vuln.VulnerabilityAssessment;

/** What a check may read while deciding one rule, and how it reports what it finds. */
public interface CheckContext {

  /** The rule being decided (id, severity, citations, remediation). */
  Rule rule();

  /** A copy of the rule's check parameters. */
  ObjectNode params();

  /** The device as the manifest declares it; empty for a lone SBOM or an unreadable manifest. */
  Optional<DeviceIdentity> device();

  /** Every SBOM the submission lists that could be opened, in manifest order. */
  List<SbomArtifact> sboms();

  /** Every artifact the manifest lists, in manifest order; empty for a lone SBOM. */
  List<DeclaredArtifact> declaredArtifacts();

  /** The manifest as parsed (empty for a lone SBOM or a manifest that is not JSON). */
  Optional<JsonNode> manifest();

  /** Location of {@code pointer} inside submission.json, with line and column where known. */
  Location locateInManifest(String pointer);

  /**
   * The DQI conformance manifest the submission declares, when it could be opened (read or not);
   * empty when none is declared or the file could not be opened (see {@link #declaredArtifacts()}).
   */
  Optional<DqiManifestArtifact> dqiManifest();

  /**
   * The threat model the submission declares, when it could be opened (read or not); empty when none
   * is declared or the file could not be opened (see {@link #declaredArtifacts()}).
   */
  Optional<ThreatModelArtifact> threatModel();

  /** SBOMs the manifest lists but that could not be opened (missing, outside the folder, too large). */
  List<UnopenedArtifact> unopenedSboms();

  /**
   * The date time-dependent rules compare against: the manifest's submission date, or the
   * validation clock's date (UTC).
   */
  LocalDate referenceDate();

  /** A finding at the rule's own severity. */
  default Finding finding(String message, Location location) {
    return finding(rule().severity(), message, location);
  }

  /** A finding at an explicit severity (e.g. a warning for an explicit "unknown"). */
  Finding finding(Severity severity, String message, Location location);

  /** Location of {@code pointer} inside {@code sbom}, with line and column where the parser knew them. */
  Location locate(String artifactPath, Sbom sbom, String pointer);

  /**
   * The known vulnerabilities of the submission's components (from the configured OSV and KEV
   * feeds and the SBOMs' embedded vulnerabilities), the VEX documents read into one model, and
   * how they join. {@link VulnerabilityAssessment#EMPTY} when nothing is configured or declared.
   */
  default VulnerabilityAssessment vulnerabilities() {
    return VulnerabilityAssessment.EMPTY;
  }
}
