package io.filnode.actors.runtime;

import io.filnode.chain.address.Address;

/** A proven consensus fault: who committed it, at which epoch, and of which kind. */
public record ConsensusFault(Address target, long epoch, Type type) {
  /** runtime.ConsensusFaultType; the numbers are consensus values. */
  public enum Type {
    DOUBLE_FORK_MINING(1),
    PARENT_GRINDING(2),
    TIME_OFFSET_MINING(3);

    private final long value;

    Type(long value) {
      this.value = value;
    }

    public long value() {
      return value;
    }
  }
}
