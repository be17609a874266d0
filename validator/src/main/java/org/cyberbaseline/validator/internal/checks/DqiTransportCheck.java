package org.cyberbaseline.validator.internal.checks;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * DQI-006: every DQI interface uses authenticated encryption: TLS/DTLS at 1.2 or later with no
 * NULL, export, anonymous, RC4, DES/3DES or MD5 cipher suite and a declared certificate source, or
 * SSH, IPsec or BLE Secure Connections; "other" must describe itself. TLS 1.0 and 1.1 are
 * deprecated (RFC 8996). Inventory and vulnerability-status responses should be signed (a warning).
 */
public final class DqiTransportCheck extends DqiCheck {
  private static final Set<String> TLS = Set.of("tls", "dtls");
  private static final Set<String> DEPRECATED_TLS = Set.of("1.0", "1.1");
  private static final Pattern WEAK_SUITE = Pattern.compile("NULL|EXPORT|anon|RC4|_DES_|3DES|DES_CBC|MD5", Pattern.CASE_INSENSITIVE);
  private static final Set<String> SIGNED_CATEGORIES = Set.of("software-inventory", "vulnerability-status");

  @Override
  public String name() {
    return "dqi.transport";
  }

  @Override
  Evaluation decide(Run run) {
    List<DqiManifest.Interface> interfaces = run.dqi().interfaces();
    if (interfaces.isEmpty()) {
      run.add("/dqi/interfaces", "no DQI interface declared, so its transport protection is unknown");
    }
    for (int i = 0; i < interfaces.size(); i++) {
      DqiManifest.Interface iface = interfaces.get(i);
      String base = "/dqi/interfaces/" + i;
      String name = "interface '" + iface.id().orElse("#" + i) + "'";
      if (iface.transport().isEmpty()) {
        run.add(base + "/transport", name + " declares no transport protection");
        continue;
      }
      DqiManifest.Transport t = iface.transport().get();
      String encryption = t.encryption().orElse(null);
      if (encryption == null) {
        run.add(base + "/transport/encryption", name + " does not declare its transport encryption");
      } else if (encryption.equals("none")) {
        run.add(base + "/transport/encryption", name + " is not encrypted: DQI data would travel in plaintext");
      } else if (encryption.equals("other") && t.description().isEmpty()) {
        run.add(base + "/transport/description", name + " uses 'other' encryption without describing it");
      }
      if (encryption != null && TLS.contains(encryption)) {
        String version = t.tlsMinVersion().orElse(null);
        if (version == null) {
          run.add(base + "/transport/tlsMinVersion", name + " does not declare its minimum " + encryption.toUpperCase(Locale.ROOT) + " version");
        } else if (DEPRECATED_TLS.contains(version)) {
          run.add(base + "/transport/tlsMinVersion", name + " accepts TLS " + version + ", deprecated (RFC 8996); require 1.2 or later");
        }
        for (int s = 0; s < t.cipherSuites().size(); s++) {
          if (WEAK_SUITE.matcher(t.cipherSuites().get(s)).find()) {
            run.add(base + "/transport/cipherSuites/" + s, name + " offers the disallowed cipher suite " + t.cipherSuites().get(s));
          }
        }
        if (t.certificateSource().isEmpty()) {
          run.add(base + "/transport/certificateSource", name + " does not declare where its certificates come from");
        }
      }
    }
    List<DqiManifest.Query> queries = run.dqi().queries();
    for (int q = 0; q < queries.size(); q++) {
      DqiManifest.Query query = queries.get(q);
      if (query.category().filter(SIGNED_CATEGORIES::contains).isPresent() && !query.signed().orElse(false)) {
        run.add(Severity.WARNING, "/dqi/queries/" + q + "/signed", queryName(query, q) + " (" + query.category().get()
            + ") returns an unsigned response, which a recipient cannot verify as originating from the device");
      }
    }
    return Evaluation.failIfAny(run.findings, "a DQI transport or response is not adequately protected",
        "every DQI interface uses authenticated encryption and inventory and vulnerability responses are signed");
  }
}
