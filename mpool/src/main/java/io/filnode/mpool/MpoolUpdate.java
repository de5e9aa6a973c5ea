package io.filnode.mpool;

import io.filnode.chain.types.SignedMessage;

/** A change of the pool, as Lotus's {@code MpoolUpdate} (what MpoolSub streams). */
public record MpoolUpdate(Type type, SignedMessage message) {
  /** Lotus's MpoolChange: 0 add, 1 remove. */
  public enum Type {
    ADD,
    REMOVE
  }
}
