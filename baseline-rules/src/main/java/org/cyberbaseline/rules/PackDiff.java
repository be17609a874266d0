package org.cyberbaseline.rules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What changed between two resolved baselines, rule by rule: what a reviewer asks when a submission
 * moves from one guidance edition to the next. Rule ids are stable across versions, so a rule is
 * "the same rule" exactly when its id is.
 */
public record PackDiff(PackRef from, PackRef to, List<Rule> added, List<Rule> removed, List<RuleChange> changed) {

  /** One rule present in both packs, and each of its aspects that differ. */
  public record RuleChange(String ruleId, List<Change> changes) {
    public RuleChange {
      Objects.requireNonNull(ruleId, "ruleId");
      changes = List.copyOf(changes);
    }
  }

  /** One aspect of a rule: its value before and after, as display text. */
  public record Change(String aspect, String before, String after) {
    public Change {
      Objects.requireNonNull(aspect, "aspect");
      Objects.requireNonNull(before, "before");
      Objects.requireNonNull(after, "after");
    }
  }

  public PackDiff {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    changed = List.copyOf(changed);
  }

  /** Compares two resolved packs (see {@link RulePackRepository#resolve}). */
  public static PackDiff between(RulePack from, RulePack to) {
    Map<String, Rule> before = new TreeMap<>();
    from.rules().forEach(r -> before.put(r.id(), r));
    Map<String, Rule> after = new TreeMap<>();
    to.rules().forEach(r -> after.put(r.id(), r));
    List<Rule> added = new ArrayList<>();
    List<Rule> removed = new ArrayList<>();
    List<RuleChange> changed = new ArrayList<>();
    for (Rule rule : after.values()) {
      Rule old = before.get(rule.id());
      if (old == null) {
        added.add(rule);
        continue;
      }
      List<Change> changes = new ArrayList<>();
      compare(changes, "title", old.title(), rule.title());
      compare(changes, "severity", old.severity().id(), rule.severity().id());
      compare(changes, "check", old.check().type(), rule.check().type());
      compare(changes, "parameters", old.check().params().toString(), rule.check().params().toString());
      compare(changes, "citations", citations(old), citations(rule));
      compare(changes, "applies to", old.appliesTo().toString(), rule.appliesTo().toString());
      compare(changes, "rationale", old.rationale(), rule.rationale());
      compare(changes, "notes", old.notes().orElse(""), rule.notes().orElse(""));
      if (!changes.isEmpty()) {
        changed.add(new RuleChange(rule.id(), changes));
      }
    }
    for (Rule rule : before.values()) {
      if (!after.containsKey(rule.id())) {
        removed.add(rule);
      }
    }
    return new PackDiff(from.ref(), to.ref(), added, removed, changed);
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /** Plain text for a terminal. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("Changes from ").append(from).append(" to ").append(to).append(":\n");
    if (isEmpty()) {
      return out.append("  no rule differs\n").toString();
    }
    for (Rule rule : added) {
      out.append("  + ").append(rule.id()).append(" [").append(rule.severity().id()).append("] ").append(rule.title()).append('\n');
    }
    for (Rule rule : removed) {
      out.append("  - ").append(rule.id()).append(" [").append(rule.severity().id()).append("] ").append(rule.title()).append('\n');
    }
    for (RuleChange change : changed) {
      out.append("  ~ ").append(change.ruleId()).append('\n');
      for (Change c : change.changes()) {
        out.append("      ").append(c.aspect()).append(": ").append(c.before()).append("\n        -> ").append(c.after()).append('\n');
      }
    }
    out.append(added.size()).append(" added, ").append(removed.size()).append(" removed, ")
        .append(changed.size()).append(" changed\n");
    return out.toString();
  }

  /** JSON for tools: {from, to, added[], removed[], changed[{ruleId, changes[{aspect, before, after}]}]}. */
  public String toJson() {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("from", from.toString());
    root.put("to", to.toString());
    ArrayNode addedNode = root.putArray("added");
    added.forEach(r -> addedNode.addObject().put("ruleId", r.id()).put("severity", r.severity().id()).put("title", r.title()));
    ArrayNode removedNode = root.putArray("removed");
    removed.forEach(r -> removedNode.addObject().put("ruleId", r.id()).put("severity", r.severity().id()).put("title", r.title()));
    ArrayNode changedNode = root.putArray("changed");
    for (RuleChange change : changed) {
      ObjectNode node = changedNode.addObject().put("ruleId", change.ruleId());
      ArrayNode list = node.putArray("changes");
      change.changes().forEach(c -> list.addObject().put("aspect", c.aspect()).put("before", c.before()).put("after", c.after()));
    }
    try {
      return mapper.writeValueAsString(root).replace("\r\n", "\n") + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }

  private static void compare(List<Change> changes, String aspect, String before, String after) {
    if (!before.equals(after)) {
      changes.add(new Change(aspect, before, after));
    }
  }

  private static String citations(Rule rule) {
    return rule.citations().stream().map(Citation::display).collect(Collectors.joining("; "));
  }
}
