package io.filnode.node.miner;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.ElectionProof;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.vm.NetworkSchedule;
import io.filnode.vm.stmgr.MockBeacon;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockSelfCheckTest {
  private static final Address MINER = Address.newId(1000);
  private final ChainStore chain =
      new ChainStore(new MemoryBlockstore(), new MemoryChainMetadata());
  private final NetworkSchedule schedule = NetworkSchedule.fixed(9);
  private final TestKeys keys = new TestKeys();
  private final Address worker = keys.add(SignatureType.BLS, 1);
  private final Cid root = Cid.ofDagCbor(new byte[] {(byte) 0x80});

  private final TipSet base =
      TipSet.of(
          header(
              Address.newId(1001),
              new Ticket(new byte[] {1, 2, 3}),
              null,
              List.of(new BeaconEntry(0, new byte[32])),
              List.of(),
              0));

  private BlockHeader header(
      Address miner,
      Ticket ticket,
      ElectionProof proof,
      List<BeaconEntry> entries,
      List<Cid> parents,
      long height) {
    return new BlockHeader(
        miner,
        ticket,
        proof,
        entries,
        List.of(),
        parents,
        BigInteger.ZERO,
        height,
        root,
        root,
        root,
        null,
        height * 30,
        null,
        0,
        TokenAmount.ZERO);
  }

  /** A block at height 1 signed as the producer does, with {@code signer} for every signature. */
  private BlockHeader signedBlock(Address signer, boolean corruptTicket) throws Exception {
    BeaconEntry e = MockBeacon.entryFor(1);
    byte[] ticket = keys.sign(signer, VrfInputs.ticket(e.data(), MINER, 1, base, schedule)).data();
    if (corruptTicket) {
      ticket = keys.sign(signer, VrfInputs.ticket(e.data(), MINER, 2, base, schedule)).data();
    }
    byte[] vrf = keys.sign(signer, VrfInputs.electionProof(e.data(), MINER, 1)).data();
    BlockHeader b =
        header(MINER, new Ticket(ticket), new ElectionProof(1, vrf), List.of(e), base.cids(), 1);
    return b.withBlockSig(keys.sign(signer, b.signingBytes()));
  }

  @Test
  void aProperlySignedBlockPasses() throws Exception {
    BlockHeader b = signedBlock(worker, false);
    assertThatCode(() -> BlockSelfCheck.verify(chain, schedule, base, b, worker))
        .doesNotThrowAnyException();
  }

  @Test
  void aBlockSignedByAnotherKeyFails() throws Exception {
    Address other = keys.add(SignatureType.BLS, 2);
    BlockHeader b = signedBlock(other, false);
    assertThatThrownBy(() -> BlockSelfCheck.verify(chain, schedule, base, b, worker))
        .isInstanceOf(MiningException.class)
        .hasMessageContaining("signature");
  }

  @Test
  void aTicketOverTheWrongInputFails() throws Exception {
    BlockHeader b = signedBlock(worker, true);
    assertThatThrownBy(() -> BlockSelfCheck.verify(chain, schedule, base, b, worker))
        .isInstanceOf(MiningException.class)
        .hasMessageContaining("ticket");
  }

  @Test
  void aChangedHeaderNoLongerMatchesItsSignature() throws Exception {
    BlockHeader b = signedBlock(worker, false);
    BlockHeader changed =
        new BlockHeader(
            b.miner(),
            b.ticket(),
            b.electionProof(),
            b.beaconEntries(),
            b.winPoStProof(),
            b.parents(),
            b.parentWeight(),
            b.height(),
            b.parentStateRoot(),
            b.parentMessageReceipts(),
            b.messages(),
            b.blsAggregate(),
            b.timestamp() + 1,
            b.blockSig(),
            b.forkSignaling(),
            b.parentBaseFee());
    assertThatThrownBy(() -> BlockSelfCheck.verify(chain, schedule, base, changed, worker))
        .isInstanceOf(MiningException.class)
        .hasMessageContaining("signature");
  }
}
