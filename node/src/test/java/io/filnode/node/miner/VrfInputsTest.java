package io.filnode.node.miner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.Blake2b;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.vm.NetworkSchedule;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class VrfInputsTest {
  private static final byte[] BEACON = Blake2b.sum256(new byte[] {7});
  private static final Address MINER = Address.newId(1000);
  // CBOR of f01000: a 3-byte byte string (0x43) holding protocol 0 and the varint 1000.
  private static final byte[] MINER_CBOR = {0x43, 0x00, (byte) 0xe8, 0x07};
  private static final byte[] MIN_TICKET = {9, 9, 9};

  /** Lotus's DrawRandomness, spelled out independently of the main code. */
  private static byte[] draw(long tag, long round, byte[] entropy) {
    ByteBuffer b = ByteBuffer.allocate(8 + 32 + 8 + entropy.length);
    b.putLong(tag).put(Blake2b.sum256(BEACON)).putLong(round).put(entropy);
    return Blake2b.sum256(b.array());
  }

  private static byte[] concat(byte[] a, byte[] b) {
    return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
  }

  private static TipSet base(Ticket ticket) {
    Cid root = Cid.ofDagCbor(new byte[] {(byte) 0x80});
    return TipSet.of(
        new BlockHeader(
            Address.newId(1001),
            ticket,
            null,
            List.of(),
            List.of(),
            List.of(),
            BigInteger.ZERO,
            10,
            root,
            root,
            root,
            null,
            0,
            null,
            0,
            TokenAmount.ZERO));
  }

  @Test
  void electionProofInputIsDrawnForTheBlockHeightWithTheMinerAsEntropy() {
    assertThat(VrfInputs.electionProof(BEACON, MINER, 11)).isEqualTo(draw(2, 11, MINER_CBOR));
  }

  @Test
  void winningPoStSeedUsesItsOwnTag() {
    assertThat(VrfInputs.winningPoStSeed(BEACON, MINER, 11)).isEqualTo(draw(3, 11, MINER_CBOR));
  }

  @Test
  void ticketChainsTheBaseMinTicketAfterSmoke() {
    TipSet base = base(new Ticket(MIN_TICKET));
    assertThat(VrfInputs.ticket(BEACON, MINER, 11, base, NetworkSchedule.fixed(9)))
        .isEqualTo(draw(1, 10, concat(MINER_CBOR, MIN_TICKET)));
  }

  @Test
  void ticketOmitsTheMinTicketUpToTheSmokeHeight() {
    TipSet base = base(new Ticket(MIN_TICKET));
    NetworkSchedule mainnet = NetworkSchedule.mainnet();
    assertThat(VrfInputs.ticket(BEACON, MINER, 51_000, base, mainnet))
        .isEqualTo(draw(1, 50_999, MINER_CBOR));
    assertThat(VrfInputs.ticket(BEACON, MINER, 51_001, base, mainnet))
        .isEqualTo(draw(1, 51_000, concat(MINER_CBOR, MIN_TICKET)));
  }

  @Test
  void aBaseWithoutATicketIsABug() {
    TipSet base = base(null);
    assertThatThrownBy(() -> VrfInputs.ticket(BEACON, MINER, 11, base, NetworkSchedule.fixed(9)))
        .isInstanceOf(IllegalStateException.class);
  }
}
