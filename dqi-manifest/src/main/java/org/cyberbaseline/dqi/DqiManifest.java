package org.cyberbaseline.dqi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Device Query Interface conformance manifest ({@code dqi-manifest-1.0.schema.json}): what a
 * manufacturer declares about the interface through which a healthcare facility reads a device's
 * identity, software inventory, patch level and security state without affecting its operation.
 *
 * <p>The records mirror the JSON document member for member, with lists in document order, so the
 * JSON Pointer of any value follows from its place in the model (e.g. the third query's formats are
 * at {@code /dqi/queries/2/formats}). Values the schema requires are still {@link Optional}: the
 * reader maps a schema-invalid document leniently so that one wrong member does not hide every
 * other finding. A program that builds a manifest (e.g. a DQI server describing itself) fills what
 * it knows and writes it with {@link DqiManifestWriter}.
 *
 * @param manifestVersion the {@code dqiManifestVersion} (one of {@link #SUPPORTED_VERSIONS} once read)
 */
public record DqiManifest(String manifestVersion, Device device, Dqi dqi) {
  /** Manifest format versions this library reads and writes. */
  public static final List<String> SUPPORTED_VERSIONS = List.of("1.0");

  /** Query categories of the 1.0 format, in the order the format lists them. */
  public static final List<String> QUERY_CATEGORIES = List.of(
      "device-identity", "software-inventory", "patch-level", "security-configuration", "network-interfaces",
      "vulnerability-status", "security-events", "certificates", "self-test");

  public DqiManifest {
    Objects.requireNonNull(manifestVersion, "manifestVersion");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(dqi, "dqi");
  }

  /** {@code device}: which device model and software version the manifest describes. */
  public record Device(
      Optional<String> manufacturer,
      Optional<String> model,
      Optional<String> deviceName,
      Optional<String> softwareVersion,
      Optional<String> udiDi,
      Optional<String> sbomRef) {
    public Device {
      Objects.requireNonNull(manufacturer, "manufacturer");
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(deviceName, "deviceName");
      Objects.requireNonNull(softwareVersion, "softwareVersion");
      Objects.requireNonNull(udiDi, "udiDi");
      Objects.requireNonNull(sbomRef, "sbomRef");
    }
  }

  /** {@code dqi}: the interface itself. */
  public record Dqi(
      Optional<Boolean> supported,
      Optional<String> apiVersion,
      Optional<String> defaultState,
      Optional<Boolean> hdoCanDisable,
      List<Interface> interfaces,
      Optional<Authentication> authentication,
      Optional<Authorization> authorization,
      Optional<ReadOnly> readOnly,
      Optional<Isolation> isolation,
      Optional<Availability> availability,
      List<Query> queries,
      List<UnsupportedQuery> unsupportedQueries,
      Optional<Logging> logging,
      Optional<Documentation> documentation) {
    public Dqi {
      Objects.requireNonNull(supported, "supported");
      Objects.requireNonNull(apiVersion, "apiVersion");
      Objects.requireNonNull(defaultState, "defaultState");
      Objects.requireNonNull(hdoCanDisable, "hdoCanDisable");
      interfaces = List.copyOf(interfaces);
      Objects.requireNonNull(authentication, "authentication");
      Objects.requireNonNull(authorization, "authorization");
      Objects.requireNonNull(readOnly, "readOnly");
      Objects.requireNonNull(isolation, "isolation");
      Objects.requireNonNull(availability, "availability");
      queries = List.copyOf(queries);
      unsupportedQueries = List.copyOf(unsupportedQueries);
      Objects.requireNonNull(logging, "logging");
      Objects.requireNonNull(documentation, "documentation");
    }
  }

  /** {@code dqi.interfaces[]}: one endpoint (https, coaps, snmpv3, ble-gatt, serial...). */
  public record Interface(
      Optional<String> id,
      Optional<String> protocol,
      Optional<Integer> port,
      Optional<String> network,
      Optional<Transport> transport,
      Optional<Discovery> discovery,
      Optional<String> threatModelRef) {
    public Interface {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(protocol, "protocol");
      Objects.requireNonNull(port, "port");
      Objects.requireNonNull(network, "network");
      Objects.requireNonNull(transport, "transport");
      Objects.requireNonNull(discovery, "discovery");
      Objects.requireNonNull(threatModelRef, "threatModelRef");
    }
  }

  /** {@code transport}: encryption is one of tls, dtls, ssh, ipsec, ble-secure-connections, none, other. */
  public record Transport(
      Optional<String> encryption,
      Optional<String> tlsMinVersion,
      List<String> cipherSuites,
      Optional<Boolean> mutualAuthentication,
      Optional<String> certificateSource,
      Optional<String> description) {
    public Transport {
      Objects.requireNonNull(encryption, "encryption");
      Objects.requireNonNull(tlsMinVersion, "tlsMinVersion");
      cipherSuites = List.copyOf(cipherSuites);
      Objects.requireNonNull(mutualAuthentication, "mutualAuthentication");
      Objects.requireNonNull(certificateSource, "certificateSource");
      Objects.requireNonNull(description, "description");
    }
  }

  /** {@code discovery}: rfc9472-mud, dns-sd, fixed-port, documented-endpoint or other. */
  public record Discovery(Optional<String> method, Optional<String> uri) {
    public Discovery {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(uri, "uri");
    }
  }

  /** {@code dqi.authentication}. */
  public record Authentication(
      List<String> methods,
      Optional<List<String>> unauthenticatedOperations,
      Optional<String> credentialProvisioning,
      Optional<Boolean> defaultCredentials,
      Optional<Boolean> rotationSupported,
      List<String> externalIdentityProvider) {
    public Authentication {
      methods = List.copyOf(methods);
      unauthenticatedOperations = unauthenticatedOperations.map(List::copyOf);
      Objects.requireNonNull(credentialProvisioning, "credentialProvisioning");
      Objects.requireNonNull(defaultCredentials, "defaultCredentials");
      Objects.requireNonNull(rotationSupported, "rotationSupported");
      externalIdentityProvider = List.copyOf(externalIdentityProvider);
    }
  }

  /** {@code dqi.authorization}. */
  public record Authorization(List<Role> roles) {
    public Authorization {
      roles = List.copyOf(roles);
    }
  }

  /** {@code dqi.authorization.roles[]}; permissions are {@code query:<query id or category>}. */
  public record Role(
      Optional<String> name,
      List<String> permissions,
      Optional<Boolean> separateFromClinicalRoles,
      Optional<Boolean> canInvokeClinicalFunctions) {
    public Role {
      Objects.requireNonNull(name, "name");
      permissions = List.copyOf(permissions);
      Objects.requireNonNull(separateFromClinicalRoles, "separateFromClinicalRoles");
      Objects.requireNonNull(canInvokeClinicalFunctions, "canInvokeClinicalFunctions");
    }
  }

  /** {@code dqi.readOnly}. */
  public record ReadOnly(Optional<Boolean> guaranteed, Optional<String> mechanism, List<String> mutatingOperations) {
    public ReadOnly {
      Objects.requireNonNull(guaranteed, "guaranteed");
      Objects.requireNonNull(mechanism, "mechanism");
      mutatingOperations = List.copyOf(mutatingOperations);
    }
  }

  /** {@code dqi.isolation}: how the DQI is kept from affecting clinical function. */
  public record Isolation(
      Optional<String> mechanism,
      Optional<String> schedulingPriority,
      Optional<ResourceLimits> resourceLimits,
      Optional<RateLimit> rateLimit,
      Optional<String> failureMode,
      Optional<String> restartBehaviour,
      List<Evidence> evidence) {
    public Isolation {
      Objects.requireNonNull(mechanism, "mechanism");
      Objects.requireNonNull(schedulingPriority, "schedulingPriority");
      Objects.requireNonNull(resourceLimits, "resourceLimits");
      Objects.requireNonNull(rateLimit, "rateLimit");
      Objects.requireNonNull(failureMode, "failureMode");
      Objects.requireNonNull(restartBehaviour, "restartBehaviour");
      evidence = List.copyOf(evidence);
    }
  }

  /** {@code isolation.resourceLimits}: ceilings for the DQI's own resource use. */
  public record ResourceLimits(Optional<Double> cpuPercentMax, Optional<Double> memoryMiBMax, Optional<Double> bandwidthKbpsMax) {
    public ResourceLimits {
      Objects.requireNonNull(cpuPercentMax, "cpuPercentMax");
      Objects.requireNonNull(memoryMiBMax, "memoryMiBMax");
      Objects.requireNonNull(bandwidthKbpsMax, "bandwidthKbpsMax");
    }
  }

  /** {@code isolation.rateLimit}; onExceed is reject, throttle, queue or degrade. */
  public record RateLimit(Optional<Integer> requestsPerMinute, Optional<Integer> burst, Optional<String> onExceed) {
    public RateLimit {
      Objects.requireNonNull(requestsPerMinute, "requestsPerMinute");
      Objects.requireNonNull(burst, "burst");
      Objects.requireNonNull(onExceed, "onExceed");
    }
  }

  /** {@code isolation.evidence[]}: a test report or analysis showing clinical function is unaffected. */
  public record Evidence(Optional<String> type, Optional<String> ref, Optional<String> scenario, Optional<String> result) {
    public Evidence {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(ref, "ref");
      Objects.requireNonNull(scenario, "scenario");
      Objects.requireNonNull(result, "result");
    }
  }

  /** {@code dqi.availability}. */
  public record Availability(
      Optional<Boolean> duringClinicalUse,
      Optional<Boolean> requiresServiceMode,
      List<String> windows,
      Optional<Integer> maxResponseMillis) {
    public Availability {
      Objects.requireNonNull(duringClinicalUse, "duringClinicalUse");
      Objects.requireNonNull(requiresServiceMode, "requiresServiceMode");
      windows = List.copyOf(windows);
      Objects.requireNonNull(maxResponseMillis, "maxResponseMillis");
    }

    /** Availability without a declared response-time bound. */
    public Availability(Optional<Boolean> duringClinicalUse, Optional<Boolean> requiresServiceMode, List<String> windows) {
      this(duringClinicalUse, requiresServiceMode, windows, Optional.empty());
    }
  }

  /** {@code dqi.queries[]}: one query the DQI answers. */
  public record Query(
      Optional<String> id,
      Optional<String> category,
      Optional<String> operation,
      List<String> formats,
      Optional<String> freshness,
      Optional<Boolean> containsPhi,
      Optional<String> phiJustification,
      Optional<Boolean> signed,
      Optional<Boolean> auditLogged) {
    public Query {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(operation, "operation");
      formats = List.copyOf(formats);
      Objects.requireNonNull(freshness, "freshness");
      Objects.requireNonNull(containsPhi, "containsPhi");
      Objects.requireNonNull(phiJustification, "phiJustification");
      Objects.requireNonNull(signed, "signed");
      Objects.requireNonNull(auditLogged, "auditLogged");
    }
  }

  /** {@code dqi.unsupportedQueries[]}: a category deliberately not offered, and why. */
  public record UnsupportedQuery(Optional<String> category, Optional<String> rationale) {
    public UnsupportedQuery {
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(rationale, "rationale");
    }
  }

  /** {@code dqi.logging}. */
  public record Logging(Optional<Boolean> queryAudit, List<String> exportFormats) {
    public Logging {
      Objects.requireNonNull(queryAudit, "queryAudit");
      exportFormats = List.copyOf(exportFormats);
    }
  }

  /** {@code dqi.documentation}: where the DQI is documented in the rest of the submission. */
  public record Documentation(
      Optional<String> labelingPortsListRef, Optional<String> threatModelRef, List<String> testReportsRefs) {
    public Documentation {
      Objects.requireNonNull(labelingPortsListRef, "labelingPortsListRef");
      Objects.requireNonNull(threatModelRef, "threatModelRef");
      testReportsRefs = List.copyOf(testReportsRefs);
    }
  }
}
