package org.cyberbaseline.dqi.server;

import java.util.Objects;

/**
 * How a DQI client proves it holds the DQI role. There is no "none": an unauthenticated DQI is not
 * something this server can be configured to be.
 */
public sealed interface ClientAuth {
  /**
   * Mutual TLS: the TLS handshake requires a client certificate that the {@link javax.net.ssl.SSLContext}'s
   * trust manager accepts. Give the server a trust store holding only the facility's DQI client CA, so that
   * holding such a certificate is the DQI role and nothing else.
   */
  static ClientAuth mutualTls() {
    return new MutualTls();
  }

  /**
   * A bearer token unique to this device ({@code Authorization: Bearer <token>}), at least 32 characters;
   * rotate it with {@link DqiServer#rotateToken(String)}.
   */
  static ClientAuth bearerToken(String token) {
    return new BearerToken(token);
  }

  /** Mutual TLS. */
  record MutualTls() implements ClientAuth {}

  /** Per-device bearer token. */
  record BearerToken(String token) implements ClientAuth {
    /** Shorter tokens are guessable within a rate limit's lifetime; 32 characters is 192 bits of base64. */
    public static final int MIN_LENGTH = 32;

    public BearerToken {
      Objects.requireNonNull(token, "token");
      if (token.length() < MIN_LENGTH || token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
        throw new IllegalArgumentException(
            "a DQI bearer token must be at least " + MIN_LENGTH + " printable ASCII characters without spaces");
      }
    }

    @Override
    public String toString() {
      return "BearerToken[****]";
    }
  }
}
