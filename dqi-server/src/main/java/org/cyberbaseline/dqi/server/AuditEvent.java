package org.cyberbaseline.dqi.server;

import java.time.Instant;
import java.util.Objects;

/**
 * One DQI request as the audit log sees it: every request is reported, answered or refused.
 *
 * @param at when the answer was decided (the server's injected clock)
 * @param client the remote address (IP literal), never resolved to a name
 * @param principal who was authenticated: the client certificate's subject, {@code "token"} for the
 *     per-device bearer token, or {@code "-"} when nobody was
 * @param method the HTTP method as sent
 * @param path the request path (the query string is not logged: it is never needed and may carry noise)
 * @param status the HTTP status answered
 * @param outcome one word: {@code answered}, {@code unauthenticated}, {@code method-refused},
 *     {@code rate-limited}, {@code overloaded}, {@code not-found}
 */
public record AuditEvent(Instant at, String client, String principal, String method, String path, int status, String outcome) {
  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(outcome, "outcome");
  }

  /** One line, space separated, for a plain-text audit file or syslog message body. */
  public String line() {
    return at + " " + client + " " + principal + " " + method + " " + path + " " + status + " " + outcome;
  }
}
