package org.cyberbaseline.validator.internal.checks;

import java.util.Set;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.validator.spi.Evaluation;

/** DQI-004: credentials unique per device or provisioned by the facility, never default, and rotatable. */
public final class DqiCredentialsCheck extends DqiCheck {
  private static final Set<String> FORBIDDEN = Set.of("default", "hardcoded", "shared");

  @Override
  public String name() {
    return "dqi.credentials";
  }

  @Override
  Evaluation decide(Run run) {
    if (run.dqi().authentication().isEmpty()) {
      run.add("/dqi/authentication", "no authentication declaration (dqi.authentication), so credential provisioning is undeclared");
      return new Evaluation.Fail("the DQI declares no credentials", run.findings);
    }
    DqiManifest.Authentication a = run.dqi().authentication().get();
    String provisioning = a.credentialProvisioning().orElse(null);
    if (provisioning == null) {
      run.add("/dqi/authentication/credentialProvisioning", "credentialProvisioning is absent: declare unique-per-device or hdo-provisioned");
    } else if (FORBIDDEN.contains(provisioning)) {
      run.add("/dqi/authentication/credentialProvisioning", "credentials are '" + provisioning
          + "': DQI credentials must be unique per device or provisioned by the healthcare facility");
    }
    if (!a.defaultCredentials().map(d -> !d).orElse(false)) {
      run.add("/dqi/authentication/defaultCredentials", a.defaultCredentials().isPresent()
          ? "the DQI ships with default credentials" : "defaultCredentials is absent: declare that no default credential exists");
    }
    if (!a.rotationSupported().orElse(false)) {
      run.add("/dqi/authentication/rotationSupported", a.rotationSupported().isPresent()
          ? "DQI credentials cannot be rotated" : "rotationSupported is absent: declare whether credentials can be rotated");
    }
    return Evaluation.failIfAny(run.findings, "DQI credentials may be default, shared or hard-coded, or cannot be rotated",
        "DQI credentials are " + provisioning + ", not default, and can be rotated");
  }
}
