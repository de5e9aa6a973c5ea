package io.filnode.chain.store;

import io.filnode.chain.types.TipSet;

/** One step of a head change, as Lotus's {@code api.HeadChange}: current, revert or apply. */
public record HeadChange(Type type, TipSet tipSet) {
  /** Lotus's names: {@code current}, {@code revert}, {@code apply}. */
  public enum Type {
    CURRENT("current"),
    REVERT("revert"),
    APPLY("apply");

    private final String lotusName;

    Type(String lotusName) {
      this.lotusName = lotusName;
    }

    public String lotusName() {
      return lotusName;
    }
  }
}
