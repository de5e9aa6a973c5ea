package io.filnode.net.pubsub;

import io.filnode.net.identity.PeerId;
import io.filnode.net.identity.PrivKey;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The pubsub API for upper layers: {@link #subscribe}, {@link #publish}, {@link
 * #registerValidator}. A {@link GossipRouter} runs on one thread of its own with a heartbeat; it is
 * connected to peers through a {@link HostPubSub} binding (libp2p streams) or an {@link
 * InMemoryNetwork} (tests). Handlers and validators run on that thread and must not block.
 */
public final class PubSub implements AutoCloseable {
  private final GossipRouter router;
  private final ScheduledExecutorService exec;

  /** A running subscription; {@link #close} leaves (when it was the topic's last handler). */
  public interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  public PubSub(
      PrivKey key,
      GossipConfig config,
      ScoreParams scoreParams,
      ScoreThresholds thresholds,
      Function<Message, byte[]> msgId) {
    this.exec =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "pubsub-" + key.publicKey().peerId());
              t.setDaemon(true);
              return t;
            });
    long start = System.nanoTime();
    this.router =
        new GossipRouter(
            key,
            config,
            scoreParams,
            thresholds,
            msgId,
            () -> (System.nanoTime() - start) / 1_000_000,
            new SecureRandom());
    long hb = config.heartbeat().toMillis();
    exec.scheduleAtFixedRate(router::heartbeat, Math.max(1, hb / 10), hb, TimeUnit.MILLISECONDS);
  }

  /** Spec defaults, Lotus thresholds, default scoring, the given message ID function. */
  public static PubSub withDefaults(PrivKey key, Function<Message, byte[]> msgId) {
    return new PubSub(
        key, GossipConfig.defaults(), ScoreParams.defaults(), ScoreThresholds.lotus(), msgId);
  }

  public PeerId peerId() {
    return router.self();
  }

  public GossipConfig config() {
    return router.config();
  }

  /** The router's thread: all router calls go through it. */
  ExecutorService executor() {
    return exec;
  }

  GossipRouter router() {
    return router;
  }

  /** Joins {@code topic} and delivers its validated messages to {@code handler}. */
  public Subscription subscribe(String topic, MessageHandler handler) {
    exec.execute(() -> router.subscribe(topic, handler));
    return () -> exec.execute(() -> router.unsubscribe(topic, handler));
  }

  /** Signs and publishes {@code data}; completes with the outcome of local validation. */
  public CompletableFuture<PublishResult> publish(String topic, byte[] data) {
    byte[] copy = data.clone();
    return CompletableFuture.supplyAsync(() -> router.publish(topic, copy), exec);
  }

  /** Installs the validator of {@code topic} (replacing any previous one). */
  public void registerValidator(String topic, Validator validator) {
    exec.execute(() -> router.registerValidator(topic, validator));
  }

  public void unregisterValidator(String topic) {
    exec.execute(() -> router.unregisterValidator(topic));
  }

  /** Runs {@code f} on the router's thread (for status queries: mesh, scores, peers). */
  public <T> CompletableFuture<T> query(Function<GossipRouter, T> f) {
    return CompletableFuture.supplyAsync(() -> f.apply(router), exec);
  }

  /** Adds a listener of mesh changes and rejections (called on the router's thread). */
  public void addListener(GossipRouter.RouterListener l) {
    router.addListener(l);
  }

  @Override
  public void close() {
    exec.shutdownNow();
  }
}
