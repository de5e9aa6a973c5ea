package io.filnode.vm.stmgr;

import io.filnode.actors.runtime.DomainSeparationTag;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.TipSet;
import io.filnode.vm.Randomness;
import io.filnode.vm.VmFatalException;

/**
 * Randomness drawn from the chain ending at a tipset, as Lotus's {@code chainRand} with the
 * "looking back" draws the VM uses up to network version 9 ({@code GetChainRandomness} and {@code
 * GetBeaconRandomness} with {@code lookback = true}): find the tipset at the round (the one before,
 * when the round is a null round; the genesis for negative rounds), then draw from its smallest
 * ticket, or from the newest beacon entry at or before it.
 */
public final class ChainRandomness implements Randomness {
  private final ChainStore chain;
  private final TipSet ts;

  public ChainRandomness(ChainStore chain, TipSet ts) {
    this.chain = chain;
    this.ts = ts;
  }

  /** The tipset whose chain this draws from. */
  public TipSet tipSet() {
    return ts;
  }

  /** Ticket randomness, with the failure as a checked exception (for callers outside the VM). */
  public byte[] drawChain(DomainSeparationTag tag, long round, byte[] entropy)
      throws StateManagerException {
    BlockHeader min = tipSetAt(round).minTicketBlock();
    if (min.ticket() == null) {
      throw new StateManagerException("block at height " + min.height() + " has no ticket");
    }
    return DrawRandomness.draw(min.ticket().vrfProof(), tag, round, entropy);
  }

  /** Beacon randomness, with the failure as a checked exception. */
  public byte[] drawBeacon(DomainSeparationTag tag, long round, byte[] entropy)
      throws StateManagerException {
    return DrawRandomness.draw(
        BeaconEntries.latest(chain, tipSetAt(round)).data(), tag, round, entropy);
  }

  private TipSet tipSetAt(long round) throws StateManagerException {
    if (round > ts.height()) {
      throw new StateManagerException("cannot draw randomness from the future");
    }
    try {
      return chain.tipSetByHeight(Math.max(round, 0), ts, true);
    } catch (ChainStoreException e) {
      throw new StateManagerException(
          "finding the tipset at round " + round + ": " + e.getMessage(), e);
    }
  }

  /** As Lotus's runtime, a failed draw is fatal to the message. */
  @Override
  public byte[] chainRandomness(DomainSeparationTag tag, long epoch, byte[] entropy) {
    try {
      return drawChain(tag, epoch, entropy);
    } catch (StateManagerException e) {
      throw new VmFatalException("could not get randomness: " + e.getMessage(), e);
    }
  }

  @Override
  public byte[] beaconRandomness(DomainSeparationTag tag, long epoch, byte[] entropy) {
    try {
      return drawBeacon(tag, epoch, entropy);
    } catch (StateManagerException e) {
      throw new VmFatalException("could not get randomness: " + e.getMessage(), e);
    }
  }
}
