package org.cyberbaseline.dqi.server.internal;

import java.util.function.LongSupplier;

/**
 * Token bucket: {@code burst} tokens, refilled at {@code perMinute} per minute. {@link #tryAcquire()} never
 * waits: a request without a token is rejected at once, so excess DQI traffic costs the device nothing but
 * the rejection (a queueing limiter would hold threads and memory for it).
 */
public final class TokenBucket {
  private static final long NANOS_PER_MINUTE = 60_000_000_000L;

  private final long capacity;
  private final long nanosPerToken;
  private final LongSupplier nanoTime;
  private long tokens;
  private long lastRefill;

  public TokenBucket(int perMinute, int burst, LongSupplier nanoTime) {
    if (perMinute < 1 || burst < 1) {
      throw new IllegalArgumentException("rate limit needs at least 1 request per minute and a burst of at least 1");
    }
    this.capacity = burst;
    this.nanosPerToken = Math.max(1, NANOS_PER_MINUTE / perMinute);
    this.nanoTime = nanoTime;
    this.tokens = burst;
    this.lastRefill = nanoTime.getAsLong();
  }

  /** Takes a token if one is there; never blocks beyond this monitor's few instructions. */
  public synchronized boolean tryAcquire() {
    long now = nanoTime.getAsLong();
    long earned = (now - lastRefill) / nanosPerToken;
    if (earned > 0) {
      tokens = Math.min(capacity, tokens + earned);
      lastRefill = tokens == capacity ? now : lastRefill + earned * nanosPerToken;
    }
    if (tokens == 0) {
      return false;
    }
    tokens--;
    return true;
  }

  /** Whole seconds until the next token, at least 1: the Retry-After value. */
  public synchronized long secondsUntilNextToken() {
    long wait = nanosPerToken - (nanoTime.getAsLong() - lastRefill);
    return Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
  }
}
