package org.cyberbaseline.validator.internal.checks;

import java.util.List;
import java.util.Optional;
import org.cyberbaseline.rules.ArtifactType;
import org.cyberbaseline.schemas.Position;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.Evaluation;
import org.cyberbaseline.validator.spi.SbomArtifact;
import org.cyberbaseline.vuln.ComponentRef;
import org.cyberbaseline.vuln.VexStatement;
import org.cyberbaseline.vuln.VulnerabilityRow;

/** Locations and shared outcomes of the vulnerability and VEX checks. */
final class VulnCheckSupport {
  private VulnCheckSupport() {}

  static Location at(String artifact, String pointer, Optional<Position> position) {
    return new Location(artifact, Optional.of(pointer), position.map(Position::line), position.map(Position::column));
  }

  /** Where a component is written in its SBOM. */
  static Location component(CheckContext context, ComponentRef component) {
    for (SbomArtifact sbom : context.sboms()) {
      if (sbom.path().equals(component.artifact()) && sbom.sbom().isPresent()) {
        return context.locate(sbom.path(), sbom.sbom().get(), component.component().pointer());
      }
    }
    return new Location(component.artifact(), Optional.of(component.component().pointer()), Optional.empty(), Optional.empty());
  }

  /** Where a row's statement is written, or else where its component is. */
  static Location row(CheckContext context, VulnerabilityRow row) {
    if (row.statement().isPresent() && row.statementArtifact().isPresent()) {
      VexStatement s = row.statement().get();
      return at(row.statementArtifact().get(), s.pointer(), s.position());
    }
    return component(context, row.component());
  }

  static boolean vexDeclared(CheckContext context) {
    return context.declaredArtifacts().stream().anyMatch(a -> a.type() == ArtifactType.VEX);
  }

  /** A VEX rule with no VEX document and no SBOM-embedded statements: the evidence is missing. */
  static Evaluation missingVex(CheckContext context) {
    Finding finding = context.finding(
        "the submission declares no VEX document (artifacts.vex) and its SBOMs embed no vulnerability analysis",
        context.locateInManifest("/artifacts"));
    return new Evaluation.Fail("no VEX document to check", List.of(finding));
  }

  /**
   * VEX is declared but none of it could be read (the input problems say why): nothing to check,
   * which must not pass silently.
   */
  static Evaluation unreadableVex(CheckContext context) {
    Finding finding = context.finding(
        "no declared VEX document could be read (see the input problems), so its statements cannot be checked",
        context.locateInManifest("/artifacts/vex"));
    return new Evaluation.Fail("the declared VEX documents could not be read", List.of(finding));
  }

  /** "CVE-x (GHSA-y)" for messages. */
  static String vulnerability(VulnerabilityRow row) {
    return row.vulnerability() + (row.aliases().isEmpty() ? "" : " (" + String.join(", ", row.aliases()) + ")");
  }

  static String component(ComponentRef c) {
    return c.label() + " in " + c.artifact();
  }
}
