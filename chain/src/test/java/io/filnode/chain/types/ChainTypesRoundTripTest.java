package io.filnode.chain.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.testing.RandomChainValues;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ChainTypesRoundTripTest {
  @Property(tries = 300)
  void messagesRoundTrip(@ForAll long seed) throws CborException {
    UnsignedMessage m = new RandomChainValues(seed).message();
    byte[] b = m.toCbor();
    assertThat(UnsignedMessage.fromCbor(b)).isEqualTo(m);
    assertThat(UnsignedMessage.fromCbor(b).toCbor()).isEqualTo(b);
  }

  @Property(tries = 300)
  void signedMessagesRoundTripAndTakeTheRightCid(@ForAll long seed) throws CborException {
    SignedMessage s = new RandomChainValues(seed).signedMessage();
    byte[] b = s.toCbor();
    SignedMessage back = SignedMessage.fromCbor(b);
    assertThat(back).isEqualTo(s);
    assertThat(back.toCbor()).isEqualTo(b);
    if (s.signature().type() == SignatureType.BLS) {
      assertThat(s.cid()).isEqualTo(s.message().cid());
    } else {
      assertThat(s.cid()).isNotEqualTo(s.message().cid());
    }
  }

  @Property(tries = 300)
  void blockHeadersRoundTrip(@ForAll long seed) throws CborException {
    BlockHeader h = new RandomChainValues(seed).blockHeader();
    byte[] b = h.toCbor();
    assertThat(BlockHeader.fromCbor(b)).isEqualTo(h);
    assertThat(BlockHeader.fromCbor(b).cid()).isEqualTo(h.cid());
  }

  @Property(tries = 200)
  void blockMsgsReceiptsAndMetaRoundTrip(@ForAll long seed) throws CborException {
    RandomChainValues r = new RandomChainValues(seed);
    BlockMsg bm = r.blockMsg();
    assertThat(BlockMsg.fromCbor(bm.toCbor())).isEqualTo(bm);
    MessageReceipt rc = r.receipt();
    assertThat(MessageReceipt.fromCbor(rc.toCbor())).isEqualTo(rc);
    MsgMeta mm = r.msgMeta();
    assertThat(MsgMeta.fromCbor(mm.toCbor())).isEqualTo(mm);
  }

  @Test
  void tipSetsOrderByTicketAndCheckTheirMembers() {
    RandomChainValues r = new RandomChainValues(7);
    BlockHeader a = r.blockHeader();
    BlockHeader b = sibling(a, r.blockHeader());
    BlockHeader c = sibling(a, r.blockHeader());
    TipSet t1 = TipSet.of(a, b, c);
    TipSet t2 = TipSet.of(c, a, b);
    assertThat(t1.cids()).isEqualTo(t2.cids());
    List<BlockHeader> blocks = t1.blocks();
    for (int i = 1; i < blocks.size(); i++) {
      assertThat(ticketOf(blocks.get(i - 1)).compareTo(ticketOf(blocks.get(i)))).isNegative();
    }
    assertThat(TipSetKey.fromBytes(t1.key().bytes())).isEqualTo(t1.key());
    BlockHeader otherHeight =
        new BlockHeader(
            b.miner(),
            b.ticket(),
            b.electionProof(),
            b.beaconEntries(),
            b.winPoStProof(),
            b.parents(),
            b.parentWeight(),
            a.height() + 1,
            b.parentStateRoot(),
            b.parentMessageReceipts(),
            b.messages(),
            b.blsAggregate(),
            b.timestamp(),
            b.blockSig(),
            b.forkSignaling(),
            b.parentBaseFee());
    assertThatThrownBy(() -> TipSet.of(a, otherHeight)).hasMessageContaining("height");
    assertThatThrownBy(() -> TipSet.of(a, a)).hasMessageContaining("twice");
  }

  private static Ticket ticketOf(BlockHeader h) {
    return h.ticket() == null ? new Ticket(new byte[0]) : h.ticket();
  }

  /** {@code other} moved onto {@code base}'s height, parents, weight and state root. */
  private static BlockHeader sibling(BlockHeader base, BlockHeader other) {
    return new BlockHeader(
        other.miner(),
        new Ticket(other.cid().bytes()),
        other.electionProof(),
        other.beaconEntries(),
        other.winPoStProof(),
        base.parents(),
        base.parentWeight(),
        base.height(),
        base.parentStateRoot(),
        other.parentMessageReceipts(),
        other.messages(),
        other.blsAggregate(),
        other.timestamp(),
        other.blockSig(),
        other.forkSignaling(),
        other.parentBaseFee());
  }

  @Test
  void tokenAmountsParseAndPrintAsLotus() {
    assertThat(TokenAmount.parse("1.5").toString()).isEqualTo("1.5 FIL");
    assertThat(TokenAmount.parse("2 FIL").atto()).isEqualTo(TokenAmount.ATTO_PER_FIL.shiftLeft(1));
    assertThat(TokenAmount.parse("100 attoFIL").toString()).isEqualTo("0.0000000000000001 FIL");
    assertThat(TokenAmount.parse("1afil").toAttoString()).isEqualTo("1");
    assertThat(TokenAmount.ZERO.toString()).isEqualTo("0 FIL");
    assertThat(TokenAmount.ofFil(2_000_000_000).toString()).isEqualTo("2000000000 FIL");
    assertThatThrownBy(() -> TokenAmount.parse("0.0000000000000000001"))
        .hasMessageContaining("precision");
    assertThatThrownBy(() -> TokenAmount.parse("abc")).hasMessageContaining("not an amount");
    assertThatThrownBy(() -> TokenAmount.parse("1e3")).isInstanceOf(IllegalArgumentException.class);
  }
}
