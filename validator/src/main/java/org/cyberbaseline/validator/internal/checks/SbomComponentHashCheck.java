package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.sbom.Hash;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * Every component (the primary component included) carries a hash computed with an accepted
 * algorithm. A hash lets a recipient confirm that the file in hand is the component the SBOM
 * describes; the algorithm must be named in a way the recipient can compute again (CISA 2026:
 * "Component Hash Algorithm" as an IANA hash function textual name, separate from "Component Hash
 * Value"), and some guidelines ask for one algorithm in particular (BSI TR-03183-2: SHA-512 of the
 * deployable component).
 *
 * <p>Algorithm names are compared without case and without punctuation, so the CycloneDX "SHA-512",
 * the IANA "sha-512" and the SPDX "SHA512" are one algorithm, while "SHA3-512" stays another.
 *
 * <p>Parameters: {@code algorithms} (optional; default any): at least one hash of each component
 * must use one of these; {@code otherAlgorithmSeverity} (default the rule's severity) for a
 * component whose hashes all use other algorithms; {@code weakAlgorithms} (optional) and {@code
 * weakSeverity} (default warning) for a component whose every hash uses a weak algorithm;
 * {@code unknownField} (optional, e.g. "Component Hash Value"): a component without hashes that
 * declares this field through {@code cdx:cisa:unknown-information} or {@code
 * cdx:cisa:withheld-information} gets a finding at {@code unknownSeverity} (default warning)
 * instead of the rule's severity: an explicit unknown is honest but still a gap. No severity
 * parameter ever exceeds the rule's own.
 */
public final class SbomComponentHashCheck implements CheckType {
  private static final String ALGORITHMS = "algorithms";
  private static final String OTHER_SEVERITY = "otherAlgorithmSeverity";
  private static final String WEAK = "weakAlgorithms";
  private static final String WEAK_SEVERITY = "weakSeverity";
  private static final String UNKNOWN_FIELD = "unknownField";
  private static final String UNKNOWN_SEVERITY = "unknownSeverity";

  @Override
  public String name() {
    return "sbom.component-hash";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of(ALGORITHMS, OTHER_SEVERITY, WEAK, WEAK_SEVERITY, UNKNOWN_FIELD, UNKNOWN_SEVERITY));
    algorithmList(params, ALGORITHMS);
    algorithmList(params, WEAK);
    SbomCheckSupport.severityParam(params, OTHER_SEVERITY, Severity.ERROR);
    SbomCheckSupport.severityParam(params, WEAK_SEVERITY, Severity.WARNING);
    SbomCheckSupport.severityParam(params, UNKNOWN_SEVERITY, Severity.WARNING);
    JsonNode field = params.get(UNKNOWN_FIELD);
    if (field != null && (!field.isTextual() || field.textValue().isBlank())) {
      throw new IllegalArgumentException("'" + UNKNOWN_FIELD + "' must be a data field name");
    }
  }

  /** Normalised algorithm names of a list parameter; empty when the parameter is absent. */
  private static Optional<Set<String>> algorithmList(ObjectNode params, String name) {
    JsonNode list = params.get(name);
    if (list == null) {
      return Optional.empty();
    }
    if (!list.isArray() || list.isEmpty()) {
      throw new IllegalArgumentException("'" + name + "' must list at least one algorithm name");
    }
    Set<String> out = new LinkedHashSet<>();
    for (JsonNode a : list) {
      if (!a.isTextual() || normalise(a.textValue()).isEmpty()) {
        throw new IllegalArgumentException("'" + name + "' must list algorithm names such as SHA-256");
      }
      out.add(normalise(a.textValue()));
    }
    return Optional.of(out);
  }

  static String normalise(String algorithm) {
    StringBuilder out = new StringBuilder(algorithm.length());
    for (int i = 0; i < algorithm.length(); i++) {
      char c = algorithm.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        out.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        out.append((char) (c + ('a' - 'A')));
      }
    }
    return out.toString();
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    List<ReadableSbom> sboms = SbomCheckSupport.readable(context);
    if (sboms.isEmpty()) {
      return new Evaluation.NotApplicable(SbomCheckSupport.NO_READABLE_SBOM);
    }
    ObjectNode params = context.params();
    Severity rule = context.rule().severity();
    Optional<Set<String>> accepted = algorithmList(params, ALGORITHMS);
    Set<String> weak = algorithmList(params, WEAK).orElse(Set.of());
    Severity otherSeverity = SbomCheckSupport.atMost(SbomCheckSupport.severityParam(params, OTHER_SEVERITY, rule), rule);
    Severity weakSeverity = SbomCheckSupport.atMost(SbomCheckSupport.severityParam(params, WEAK_SEVERITY, Severity.WARNING), rule);
    Severity unknownSeverity = SbomCheckSupport.atMost(SbomCheckSupport.severityParam(params, UNKNOWN_SEVERITY, Severity.WARNING), rule);
    Optional<String> unknownField = Optional.ofNullable(params.get(UNKNOWN_FIELD)).map(JsonNode::asText);
    List<String> acceptedNames = new ArrayList<>();
    if (accepted.isPresent()) {
      params.get(ALGORITHMS).forEach(n -> acceptedNames.add(n.asText()));
    }
    String acceptedList = String.join(", ", acceptedNames);
    List<Finding> findings = new ArrayList<>();
    int components = 0;
    for (ReadableSbom readable : sboms) {
      for (Component component : SbomCheckSupport.allComponents(readable.sbom())) {
        components++;
        List<Hash> hashes = component.hashes();
        String label = "component " + component.label();
        if (hashes.isEmpty()) {
          Location at = context.locate(readable.path(), readable.sbom(), component.pointer());
          if (unknownField.isPresent() && declares(component, unknownField.get())) {
            findings.add(context.finding(unknownSeverity, label + " declares its hash ('" + unknownField.get()
                + "') unknown or withheld", at));
          } else {
            findings.add(context.finding(label + " has no hash", at));
          }
          continue;
        }
        List<Hash> usable = accepted.isEmpty()
            ? hashes
            : hashes.stream().filter(h -> accepted.get().contains(normalise(h.algorithm()))).toList();
        if (usable.isEmpty()) {
          findings.add(context.finding(otherSeverity, label + " is hashed only with " + algorithms(hashes)
              + "; add a hash with one of: " + acceptedList, context.locate(readable.path(), readable.sbom(), component.pointer())));
          continue;
        }
        if (!weak.isEmpty() && hashes.stream().allMatch(h -> weak.contains(normalise(h.algorithm())))) {
          findings.add(context.finding(weakSeverity, label + " is hashed only with " + algorithms(hashes)
              + " (broken for this purpose); add SHA-256 or stronger",
              context.locate(readable.path(), readable.sbom(), component.pointer())));
        }
      }
    }
    return Evaluation.failIfAny(
        findings,
        SbomCheckSupport.plural(findings.size(), "problem") + " with hashes across " + SbomCheckSupport.plural(components, "component"),
        "all " + SbomCheckSupport.plural(components, "component") + " carry a hash"
            + (accepted.isPresent() ? " with one of " + acceptedList : ""));
  }

  private static boolean declares(Component component, String field) {
    for (String property : List.of(SbomUnknownInformationCheck.UNKNOWN_PROPERTY, SbomUnknownInformationCheck.WITHHELD_PROPERTY)) {
      if (component.property(property).stream().anyMatch(v -> v.strip().equals(field))) {
        return true;
      }
    }
    return false;
  }

  private static String algorithms(List<Hash> hashes) {
    return hashes.stream().map(h -> h.algorithm().length() <= 40 ? h.algorithm() : h.algorithm().substring(0, 37) + "...")
        .distinct().toList().toString();
  }
}
