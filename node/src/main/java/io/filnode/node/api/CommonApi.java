package io.filnode.node.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.OutChannel;
import io.filnode.rpc.Params;
import io.filnode.rpc.Permission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code Version}, {@code Closing}, {@code Shutdown} and the {@link LogApi log methods} (the auth
 * methods and {@code Session} come from {@link io.filnode.rpc.auth.AuthApi}).
 */
public final class CommonApi {
  /**
   * Lotus's {@code FullAPIVersion1} (2.1.0 packed as major&lt;&lt;16 | minor&lt;&lt;8 | patch): the
   * v1 API version this node serves, which clients such as lotus-miner check.
   */
  public static final int FULL_API_VERSION_1 = (2 << 16) | (1 << 8);

  /** Lotus's {@code api.APIVersion} JSON. */
  public record VersionJson(
      @JsonProperty("Version") String version,
      @JsonProperty("APIVersion") int apiVersion,
      @JsonProperty("BlockDelay") long blockDelay) {}

  private final String version;
  private final long blockDelaySecs;
  private final Runnable shutdown;
  private final List<OutChannel> closing = new CopyOnWriteArrayList<>();
  private final LogApi logs = new LogApi();

  /**
   * @param shutdown starts the node's shutdown; it must return without waiting for it
   */
  public CommonApi(String version, long blockDelaySecs, Runnable shutdown) {
    this.version = version;
    this.blockDelaySecs = blockDelaySecs;
    this.shutdown = shutdown;
  }

  /** Registers the methods on {@code r}. */
  public void register(MethodRegistry r) {
    r.register(
        "Filecoin.Version",
        Permission.READ,
        Params.none(),
        (ctx, a) -> new VersionJson(version, FULL_API_VERSION_1, blockDelaySecs));
    r.register(
        "Filecoin.Shutdown",
        Permission.ADMIN,
        Params.none(),
        (ctx, a) -> {
          shutdown.run();
          return null;
        });
    r.registerChannel(
        "Filecoin.Closing",
        Permission.READ,
        Params.none(),
        (ctx, a, out) -> {
          closing.add(out);
          out.onCancel(() -> closing.remove(out));
        });
    logs.register(r);
  }

  /** Closes every {@code Closing} channel: the node is going down. */
  public void closing() {
    for (OutChannel out : closing) {
      out.close();
    }
    closing.clear();
  }
}
