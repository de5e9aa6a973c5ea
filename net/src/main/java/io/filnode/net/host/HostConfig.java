package io.filnode.net.host;

import io.filnode.net.identity.PrivKey;
import io.filnode.net.mux.MplexHandler;
import io.filnode.net.mux.YamuxConfig;
import io.filnode.net.mux.YamuxHandler;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link Host} runs.
 *
 * @param key the host identity
 * @param agentVersion what identify reports, e.g. {@code filnode/0.1.0}
 * @param muxers muxer protocol ids in order of preference (yamux, mplex)
 * @param dialTimeout TCP connect timeout
 * @param upgradeTimeout time allowed for security and muxer negotiation after connecting
 * @param ioThreads event-loop threads (0: Netty's default)
 * @param yamux yamux keep-alive and window tuning
 */
public record HostConfig(
    PrivKey key,
    String agentVersion,
    List<String> muxers,
    Duration dialTimeout,
    Duration upgradeTimeout,
    int ioThreads,
    YamuxConfig yamux) {
  public HostConfig {
    Objects.requireNonNull(yamux, "yamux");
    muxers = List.copyOf(muxers);
    for (String m : muxers) {
      if (!m.equals(YamuxHandler.PROTOCOL_ID) && !m.equals(MplexHandler.PROTOCOL_ID)) {
        throw new IllegalArgumentException("unknown muxer " + m);
      }
    }
    if (muxers.isEmpty()) {
      throw new IllegalArgumentException("no muxer");
    }
  }

  /** With yamux's defaults. */
  public HostConfig(
      PrivKey key,
      String agentVersion,
      List<String> muxers,
      Duration dialTimeout,
      Duration upgradeTimeout,
      int ioThreads) {
    this(key, agentVersion, muxers, dialTimeout, upgradeTimeout, ioThreads, YamuxConfig.defaults());
  }

  /** yamux preferred, mplex accepted, 10 s timeouts. */
  public static HostConfig defaults(PrivKey key) {
    return new HostConfig(
        key,
        "filnode/0.1.0",
        List.of(YamuxHandler.PROTOCOL_ID, MplexHandler.PROTOCOL_ID),
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        0);
  }

  public HostConfig withMuxers(List<String> muxers) {
    return new HostConfig(key, agentVersion, muxers, dialTimeout, upgradeTimeout, ioThreads, yamux);
  }

  public HostConfig withYamux(YamuxConfig yamux) {
    return new HostConfig(key, agentVersion, muxers, dialTimeout, upgradeTimeout, ioThreads, yamux);
  }
}
