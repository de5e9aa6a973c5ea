package io.filnode.net.mux;

import java.time.Duration;

/**
 * How a yamux session runs.
 *
 * @param keepAliveInterval how often a ping is sent on an open connection ({@link Duration#ZERO}:
 *     never)
 * @param pingTimeout how long a ping may stay unanswered before the connection is closed
 * @param maxStreamWindow how far a stream's receive window may grow from the initial 256 KiB when
 *     its reader keeps up (auto-tuning, as go-yamux does)
 */
public record YamuxConfig(Duration keepAliveInterval, Duration pingTimeout, int maxStreamWindow) {
  public YamuxConfig {
    if (keepAliveInterval.isNegative() || pingTimeout.isZero() || pingTimeout.isNegative()) {
      throw new IllegalArgumentException("bad yamux keep-alive timing");
    }
    if (maxStreamWindow < YamuxHandler.INITIAL_WINDOW) {
      throw new IllegalArgumentException(
          "maxStreamWindow below the initial window " + YamuxHandler.INITIAL_WINDOW);
    }
  }

  /** go-yamux's defaults: a ping every 30 s, 10 s to answer it, windows up to 16 MiB. */
  public static YamuxConfig defaults() {
    return new YamuxConfig(Duration.ofSeconds(30), Duration.ofSeconds(10), 16 << 20);
  }
}
