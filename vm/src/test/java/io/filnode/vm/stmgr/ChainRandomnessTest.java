package io.filnode.vm.stmgr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.runtime.DomainSeparationTag;
import io.filnode.chain.crypto.Blake2b;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.TipSet;
import io.filnode.vm.VmFatalException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChainRandomnessTest {
  private static final DomainSeparationTag TAG = DomainSeparationTag.SEAL_RANDOMNESS;
  private static final byte[] ENTROPY = "entropy".getBytes(StandardCharsets.US_ASCII);

  private final TestChain c = new TestChain();
  private final MockBeacon beacon = new MockBeacon();
  private final BeaconEntry genesisEntry = new BeaconEntry(0, new byte[32]);
  private byte[] minTicketAt2;
  private TipSet head;

  /** Genesis, 1, 2 (two blocks), null round 3, 4 (no beacon entries), 5. */
  @BeforeEach
  void chain() throws Exception {
    TipSet g = c.tipSet(c.block(0, null, 0, ticket("g"), genesisEntry));
    TipSet t1 = c.tipSet(c.block(100, g, 1, ticket("t1"), beacon.entry(1)));
    byte[] a = ticket("t2a");
    byte[] b = ticket("t2b");
    boolean aFirst = Arrays.compareUnsigned(Blake2b.sum256(a), Blake2b.sum256(b)) < 0;
    minTicketAt2 = aFirst ? a : b;
    // only the block with the smallest ticket carries the entry Lotus reads
    BlockHeader b2a = c.block(100, t1, 2, a, aFirst ? new BeaconEntry[] {beacon.entry(2)} : none());
    BlockHeader b2b = c.block(101, t1, 2, b, aFirst ? none() : new BeaconEntry[] {beacon.entry(2)});
    TipSet t2 = c.tipSet(b2a, b2b);
    TipSet t4 = c.tipSet(c.block(100, t2, 4, ticket("t4")));
    head =
        c.tipSet(
            c.block(101, t4, 5, ticket("t5"), beacon.entry(3), beacon.entry(4), beacon.entry(5)));
  }

  private static BeaconEntry[] none() {
    return new BeaconEntry[0];
  }

  private static byte[] ticket(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void ticketRandomnessComesFromTheTipSetAtTheRound() throws Exception {
    ChainRandomness r = new ChainRandomness(c.chain, head);
    assertThat(r.drawChain(TAG, 5, ENTROPY))
        .isEqualTo(DrawRandomness.draw(ticket("t5"), TAG, 5, ENTROPY));
    assertThat(r.drawChain(TAG, 4, ENTROPY))
        .isEqualTo(DrawRandomness.draw(ticket("t4"), TAG, 4, ENTROPY));
    assertThat(r.drawChain(TAG, 2, ENTROPY))
        .isEqualTo(DrawRandomness.draw(minTicketAt2, TAG, 2, ENTROPY));
  }

  @Test
  void aNullRoundLooksBackToTheTipSetBefore() throws Exception {
    ChainRandomness r = new ChainRandomness(c.chain, head);
    // round 3 is null: the tipset at 2, drawn with round 3
    assertThat(r.drawChain(TAG, 3, ENTROPY))
        .isEqualTo(DrawRandomness.draw(minTicketAt2, TAG, 3, ENTROPY));
  }

  @Test
  void negativeRoundsDrawFromTheGenesis() throws Exception {
    ChainRandomness r = new ChainRandomness(c.chain, head);
    assertThat(r.drawChain(TAG, -7, ENTROPY))
        .isEqualTo(DrawRandomness.draw(ticket("g"), TAG, -7, ENTROPY));
    assertThat(r.drawBeacon(TAG, -7, ENTROPY))
        .isEqualTo(DrawRandomness.draw(new byte[32], TAG, -7, ENTROPY));
  }

  @Test
  void beaconRandomnessUsesTheLatestEntryAtOrBeforeTheRound() throws Exception {
    ChainRandomness r = new ChainRandomness(c.chain, head);
    assertThat(r.beaconRandomness(TAG, 5, ENTROPY))
        .isEqualTo(DrawRandomness.draw(beacon.entry(5).data(), TAG, 5, ENTROPY));
    // the tipset at 4 has no entries: its parent's (round 2)
    assertThat(r.beaconRandomness(TAG, 4, ENTROPY))
        .isEqualTo(DrawRandomness.draw(beacon.entry(2).data(), TAG, 4, ENTROPY));
    assertThat(r.beaconRandomness(TAG, 1, ENTROPY))
        .isEqualTo(DrawRandomness.draw(beacon.entry(1).data(), TAG, 1, ENTROPY));
  }

  @Test
  void drawingFromAnEarlierTipSetSeesOnlyItsChain() throws Exception {
    TipSet t4 = c.chain.loadTipSet(head.parents());
    ChainRandomness r = new ChainRandomness(c.chain, t4);
    assertThat(r.chainRandomness(TAG, 4, ENTROPY))
        .isEqualTo(DrawRandomness.draw(ticket("t4"), TAG, 4, ENTROPY));
    assertThatThrownBy(() -> r.drawChain(TAG, 5, ENTROPY))
        .isInstanceOf(StateManagerException.class)
        .hasMessageContaining("future");
    assertThatThrownBy(() -> r.chainRandomness(TAG, 5, ENTROPY))
        .isInstanceOf(VmFatalException.class);
  }

  @Test
  void latestBeaconEntryFailsAtAGenesisWithout() throws Exception {
    TestChain bare = new TestChain();
    TipSet g = bare.tipSet(bare.block(0, null, 0, ticket("g")));
    TipSet t1 = bare.tipSet(bare.block(100, g, 1, ticket("t1")));
    assertThatThrownBy(() -> BeaconEntries.latest(bare.chain, t1))
        .isInstanceOf(StateManagerException.class)
        .hasMessageContaining("genesis");
  }
}
