package org.cyberbaseline.validator.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * TM-009: each communication path documents the Appendix 2 B details the model can carry —
 * protocol (and version), ports, what it carries (data, code, commands), its authentication and its
 * cryptography — with the completeness reported. Cryptography that NIST SP 800-131A disallows (DES,
 * RC4, MD5, SSL, RSA or DH under 2048 bits) or proprietary cryptography without an expert-analysis
 * reference is flagged at error severity, "legacy use" algorithms (SHA-1, 3DES/TDEA) at warning;
 * neither outranks the rule's own severity.
 */
public final class ThreatModelPathDetailsCheck extends ThreatModelCheck {
  private static final Pattern DISALLOWED = Pattern.compile(
      "\\b(single[- ]?des|des|rc4|arc4|md5|md4|sslv?[23]?|null cipher|export)\\b|\\b(rsa|dh|dsa)[- ]?(512|768|1024)\\b");
  private static final Pattern LEGACY = Pattern.compile("\\b(sha-?1|3des|tdea|triple[- ]des|tls ?1\\.[01])\\b");

  @Override
  public String name() {
    return "threat-model.path-details";
  }

  @Override
  Evaluation decide(Run run) {
    ThreatModel m = run.model;
    int complete = 0;
    for (ThreatModel.Dataflow d : m.dataflows()) {
      String who = name("dataflow", d.id(), d.name());
      List<String> missing = new ArrayList<>();
      if (d.protocol().isEmpty()) {
        missing.add("protocol and version");
      }
      if (d.ports().isEmpty()) {
        missing.add("ports");
      }
      if (d.carries().isEmpty()) {
        missing.add("what it carries (data, code, commands)");
      }
      if (d.authentication().isEmpty()) {
        missing.add("authentication mechanism");
      }
      if (d.cryptography().isEmpty()) {
        missing.add("cryptography");
      }
      if (missing.isEmpty()) {
        complete++;
      } else {
        run.add(Severity.WARNING, d.pointer(), who + " documents " + (5 - missing.size()) + " of 5 Appendix 2 B details ("
            + (100 * (5 - missing.size()) / 5) + "%): missing " + String.join(", ", missing));
      }
      d.cryptography().ifPresent(crypto -> {
        String text = crypto.toLowerCase(Locale.ROOT);
        String at = run.field(d.pointer(), ThreatModel.Field.CRYPTOGRAPHY);
        Matcher bad = DISALLOWED.matcher(text);
        Matcher legacy = LEGACY.matcher(text);
        if (bad.find()) {
          run.add(Severity.ERROR, at, who + " uses '" + bad.group() + "', disallowed by NIST SP 800-131A");
        } else if (legacy.find()) {
          run.add(Severity.WARNING, at, who + " uses '" + legacy.group() + "', a legacy-use algorithm or protocol to justify");
        }
        if (text.contains("proprietary") && d.expertAnalysisRef().isEmpty()) {
          run.add(Severity.ERROR, at, who + " uses proprietary cryptography without a reference to an expert analysis");
        }
      });
    }
    return Evaluation.failIfAny(run.findings, "communication paths lack Appendix 2 B details or use weak cryptography",
        complete + " of " + m.dataflows().size() + " communication paths document every Appendix 2 B detail");
  }
}
