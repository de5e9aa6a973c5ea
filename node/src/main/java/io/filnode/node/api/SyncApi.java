package io.filnode.node.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Params;
import io.filnode.rpc.Permission;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * {@code SyncState}. The node runs no chain-sync workers yet (it does not follow a network), so the
 * answer is Lotus's for a syncer without workers: no active syncs. {@code VMApplied} counts the
 * messages the node's VM has applied since it started, as Lotus's {@code vm.StatApplied}; a node
 * without a VM answers 0.
 */
public final class SyncApi {
  /**
   * Lotus's {@code api.SyncState} JSON. {@code ActiveSyncs} is null when there is no worker, as Go
   * encodes the nil slice Lotus builds then.
   */
  public record SyncState(
      @JsonProperty("ActiveSyncs") @JsonInclude(JsonInclude.Include.ALWAYS)
          List<Object> activeSyncs,
      @JsonProperty("VMApplied") long vmApplied) {}

  private final LongSupplier vmApplied;

  /** A node without a VM: {@code VMApplied} stays 0. */
  public SyncApi() {
    this(() -> 0);
  }

  /**
   * @param vmApplied the number of messages the node's VM has applied since start
   */
  public SyncApi(LongSupplier vmApplied) {
    this.vmApplied = vmApplied;
  }

  /** Registers the methods on {@code r}. */
  public void register(MethodRegistry r) {
    r.register("Filecoin.SyncState", Permission.READ, Params.none(), (ctx, a) -> state());
  }

  /** The sync state now. */
  public SyncState state() {
    return new SyncState(null, vmApplied.getAsLong());
  }
}
