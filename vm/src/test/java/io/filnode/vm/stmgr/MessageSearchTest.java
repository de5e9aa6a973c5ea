package io.filnode.vm.stmgr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.testing.MessageChain;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageSearchTest {
  private static final Address ALICE = Address.newId(100);
  private static final Address BOB = Address.newId(101);
  private static final long NO_LIMIT = MessageSearch.LOOKBACK_NO_LIMIT;

  private MessageChain mc;
  private MessageSearch search;

  @BeforeEach
  void setUp() throws Exception {
    mc = new MessageChain(List.of(ALICE, BOB));
    search = new MessageSearch(mc.chain());
  }

  private static Cid cid(UnsignedMessage m) {
    return MessageChain.signed(m).cid();
  }

  @Test
  void findsAMessageExecutedByTheHeadItself() throws Exception {
    UnsignedMessage m0 = MessageChain.send(ALICE, 0, 10);
    TipSet t1 = mc.extend(mc.genesis(), m0);
    TipSet t2 = mc.extend(t1);

    MsgLookup found = search.search(t2, cid(m0), NO_LIMIT, false).orElseThrow();

    assertThat(found.tipSet()).isEqualTo(t2);
    assertThat(found.height()).isEqualTo(2);
    assertThat(found.message()).isEqualTo(cid(m0));
    assertThat(found.receipt()).isEqualTo(MessageChain.receiptOf(m0));
  }

  @Test
  void searchesBackByTheSendersNonceAndReturnsTheRightReceipt() throws Exception {
    UnsignedMessage a0 = MessageChain.send(ALICE, 0, 10);
    UnsignedMessage a1 = MessageChain.send(ALICE, 1, 10);
    UnsignedMessage b0 = MessageChain.send(BOB, 0, 10);
    TipSet t1 = mc.extend(mc.genesis(), a0);
    TipSet t2 = mc.extend(t1, 1, List.of(a1), List.of(b0)); // b0 is BLS: executed first
    TipSet head = mc.extend(mc.extend(mc.extend(t2)));

    MsgLookup found = search.search(head, cid(a1), NO_LIMIT, false).orElseThrow();
    assertThat(found.tipSet().height()).isEqualTo(3);
    assertThat(found.receipt()).isEqualTo(MessageChain.receiptOf(a1));

    MsgLookup bls = search.search(head, b0.cid(), NO_LIMIT, false).orElseThrow();
    assertThat(bls.message()).isEqualTo(b0.cid());
    assertThat(bls.height()).isEqualTo(3);

    assertThat(search.search(head, cid(a0), NO_LIMIT, false).orElseThrow().height()).isEqualTo(2);
  }

  @Test
  void theLimitBoundsHowFarBackTheSearchGoes() throws Exception {
    UnsignedMessage m0 = MessageChain.send(ALICE, 0, 10);
    TipSet t2 = mc.extend(mc.extend(mc.genesis(), m0)); // executed at height 2
    TipSet head = mc.extend(mc.extend(mc.extend(t2))); // height 5

    // as Lotus: the search stops at a tipset at or below head - limit without opening it
    assertThat(search.search(head, cid(m0), 3, false)).isEmpty();
    assertThat(search.search(head, cid(m0), 4, false)).isPresent();
    assertThat(search.search(head, cid(m0), 0, false)).isEmpty();
  }

  @Test
  void aMessageNotYetExecutedIsNotFound() throws Exception {
    UnsignedMessage m0 = MessageChain.send(ALICE, 0, 10);
    UnsignedMessage m1 = MessageChain.send(ALICE, 1, 10);
    TipSet t1 = mc.extend(mc.genesis(), m0);
    TipSet t2 = mc.extend(t1, m1); // carries m1, not executed yet

    assertThat(search.search(t2, cid(m1), NO_LIMIT, true)).isEmpty();
    assertThat(search.search(t2, cid(m0), NO_LIMIT, true)).isPresent();
  }

  @Test
  void aReplacementWithTheSameCallCountsOnlyWhenAllowed() throws Exception {
    UnsignedMessage wanted = MessageChain.send(ALICE, 0, 10);
    UnsignedMessage repriced = MessageChain.send(ALICE, 0, 50);
    SignedMessage original = MessageChain.signed(wanted);
    mc.blocks().put(original.cid(), original.toCbor());
    TipSet head = mc.extend(mc.extend(mc.extend(mc.genesis(), repriced)));

    MsgLookup found = search.search(head, original.cid(), NO_LIMIT, true).orElseThrow();
    assertThat(found.message()).isEqualTo(cid(repriced));
    assertThat(found.height()).isEqualTo(2);

    assertThatThrownBy(() -> search.search(head, original.cid(), NO_LIMIT, false))
        .isInstanceOf(StateManagerException.class)
        .hasMessageContaining("found message with equal nonce");
  }

  @Test
  void anotherCallWithTheSameNonceIsAnErrorEvenWhenReplacementsAreAllowed() throws Exception {
    UnsignedMessage wanted = MessageChain.send(ALICE, 0, 10);
    UnsignedMessage other =
        new UnsignedMessage(
            0,
            wanted.to(),
            ALICE,
            0,
            TokenAmount.ofAtto(2),
            wanted.gasLimit(),
            wanted.gasFeeCap(),
            wanted.gasPremium(),
            0,
            new byte[0]);
    SignedMessage original = MessageChain.signed(wanted);
    mc.blocks().put(original.cid(), original.toCbor());
    TipSet head = mc.extend(mc.extend(mc.genesis(), other));

    assertThatThrownBy(() -> search.search(head, original.cid(), NO_LIMIT, true))
        .isInstanceOf(StateManagerException.class);
  }

  @Test
  void nullRoundsAreWalkedOver() throws Exception {
    UnsignedMessage m0 = MessageChain.send(ALICE, 0, 10);
    TipSet t1 = mc.extend(mc.genesis(), m0);
    TipSet t4 = mc.extend(t1, 3, List.of(), List.of());
    TipSet head = mc.extend(t4, 2, List.of(), List.of());

    Optional<MsgLookup> found = search.search(head, cid(m0), NO_LIMIT, false);
    assertThat(found.orElseThrow().tipSet()).isEqualTo(t4);
  }

  @Test
  void anUnknownMessageIsAnError() {
    Cid unknown = cid(MessageChain.send(ALICE, 7, 1));
    assertThatThrownBy(() -> search.search(mc.genesis(), unknown, NO_LIMIT, true))
        .isInstanceOf(StateManagerException.class)
        .hasMessageStartingWith("failed to load message");
  }

  @Test
  void equalCallIgnoresOnlyTheGasFields() {
    UnsignedMessage a = MessageChain.send(ALICE, 3, 10);
    UnsignedMessage b = MessageChain.send(ALICE, 3, 99);
    assertThat(MessageSearch.equalCall(a, b)).isTrue();
    assertThat(MessageSearch.equalCall(a, MessageChain.send(ALICE, 4, 10))).isFalse();
    assertThat(MessageSearch.equalCall(a, MessageChain.send(BOB, 3, 10))).isFalse();
  }
}
