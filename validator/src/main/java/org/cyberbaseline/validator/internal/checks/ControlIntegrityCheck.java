package org.cyberbaseline.validator.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.validator.Finding;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * CTL-002: integrity rests on cryptography. There is a code/data/execution-integrity control and a
 * firmware/software-update control; no integrity control relies on a CRC or checksum alone (named
 * without a signature, MAC or hash-based authentication); and every dataflow that carries code is
 * answered by a threat mitigated by an integrity or update control. Whether updates are authenticated
 * before install with signed version metadata and rollback is blocked is then read by a reviewer in
 * those controls: NEEDS_REVIEW.
 */
public final class ControlIntegrityCheck extends ThreatModelCheck {
  private static final Pattern CRC = Pattern.compile("\\b(crc(-?\\d+)?|checksums?)\\b");
  private static final Pattern CRYPTO = Pattern.compile("sign|hmac|\\bmac\\b|ecdsa|rsa|ed25519|sha-?(256|384|512)|aes-?gcm|authenticat");
  private static final String INTEGRITY = "code-data-execution-integrity";
  private static final String UPDATES = "firmware-software-updates";

  @Override
  public String name() {
    return "control.integrity";
  }

  @Override
  Evaluation decide(Run run) {
    ThreatModel m = run.model;
    List<ThreatModel.Mitigation> integrity = m.mitigations().stream().filter(x -> x.controlCategories().contains(INTEGRITY)).toList();
    List<ThreatModel.Mitigation> updates = m.mitigations().stream().filter(x -> x.controlCategories().contains(UPDATES)).toList();
    if (integrity.isEmpty()) {
      run.add(run.list("mitigations"), "no mitigation is a code, data and execution integrity control (Appendix 1 D)");
    }
    if (updates.isEmpty()) {
      run.add(run.list("mitigations"), "no mitigation is a firmware and software update control (Appendix 1 H)");
    }
    for (ThreatModel.Mitigation x : integrity) {
      String text = (x.name().orElse("") + " " + x.description().orElse("")).toLowerCase(Locale.ROOT);
      if (CRC.matcher(text).find() && !CRYPTO.matcher(text).find()) {
        run.add(x.pointer(), name("mitigation", x.id(), x.name()) + " relies on a CRC or checksum, which is not a security control");
      }
    }
    List<String> protecting = new ArrayList<>();
    integrity.forEach(x -> protecting.add(x.id()));
    updates.forEach(x -> protecting.add(x.id()));
    for (ThreatModel.Dataflow d : m.dataflows()) {
      if (d.carries().stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains("code"))) {
        boolean protectedFlow = m.threats().stream().anyMatch(t -> t.targets().contains(d.id())
            && t.mitigations().stream().anyMatch(protecting::contains));
        if (!protectedFlow) {
          run.add(d.pointer(), name("dataflow", d.id(), d.name()) + " carries code but no threat on it is mitigated by an"
              + " integrity or update control");
        }
      }
    }
    if (!run.findings.isEmpty()) {
      return new Evaluation.Fail("integrity or update authenticity is not shown to rest on cryptography", run.findings);
    }
    List<Finding> review = new ArrayList<>();
    for (ThreatModel.Mitigation x : updates) {
      review.add(run.info(x.pointer(), "review " + name("mitigation", x.id(), x.name()) + ": updates authenticated before"
          + " installation, signed version metadata, downgrade blocked unless authorised and logged, software verified before execution?"));
    }
    return new Evaluation.NeedsReview("integrity and update controls are declared; a reviewer must confirm authentication before"
        + " install, signed metadata and rollback protection", review);
  }
}
