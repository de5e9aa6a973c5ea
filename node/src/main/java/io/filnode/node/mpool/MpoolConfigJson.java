package io.filnode.node.mpool;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.filnode.chain.address.Address;
import io.filnode.mpool.MpoolConfig;
import java.time.Duration;
import java.util.List;

/**
 * Lotus's {@code types.MpoolConfig} JSON, as {@code MpoolGetConfig} answers and {@code
 * MpoolSetConfig} takes it, and as the config is persisted: the cooldown in nanoseconds (a Go
 * {@code time.Duration}), no priority addresses as {@code null} (a nil Go slice).
 */
public record MpoolConfigJson(
    @JsonProperty("PriorityAddrs") List<Address> priorityAddrs,
    @JsonProperty("SizeLimitHigh") int sizeLimitHigh,
    @JsonProperty("SizeLimitLow") int sizeLimitLow,
    @JsonProperty("ReplaceByFeeRatio") double replaceByFeeRatio,
    @JsonProperty("PruneCooldown") long pruneCooldown,
    @JsonProperty("GasLimitOverestimation") double gasLimitOverestimation) {

  public static MpoolConfigJson of(MpoolConfig c) {
    return new MpoolConfigJson(
        c.priorityAddrs().isEmpty() ? null : c.priorityAddrs(),
        c.sizeLimitHigh(),
        c.sizeLimitLow(),
        c.replaceByFeeRatio(),
        c.pruneCooldown().toNanos(),
        c.gasLimitOverestimation());
  }

  /** The pool's config; not yet validated. */
  public MpoolConfig toConfig() {
    return new MpoolConfig(
        priorityAddrs == null ? List.of() : priorityAddrs,
        sizeLimitHigh,
        sizeLimitLow,
        replaceByFeeRatio,
        Duration.ofNanos(pruneCooldown),
        gasLimitOverestimation);
  }
}
