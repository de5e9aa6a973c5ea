package io.filnode.actors.v2.miner;

/**
 * A linear vesting schedule: nothing vests for {@code initialDelay}, then the amount vests over
 * {@code vestPeriod} in steps of {@code stepDuration}, on epochs quantized to {@code quantization}.
 */
public record VestSpec(long initialDelay, long vestPeriod, long stepDuration, long quantization) {}
