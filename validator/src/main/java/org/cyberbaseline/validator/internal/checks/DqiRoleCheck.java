package org.cyberbaseline.validator.internal.checks;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cyberbaseline.dqi.DqiManifest;
import org.cyberbaseline.validator.spi.Evaluation;

/**
 * DQI-005: at least one dedicated DQI role, separate from clinical roles and unable to invoke
 * clinical functions, whose permissions ({@code query:<query id or category>}) name only declared
 * queries.
 */
public final class DqiRoleCheck extends DqiCheck {
  @Override
  public String name() {
    return "dqi.role";
  }

  @Override
  Evaluation decide(Run run) {
    List<DqiManifest.Role> roles = run.dqi().authorization().map(DqiManifest.Authorization::roles).orElse(List.of());
    if (roles.isEmpty()) {
      run.add("/dqi/authorization/roles", "no DQI role declared (dqi.authorization.roles)");
      return new Evaluation.Fail("the DQI declares no role", run.findings);
    }
    Set<String> declared = new HashSet<>();
    for (DqiManifest.Query q : run.dqi().queries()) {
      q.id().ifPresent(declared::add);
      q.category().ifPresent(declared::add);
    }
    for (int i = 0; i < roles.size(); i++) {
      DqiManifest.Role role = roles.get(i);
      String base = "/dqi/authorization/roles/" + i;
      String name = "role '" + role.name().orElse("#" + i) + "'";
      if (!role.canInvokeClinicalFunctions().map(c -> !c).orElse(false)) {
        run.add(base + "/canInvokeClinicalFunctions", name + (role.canInvokeClinicalFunctions().isPresent()
            ? " can invoke clinical functions" : " does not declare canInvokeClinicalFunctions = false"));
      }
      if (!role.separateFromClinicalRoles().orElse(false)) {
        run.add(base + "/separateFromClinicalRoles", name + " is not declared separate from clinical, administrator and service roles");
      }
      if (role.permissions().isEmpty()) {
        run.add(base + "/permissions", name + " lists no permission, so its privilege is undefined");
      }
      for (int p = 0; p < role.permissions().size(); p++) {
        String permission = role.permissions().get(p);
        if (!permission.startsWith("query:") || !declared.contains(permission.substring("query:".length()))) {
          run.add(base + "/permissions/" + p, name + " grants '" + permission + "', which is not one of the declared queries");
        }
      }
    }
    return Evaluation.failIfAny(run.findings, "a DQI role is not least-privilege",
        SbomCheckSupport.plural(roles.size(), "DQI role") + " limited to declared queries, separate from clinical roles");
  }
}
