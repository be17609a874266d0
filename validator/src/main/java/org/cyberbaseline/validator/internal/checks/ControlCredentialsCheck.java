package org.cyberbaseline.validator.internal.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.cyberbaseline.rules.Severity;
import org.cyberbaseline.threatmodel.ThreatModel;
import org.cyberbaseline.validator.spi.DqiManifestArtifact;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * CTL-001: the credential design declared on the threat model's elements (and the DQI manifest's
 * credential provisioning, when there is one) uses no hard-coded, default or device-shared
 * credential and keeps passwords changeable (errors); privileged access uses MFA or a justified
 * alternative, and a session timeout is declared (warnings). A model that declares no credential
 * design at all fails: the requirement cannot be shown.
 */
public final class ControlCredentialsCheck extends ThreatModelCheck {
  private static final Set<String> FORBIDDEN = Set.of("default", "hardcoded", "shared");

  @Override
  public String name() {
    return "control.credentials";
  }

  @Override
  Evaluation decide(Run run) {
    ThreatModel m = run.model;
    List<ThreatModel.Credentials> all = new ArrayList<>();
    List<String> owners = new ArrayList<>();
    for (ThreatModel.Component c : m.components()) {
      c.credentials().ifPresent(x -> { all.add(x); owners.add(name("component", c.id(), c.name())); });
      for (ThreatModel.Interface i : c.interfaces()) {
        i.credentials().ifPresent(x -> { all.add(x); owners.add(name("interface", i.id(), i.name())); });
      }
    }
    for (ThreatModel.Dataflow d : m.dataflows()) {
      d.credentials().ifPresent(x -> { all.add(x); owners.add(name("dataflow", d.id(), d.name())); });
    }
    if (all.isEmpty()) {
      run.add(run.list("components"), "no element of the threat model declares its credential design (credentials: provisioning,"
          + " changeable, privileged MFA, session timeout)");
    }
    for (int i = 0; i < all.size(); i++) {
      ThreatModel.Credentials x = all.get(i);
      Optional<String> provisioning = x.provisioning();
      if (provisioning.isPresent() && FORBIDDEN.contains(provisioning.get())) {
        run.add(x.pointer() + "/provisioning", owners.get(i) + " uses " + provisioning.get() + " credentials");
      }
      if (x.changeable().isPresent() && !x.changeable().get()) {
        run.add(x.pointer() + "/changeable", owners.get(i) + " has credentials that cannot be changed");
      }
    }
    if (!all.isEmpty() && all.stream().noneMatch(x -> x.privilegedMfa().orElse(false) || x.mfaAlternative().isPresent())) {
      run.add(Severity.WARNING, all.get(0).pointer(), "no element declares multi-factor authentication (or a justified"
          + " alternative) for privileged, service or maintenance access");
    }
    if (!all.isEmpty() && all.stream().noneMatch(x -> x.sessionTimeoutMinutes().isPresent())) {
      run.add(Severity.WARNING, all.get(0).pointer(), "no element declares a session timeout");
    }
    run.context.dqiManifest().flatMap(DqiManifestArtifact::manifest).flatMap(q -> q.dqi().authentication())
        .flatMap(a -> a.credentialProvisioning()).filter(FORBIDDEN::contains).ifPresent(p -> run.findings.add(run.context.finding(
            "the DQI uses " + p + " credentials", run.context.dqiManifest().get().locate("/dqi/authentication/credentialProvisioning"))));
    return Evaluation.failIfAny(run.findings, "credentials may be hard-coded, default or shared, or MFA and timeouts are undeclared",
        SbomCheckSupport.plural(all.size(), "credential declaration") + ": none default, hard-coded or shared; MFA and timeouts declared");
  }
}
