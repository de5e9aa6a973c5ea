package io.filnode.node.miner;

import io.filnode.actors.runtime.DomainSeparationTag;
import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.stmgr.DrawRandomness;
import java.nio.ByteBuffer;

/**
 * What a miner's worker signs to produce a block's VRFs and what seeds its winning PoSt (Lotus
 * v1.10.0's {@code computeTicket}, {@code IsRoundWinner} and {@code mineOne}), each drawn from the
 * beacon entry that is the block's randomness base with the miner's CBOR address as entropy.
 */
public final class VrfInputs {
  /** Lotus's {@code build.TicketRandomnessLookback}. */
  public static final long TICKET_RANDOMNESS_LOOKBACK = 1;

  private VrfInputs() {}

  /**
   * The ticket's VRF input for a block at {@code height}: drawn for {@code height − 1}; after the
   * smoke upgrade the entropy also carries the base tipset's smallest ticket, so tickets chain.
   */
  public static byte[] ticket(
      byte[] beaconData, Address miner, long height, TipSet base, NetworkSchedule schedule) {
    byte[] entropy = minerCbor(miner);
    if (height > smokeHeight(schedule)) {
      byte[] minTicket = minTicketProof(base);
      entropy =
          ByteBuffer.allocate(entropy.length + minTicket.length)
              .put(entropy)
              .put(minTicket)
              .array();
    }
    return DrawRandomness.draw(
        beaconData,
        DomainSeparationTag.TICKET_PRODUCTION,
        height - TICKET_RANDOMNESS_LOOKBACK,
        entropy);
  }

  /** The election proof's VRF input for a block at {@code height}. */
  public static byte[] electionProof(byte[] beaconData, Address miner, long height) {
    return DrawRandomness.draw(
        beaconData, DomainSeparationTag.ELECTION_PROOF_PRODUCTION, height, minerCbor(miner));
  }

  /** The randomness that challenges the winning PoSt of a block at {@code height}. */
  public static byte[] winningPoStSeed(byte[] beaconData, Address miner, long height) {
    return DrawRandomness.draw(
        beaconData, DomainSeparationTag.WINNING_POST_CHALLENGE_SEED, height, minerCbor(miner));
  }

  /**
   * Lotus's {@code UpgradeSmokeHeight}: the "smoke" upgrade of the schedule, or −1 (before genesis)
   * when the schedule has none, as devnets that start with every upgrade done.
   */
  static long smokeHeight(NetworkSchedule schedule) {
    for (NetworkSchedule.Upgrade u : schedule.upgrades()) {
      if (u.name().equals("smoke")) {
        return u.height();
      }
    }
    return -1;
  }

  private static byte[] minTicketProof(TipSet base) {
    Ticket ticket = base.minTicketBlock().ticket();
    if (ticket == null) {
      // Lotus dereferences the ticket here: a base without one (a malformed genesis) is a bug.
      throw new IllegalStateException("base tipset " + base + " has no ticket to chain from");
    }
    return ticket.vrfProof();
  }

  private static byte[] minerCbor(Address miner) {
    CborWriter w = new CborWriter();
    miner.encode(w);
    return w.toByteArray();
  }
}
