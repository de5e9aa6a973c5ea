package io.filnode.actors.v2.market;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.util.adt.AdtArray;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cid.Cid;

/** The AMT of deal states by deal ID ({@code market.DealMetaArray}). */
public final class DealMetaArray {
  private final AdtArray array;

  private DealMetaArray(AdtArray array) {
    this.array = array;
  }

  /** AsDealStateArray. */
  public static DealMetaArray load(IpldStore store, Cid root) {
    return new DealMetaArray(AdtArray.load(store, root, AmtOptions.v2()));
  }

  /** The state of {@code dealId}, or null when there is none. */
  public DealState get(long dealId) {
    return array.get(DealArray.checkIndex(dealId), DealState::decode);
  }

  public void set(long dealId, DealState state) {
    array.set(DealArray.checkIndex(dealId), state);
  }

  /** Deletes the state of {@code dealId}, which must exist (Go's AMT fails otherwise). */
  public void delete(long dealId) {
    if (!array.delete(DealArray.checkIndex(dealId))) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_STATE, "failed to delete deal state: %d not found", dealId);
    }
  }

  public Cid root() {
    return array.flush();
  }
}
