package org.cyberbaseline.validator.internal.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.sbom.Component;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.Location;
import org.cyberbaseline.validator.internal.checks.SbomCheckSupport.ReadableSbom;
import org.cyberbaseline.validator.spi.CheckContext;
import org.cyberbaseline.validator.spi.CheckType;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * Every component (the primary component included) states its licence, and every licence is an
 * SPDX licence identifier or SPDX licence expression. Free-text licence names ("Apache License
 * 2.0", "BSD-style") cannot be compared by a machine; some guidelines therefore accept SPDX
 * identifiers only (BSI TR-03183-2: licences as SPDX identifiers or expressions).
 *
 * <p>Accepted: listed SPDX licence and exception identifiers (case-insensitive, optionally with a
 * trailing "+"), {@code LicenseRef-...} and {@code DocumentRef-...:LicenseRef-...}, combined with
 * AND, OR, WITH and parentheses. The identifier list is the SPDX licence list that ships with the
 * CycloneDX schemas on the classpath ({@code spdx.schema.json}), so the verdict never depends on the
 * network. The normalised model keeps a CycloneDX {@code license.id} and {@code license.name} alike
 * as text, so a name that happens to be a listed identifier passes.
 *
 * <p>Parameter {@code unknownSeverity} (default warning): severity for a component whose only
 * licence is an explicit unknown (NOASSERTION, "unknown"); never above the rule's own.
 */
public final class SbomSpdxLicenseCheck implements CheckType {
  private static final String UNKNOWN = "unknownSeverity";
  /** Deeper parentheses than any real licence expression has; deeper input is rejected, not recursed into. */
  private static final int MAX_DEPTH = 64;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9.\\-]+\\+?");
  private static final Pattern LICENSE_REF = Pattern.compile("(DocumentRef-[A-Za-z0-9.\\-]+:)?LicenseRef-[A-Za-z0-9.\\-]+");
  private static final List<String> LIST_RESOURCES =
      List.of("org/cyberbaseline/sbom/cyclonedx/spdx.schema.json", "spdx.schema.json");

  @Override
  public String name() {
    return "sbom.spdx-license";
  }

  @Override
  public void checkParameters(ObjectNode params) {
    SbomCheckSupport.onlyKnownParams(params, Set.of(UNKNOWN));
    SbomCheckSupport.severityParam(params, UNKNOWN, Severity.WARNING);
  }

  /** The SPDX identifiers, lower case; loaded once, on first use. */
  private static final class Listed {
    static final Optional<Set<String>> IDS = load();

    private static Optional<Set<String>> load() {
      ClassLoader loader = SbomSpdxLicenseCheck.class.getClassLoader();
      for (String resource : LIST_RESOURCES) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
          if (in == null) {
            continue;
          }
          JsonNode values = new ObjectMapper().readTree(in).path("enum");
          Set<String> ids = new HashSet<>();
          values.forEach(v -> ids.add(v.asText().toLowerCase(Locale.ROOT)));
          if (!ids.isEmpty()) {
            return Optional.of(Set.copyOf(ids));
          }
        } catch (IOException | RuntimeException e) {
          // try the next copy
        }
      }
      return Optional.empty();
    }
  }

  @Override
  public Evaluation evaluate(CheckContext context) {
    List<ReadableSbom> sboms = SbomCheckSupport.readable(context);
    if (sboms.isEmpty()) {
      return new Evaluation.NotApplicable(SbomCheckSupport.NO_READABLE_SBOM);
    }
    if (Listed.IDS.isEmpty()) {
      return new Evaluation.NeedsReview("the SPDX licence list is not on the classpath, so licence identifiers cannot be checked", List.of());
    }
    Set<String> listed = Listed.IDS.get();
    Severity unknownSeverity =
        SbomCheckSupport.atMost(SbomCheckSupport.severityParam(context.params(), UNKNOWN, Severity.WARNING), context.rule().severity());
    List<Finding> findings = new ArrayList<>();
    int components = 0;
    for (ReadableSbom readable : sboms) {
      for (Component component : SbomCheckSupport.allComponents(readable.sbom())) {
        components++;
        String label = "component " + component.label();
        List<String> licenses = component.licenses().stream().filter(l -> !l.isBlank()).toList();
        Location at = null;
        if (licenses.isEmpty()) {
          at = context.locate(readable.path(), readable.sbom(), component.pointer());
          findings.add(context.finding(label + " has no licence information", at));
          continue;
        }
        if (licenses.stream().allMatch(SbomCheckSupport::isExplicitUnknown)) {
          at = context.locate(readable.path(), readable.sbom(), component.pointer());
          findings.add(context.finding(unknownSeverity, label + " declares its licence as unknown", at));
          continue;
        }
        for (String license : licenses) {
          if (SbomCheckSupport.isExplicitUnknown(license)) {
            continue;
          }
          Optional<String> problem = problem(license, listed);
          if (problem.isPresent()) {
            if (at == null) {
              at = context.locate(readable.path(), readable.sbom(), component.pointer());
            }
            findings.add(context.finding(label + " has licence '" + abbreviate(license) + "', which is not an SPDX licence"
                + " identifier or expression: " + problem.get(), at));
          }
        }
      }
    }
    return Evaluation.failIfAny(
        findings,
        SbomCheckSupport.plural(findings.size(), "problem") + " with licences across " + SbomCheckSupport.plural(components, "component"),
        "all " + SbomCheckSupport.plural(components, "component") + " state SPDX licences");
  }

  /** Why {@code expression} is not a valid SPDX licence expression over {@code listed}, if it is not. */
  static Optional<String> problem(String expression, Set<String> listed) {
    List<String> tokens = tokens(expression);
    if (tokens == null) {
      return Optional.of("unexpected character");
    }
    Parser parser = new Parser(tokens, listed);
    try {
      parser.expression(0);
      if (parser.position < tokens.size()) {
        return Optional.of("unexpected '" + abbreviate(tokens.get(parser.position)) + "'");
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  /** Splits into identifiers, operators and parentheses; null when a character cannot occur. */
  private static List<String> tokens(String expression) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    int n = expression.length();
    while (i < n) {
      char c = expression.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        i++;
      } else if (c == '(' || c == ')') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '+' || c == ':') {
        int start = i;
        while (i < n) {
          char d = expression.charAt(i);
          if (!(Character.isLetterOrDigit(d) || d == '.' || d == '-' || d == '+' || d == ':')) {
            break;
          }
          i++;
        }
        tokens.add(expression.substring(start, i));
      } else {
        return null;
      }
    }
    return tokens;
  }

  /** compound := term ((AND|OR) term)*; term := simple [WITH exception] | "(" compound ")". */
  private static final class Parser {
    private final List<String> tokens;
    private final Set<String> listed;
    int position;

    Parser(List<String> tokens, Set<String> listed) {
      this.tokens = tokens;
      this.listed = listed;
    }

    void expression(int depth) {
      term(depth);
      while (position < tokens.size() && (isOperator("AND") || isOperator("OR"))) {
        position++;
        term(depth);
      }
    }

    private void term(int depth) {
      if (position >= tokens.size()) {
        throw new IllegalArgumentException("expression ends early");
      }
      String token = tokens.get(position);
      if (token.equals("(")) {
        if (depth >= MAX_DEPTH) {
          throw new IllegalArgumentException("parentheses nested too deeply");
        }
        position++;
        expression(depth + 1);
        if (position >= tokens.size() || !tokens.get(position).equals(")")) {
          throw new IllegalArgumentException("missing ')'");
        }
        position++;
        return;
      }
      identifier();
      if (position < tokens.size() && isOperator("WITH")) {
        position++;
        identifier();
      }
    }

    private void identifier() {
      if (position >= tokens.size()) {
        throw new IllegalArgumentException("expression ends early");
      }
      String token = tokens.get(position);
      if (token.equals("(") || token.equals(")") || isOperator("AND") || isOperator("OR") || isOperator("WITH")) {
        throw new IllegalArgumentException("expected a licence identifier, found '" + token + "'");
      }
      if (LICENSE_REF.matcher(token).matches()) {
        position++;
        return;
      }
      if (!ID.matcher(token).matches()) {
        throw new IllegalArgumentException("'" + abbreviate(token) + "' is not an identifier");
      }
      String id = token.endsWith("+") ? token.substring(0, token.length() - 1) : token;
      if (!listed.contains(id.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("'" + abbreviate(token) + "' is not on the SPDX licence list");
      }
      position++;
    }

    private boolean isOperator(String operator) {
      return tokens.get(position).equalsIgnoreCase(operator);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
