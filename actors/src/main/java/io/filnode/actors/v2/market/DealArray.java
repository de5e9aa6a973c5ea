package io.filnode.actors.v2.market;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.util.adt.AdtArray;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cid.Cid;

/** The AMT of deal proposals by deal ID ({@code market.DealArray}). */
public final class DealArray {
  private final AdtArray array;

  private DealArray(AdtArray array) {
    this.array = array;
  }

  /** AsDealProposalArray. */
  public static DealArray load(IpldStore store, Cid root) {
    return new DealArray(AdtArray.load(store, root, AmtOptions.v2()));
  }

  /** The proposal of {@code dealId}, or null when there is none. */
  public DealProposal get(long dealId) {
    return array.get(checkIndex(dealId), DealProposal::decode);
  }

  public void set(long dealId, DealProposal proposal) {
    array.set(checkIndex(dealId), proposal);
  }

  /** Deletes the proposal of {@code dealId}, which must exist (Go's AMT fails otherwise). */
  public void delete(long dealId) {
    if (!array.delete(checkIndex(dealId))) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_STATE, "failed to delete deal proposal: %d not found", dealId);
    }
  }

  public Cid root() {
    return array.flush();
  }

  /** go-amt-ipld v2 refuses indexes of 2^63 and above with an error, not "not found". */
  static long checkIndex(long dealId) {
    if (dealId < 0) {
      throw ActorException.abortf(
          ExitCode.ERR_ILLEGAL_STATE,
          "index %s is out of range for the amt",
          Long.toUnsignedString(dealId));
    }
    return dealId;
  }
}
