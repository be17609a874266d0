package org.cyberbaseline.dqi.server.internal;

/**
 * Deliberate misconfigurations, for the conformance probe's own tests only: each one is a fault a probe
 * must catch. Reached only through {@code DqiServer.Builder#faultsForProbeTests}, whose parameter type lives
 * in this internal package so that no device configuration sets it by accident.
 *
 * @param writeEndpointOpen a PUT/POST/DELETE on any query path is answered 204 instead of 405
 * @param authenticationOff queries are answered without credentials
 * @param legacyTls TLSv1 and TLSv1.1 are enabled beside 1.2/1.3 (the JVM must also allow them: see
 *     docs/dqi-server.md, the JDK disables them through {@code jdk.tls.disabledAlgorithms})
 * @param versionLeak the version of the device software is sent in a {@code Server} header to everybody
 * @param answerDelayMillis every answered query is held back this long (a DQI slower than it declares)
 */
public record Faults(
    boolean writeEndpointOpen, boolean authenticationOff, boolean legacyTls, boolean versionLeak, int answerDelayMillis) {
  public static final Faults NONE = new Faults(false, false, false, false, 0);

  public Faults(boolean writeEndpointOpen, boolean authenticationOff, boolean legacyTls, boolean versionLeak) {
    this(writeEndpointOpen, authenticationOff, legacyTls, versionLeak, 0);
  }
}
