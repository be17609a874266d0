package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * DQI-009 and DQI-010: the DQI offers a query of each required category. Parameters:
 * {@code categories} (required) — the query categories; {@code allowUnsupported} (default false) —
 * whether a category listed in {@code dqi.unsupportedQueries} with a rationale counts as covered
 * (the extended set may be "supported or N/A with rationale"; the minimum set may not).
 */
public final class DqiQuerySetCheck extends DqiCheck {
  @Override
  public String name() {
    return "dqi.query-set";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of("categories", "allowUnsupported"));
    JsonNode categories = params.get("categories");
    if (categories == null || !categories.isArray() || categories.isEmpty()) {
      throw new IllegalArgumentException("'categories' must list at least one query category");
    }
    for (JsonNode c : categories) {
      if (!DqiManifest.QUERY_CATEGORIES.contains(c.asText())) {
        throw new IllegalArgumentException("unknown query category '" + c.asText() + "'; known: " + DqiManifest.QUERY_CATEGORIES);
      }
    }
    if (params.has("allowUnsupported") && !params.get("allowUnsupported").isBoolean()) {
      throw new IllegalArgumentException("'allowUnsupported' must be true or false");
    }
  }

  @Override
  Evaluation decide(Run run) {
    boolean allowUnsupported = run.context.params().path("allowUnsupported").asBoolean(false);
    List<String> required = new ArrayList<>();
    run.context.params().get("categories").forEach(c -> required.add(c.asText()));
    for (String category : required) {
      boolean offered = run.dqi().queries().stream().anyMatch(q -> q.category().filter(category::equals).isPresent());
      boolean justified = allowUnsupported && run.dqi().unsupportedQueries().stream()
          .anyMatch(u -> u.category().filter(category::equals).isPresent() && u.rationale().isPresent());
      if (!offered && !justified) {
        run.add("/dqi/queries", "no query of category '" + category + "'"
            + (allowUnsupported ? " and no unsupportedQueries entry justifying its absence" : ""));
      }
    }
    return Evaluation.failIfAny(run.findings, "the DQI lacks required query categories",
        "the DQI offers " + String.join(", ", required) + (allowUnsupported ? " (or justifies their absence)" : ""));
  }
}
