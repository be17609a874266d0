package org.cyberbaseline.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.sbom.Sbom;
import org.cyberbaseline.sbom.SbomReadResult;
import org.cyberbaseline.sbom.SupportInfo;
import org.cyberbaseline.schemas.BundledSchema;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.JsonReadException;
import org.cyberbaseline.schemas.LocatedJson;
import org.cyberbaseline.schemas.LocatedJsonReader;
import org.cyberbaseline.schemas.Position;
import org.cyberbaseline.schemas.SchemaCheck;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.spi.SbomArtifact;

/**
 * Software-support addenda: FDA's §V.A.4(b) lets the level of support and end-of-support date of
 * each component be given "in the SBOM or in an addendum". SPDX 2.x has no field for the level of
 * support, so an SPDX SBOM needs one. The addendum's values fill what the SBOM leaves empty before
 * any rule runs, so the SBOM rules (SBOM-010, SBOM-011, SBOM-012) judge SBOM and addendum together;
 * where both give a value, the SBOM's wins, because it is the document hospitals receive.
 */
final class SupportAddenda {
  private SupportAddenda() {}

  /** One addendum entry and where it is written. */
  record Entry(
      Location at, Optional<String> ref, Optional<String> purl, Optional<String> name, Optional<String> version,
      SupportInfo support) {
    boolean matches(Component component) {
      if (ref.isPresent()) {
        return component.ref().equals(ref);
      }
      if (purl.isPresent()) {
        return component.purl().equals(purl);
      }
      return component.name().equals(name) && component.version().equals(version);
    }
  }

  /** One addendum file: the SBOM it is for (empty: every SBOM) and its entries. */
  record Addendum(String path, Optional<String> sbom, List<Entry> entries) {}

  /** An addendum that could be read, or none when it is invalid (with the problems saying why). */
  record Loaded(Optional<Addendum> addendum, List<Finding> problems) {}

  static Loaded read(String path, byte[] content, LocatedJsonReader reader, SchemaCheck schemas) {
    LocatedJson document;
    try {
      document = reader.readJson(content);
    } catch (JsonReadException e) {
      return new Loaded(Optional.empty(), List.of(InputProblems.finding(InputProblems.SUPPORT_ADDENDUM_INVALID,
          Severity.ERROR, "support addendum is not readable JSON: " + e.problem().message(),
          at(path, e.problem().pointer(), e.problem().position()))));
    }
    List<Finding> problems = new ArrayList<>();
    for (JsonProblem p : schemas.check(BundledSchema.SUPPORT_ADDENDUM_1_0, document)) {
      problems.add(InputProblems.finding(InputProblems.SUPPORT_ADDENDUM_INVALID, Severity.ERROR, p.message(),
          at(path, p.pointer(), p.position())));
    }
    if (!problems.isEmpty()) {
      // Half an addendum would make some components pass on data nobody checked: apply none of it.
      return new Loaded(Optional.empty(), problems);
    }
    List<Entry> entries = new ArrayList<>();
    JsonNode components = document.root().get("components");
    for (int i = 0; i < components.size(); i++) {
      JsonNode c = components.get(i);
      String pointer = "/components/" + i;
      entries.add(new Entry(
          at(path, pointer, document.positionOf(pointer)),
          text(c, "ref"),
          text(c, "purl"),
          text(c, "name"),
          text(c, "version"),
          new SupportInfo(text(c, "levelOfSupport"), text(c, "endOfSupport"), text(c, "endOfLife"),
              text(c, "justification").map(List::of).orElse(List.of()))));
    }
    return new Loaded(Optional.of(new Addendum(path, text(document.root(), "sbom"), entries)), List.of());
  }

  /**
   * The SBOMs with the addenda's support data merged in. An entry that names no component of the
   * SBOMs it is for is reported: it is either a typo or a component the SBOM forgot.
   */
  static List<SbomArtifact> apply(List<SbomArtifact> sboms, List<Addendum> addenda, List<Finding> problems) {
    if (addenda.isEmpty()) {
      return sboms;
    }
    List<SbomArtifact> merged = new ArrayList<>();
    boolean[][] used = new boolean[addenda.size()][];
    for (int a = 0; a < addenda.size(); a++) {
      used[a] = new boolean[addenda.get(a).entries().size()];
    }
    for (SbomArtifact artifact : sboms) {
      if (!(artifact.read() instanceof SbomReadResult.Parsed parsed)) {
        merged.add(artifact);
        continue;
      }
      Sbom sbom = parsed.sbom();
      for (int a = 0; a < addenda.size(); a++) {
        Addendum addendum = addenda.get(a);
        if (addendum.sbom().isPresent() && !addendum.sbom().get().equals(artifact.path())) {
          continue;
        }
        boolean[] usedHere = used[a];
        sbom = sbom.mapComponents(component -> {
          SupportInfo support = component.support();
          for (int e = 0; e < addendum.entries().size(); e++) {
            Entry entry = addendum.entries().get(e);
            if (entry.matches(component)) {
              usedHere[e] = true;
              support = fill(support, entry.support());
            }
          }
          return support == component.support() ? component : component.withSupport(support);
        });
      }
      merged.add(new SbomArtifact(artifact.path(), new SbomReadResult.Parsed(sbom, parsed.schemaProblems())));
    }
    for (int a = 0; a < addenda.size(); a++) {
      Addendum addendum = addenda.get(a);
      for (int e = 0; e < addendum.entries().size(); e++) {
        if (!used[a][e]) {
          Entry entry = addendum.entries().get(e);
          problems.add(InputProblems.finding(InputProblems.SUPPORT_ADDENDUM_UNMATCHED, Severity.WARNING,
              "support addendum entry " + describe(entry) + " names no component of "
                  + addendum.sbom().map(s -> "SBOM " + s).orElse("any SBOM of the submission"),
              entry.at()));
        }
      }
    }
    return List.copyOf(merged);
  }

  private static SupportInfo fill(SupportInfo fromSbom, SupportInfo fromAddendum) {
    List<String> justifications = new ArrayList<>(fromSbom.justifications());
    justifications.addAll(fromAddendum.justifications());
    return new SupportInfo(
        fromSbom.levelOfSupport().or(fromAddendum::levelOfSupport),
        fromSbom.endOfSupport().or(fromAddendum::endOfSupport),
        fromSbom.endOfLife().or(fromAddendum::endOfLife),
        justifications);
  }

  private static String describe(Entry entry) {
    return entry.ref().map(r -> "ref '" + r + "'")
        .or(() -> entry.purl().map(p -> "purl '" + p + "'"))
        .orElseGet(() -> "'" + entry.name().orElse("") + "@" + entry.version().orElse("") + "'");
  }

  private static Location at(String path, String pointer, Optional<Position> position) {
    return new Location(path, Optional.of(pointer), position.map(Position::line), position.map(Position::column));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }
}
