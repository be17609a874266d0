package org.cyberbaseline.validator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.schemas.BundledSchema;
import org.cyberbaseline.schemas.JsonProblem;
import org.cyberbaseline.schemas.JsonReadException;
import org.cyberbaseline.schemas.LocatedJson;
import org.cyberbaseline.schemas.LocatedJsonReader;
import org.cyberbaseline.schemas.Position;
import org.cyberbaseline.schemas.SchemaCheck;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.RuleResult;
import org.cyberbaseline.validator.Status;
import org.cyberbaseline.validator.Waiver;

/**
 * Reads a submission's waiver file and applies it to rule results. A waiver only ever marks
 * findings: it never removes them, so the report still shows what was accepted and by whom.
 */
final class Waivers {
  private Waivers() {}

  record Loaded(List<Waiver> waivers, List<Finding> problems) {}

  static Loaded read(String path, byte[] content, LocatedJsonReader reader, SchemaCheck schemas) {
    LocatedJson document;
    try {
      document = reader.readJson(content);
    } catch (JsonReadException e) {
      return new Loaded(List.of(), List.of(problem(InputProblems.WAIVERS_INVALID, Severity.ERROR,
          "waiver file is not readable JSON: " + e.problem().message(), at(path, e.problem().pointer(), e.problem().position()))));
    }
    List<Finding> problems = new ArrayList<>();
    for (JsonProblem p : schemas.check(BundledSchema.WAIVERS_1_0, document)) {
      problems.add(problem(InputProblems.WAIVERS_INVALID, Severity.ERROR, p.message(), at(path, p.pointer(), p.position())));
    }
    if (!problems.isEmpty()) {
      // A half-valid waiver file must not silently accept findings: apply none of it.
      return new Loaded(List.of(), problems);
    }
    List<Waiver> waivers = new ArrayList<>();
    JsonNode entries = document.root().get("waivers");
    for (int i = 0; i < entries.size(); i++) {
      JsonNode w = entries.get(i);
      String pointer = "/waivers/" + i;
      waivers.add(new Waiver(
          text(w, "id"),
          w.get("rule").asText(),
          text(w, "artifact"),
          text(w, "pointer"),
          w.get("justification").asText(),
          w.get("owner").asText(),
          LocalDate.parse(w.get("expires").asText()),
          at(path, pointer, document.positionOf(pointer))));
    }
    return new Loaded(waivers, List.of());
  }

  /**
   * Marks the findings each unexpired waiver covers; a rule whose every finding is waived passes.
   * Expired waivers and waivers that cover nothing become input problems.
   */
  static List<RuleResult> apply(List<RuleResult> results, List<Waiver> waivers, LocalDate today, List<Finding> problems) {
    List<Waiver> active = new ArrayList<>();
    for (Waiver waiver : waivers) {
      if (waiver.expires().isBefore(today)) {
        problems.add(problem(InputProblems.WAIVER_EXPIRED, Severity.WARNING,
            "waiver for " + waiver.ruleId() + " (owner " + waiver.owner() + ") expired on " + waiver.expires()
                + "; its findings count again", waiver.declaredAt()));
      } else {
        active.add(waiver);
      }
    }
    boolean[] used = new boolean[active.size()];
    List<RuleResult> applied = new ArrayList<>(results.size());
    for (RuleResult result : results) {
      List<Finding> findings = new ArrayList<>(result.findings().size());
      for (Finding finding : result.findings()) {
        Finding marked = finding;
        for (int i = 0; i < active.size(); i++) {
          if (active.get(i).covers(finding)) {
            marked = finding.withWaiver(active.get(i));
            used[i] = true;
            break;
          }
        }
        findings.add(marked);
      }
      long open = findings.stream().filter(f -> !f.waived()).count();
      boolean allWaived = result.status() == Status.FAIL && open == 0;
      applied.add(new RuleResult(
          result.ruleId(),
          result.title(),
          result.severity(),
          allWaived ? Status.PASS : result.status(),
          allWaived ? "passes because a waiver accepts each of its " + findings.size() + " finding(s): "
              + result.explanation() : result.explanation(),
          result.citations(),
          findings));
    }
    for (int i = 0; i < active.size(); i++) {
      if (!used[i]) {
        problems.add(problem(InputProblems.WAIVER_UNUSED, Severity.WARNING,
            "waiver for " + active.get(i).ruleId() + " matches no finding; remove it or correct its rule, artifact or pointer",
            active.get(i).declaredAt()));
      }
    }
    return applied;
  }

  private static Finding problem(String code, Severity severity, String message, Location location) {
    return InputProblems.finding(code, severity, message, location);
  }

  private static Location at(String path, String pointer, Optional<Position> position) {
    return new Location(path, Optional.of(pointer), position.map(Position::line), position.map(Position::column));
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
  }
}
