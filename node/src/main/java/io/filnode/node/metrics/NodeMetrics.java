package io.filnode.node.metrics;

import io.filnode.chain.store.ChainStore;
import io.filnode.rpc.server.CallObserver;
import io.filnode.rpc.server.HttpRoute;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The node's metrics (Micrometer), served in Prometheus's text format at {@code /debug/metrics}:
 * chain height, RPC calls and latency per method, and the JVM's memory, GC, threads and CPU. Other
 * parts add their gauges with {@link #gauge}.
 */
public final class NodeMetrics implements CallObserver, AutoCloseable {
  /** Where the daemon serves the metrics. */
  public static final String PATH = "/debug/metrics";

  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public NodeMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Reports the height of the chain store's head as {@code filnode_chain_height}. */
  public NodeMetrics chain(ChainStore chain) {
    return gauge(
        "filnode.chain.height", "height of the node's head tipset", chain, c -> heightOf(c));
  }

  private static double heightOf(ChainStore chain) {
    var head = chain.head();
    return head == null ? Double.NaN : head.height();
  }

  /** Registers a gauge read from {@code source} at each scrape. */
  public <T> NodeMetrics gauge(String name, String help, T source, ToDoubleFunction<T> value) {
    Gauge.builder(name, source, value).description(help).strongReference(true).register(registry);
    return this;
  }

  @Override
  public void onCall(String method, long nanos, boolean failed) {
    // looked up once per method: building and registering a Timer on every call showed in profiles
    timers
        .computeIfAbsent(
            method,
            m ->
                Timer.builder("filnode.rpc.calls")
                    .description("JSON-RPC method calls and their latency")
                    .tag("method", m)
                    .publishPercentileHistogram(false)
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
    if (failed) {
      Counter.builder("filnode.rpc.errors")
          .description("JSON-RPC calls that answered with an error")
          .tag("method", method)
          .register(registry)
          .increment();
    }
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }

  /** The {@code /debug/metrics} endpoint. */
  public HttpRoute route() {
    return () ->
        new HttpRoute.Response(200, PROMETHEUS_TEXT, scrape().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
