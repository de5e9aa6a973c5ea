package io.filnode.actors.v2.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Hex;
import io.filnode.chain.cid.Multihash;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The deal types' CBOR, checked byte by byte against cbor-gen's tuple layout. */
class DealProposalTest {
  private static final byte[] DIGEST = new byte[32];

  static {
    for (int i = 0; i < 32; i++) {
      DIGEST[i] = (byte) i;
    }
  }

  private static final Cid PIECE =
      Cid.v1(Cid.FIL_COMMITMENT_UNSEALED, Multihash.SHA2_256_TRUNC254_PADDED, DIGEST);

  private static DealProposal proposal(long start, long end) {
    return new DealProposal(
        PIECE,
        2048,
        true,
        Address.newId(104),
        Address.newId(102),
        "label",
        start,
        end,
        TokenAmount.ofAtto(10),
        TokenAmount.ofAtto(0),
        TokenAmount.ofAtto(256));
  }

  @Test
  void encodesAsAnElevenFieldTuple() throws CborException {
    String expected =
        "8b" // array(11)
            + "d82a5828" // tag 42, bytes(40)
            + "00" // multibase identity prefix
            + "0181e203" // CIDv1, fil-commitment-unsealed (0xf101)
            + "922020" // sha2-256-trunc254-padded (0x1012), 32 bytes
            + Hex.encode(DIGEST)
            + "190800" // 2048
            + "f5" // verified
            + "420068" // f0104
            + "420066" // f0102
            + "656c6162656c" // "label"
            + "20" // start -1
            + "1904d2" // end 1234
            + "42000a" // 10
            + "40" // 0: empty big int bytes
            + "43000100"; // 256
    DealProposal p = proposal(-1, 1234);
    assertThat(Hex.encode(p.toCbor())).isEqualTo(expected);
    assertThat(CborReader.decodeWhole(p.toCbor(), "proposal", DealProposal::decode)).isEqualTo(p);
  }

  @Test
  void derivedAmounts() {
    DealProposal p = proposal(10, 110);
    assertThat(p.duration()).isEqualTo(100);
    assertThat(p.totalStorageFee()).isEqualTo(TokenAmount.ofAtto(1000));
    assertThat(p.clientBalanceRequirement()).isEqualTo(TokenAmount.ofAtto(1256));
    assertThat(p.providerBalanceRequirement()).isEqualTo(TokenAmount.ZERO);
    assertThat(MarketPolicy.dealWeight(p)).isEqualTo(BigInteger.valueOf(204800));
  }

  @Test
  void aLabelLongerThanCborGenAllowsDoesNotDecode() {
    DealProposal p =
        new DealProposal(
            PIECE,
            2048,
            false,
            Address.newId(1),
            Address.newId(2),
            "x".repeat(8193),
            1,
            2,
            TokenAmount.ZERO,
            TokenAmount.ZERO,
            TokenAmount.ZERO);
    assertThatThrownBy(() -> CborReader.decodeWhole(p.toCbor(), "proposal", DealProposal::decode))
        .isInstanceOf(CborException.class);
  }

  @Test
  void dealStateAndMarketStateRoundTrip() throws CborException {
    DealState s = new DealState(5, -1, -1);
    assertThat(Hex.encode(s.toCbor())).isEqualTo("83052020");
    assertThat(CborReader.decodeWhole(s.toCbor(), "state", DealState::decode)).isEqualTo(s);

    MarketState st = MarketState.construct(PIECE, PIECE, PIECE);
    MarketState back = CborReader.decodeWhole(st.toCbor(), "market", MarketState::decode);
    assertThat(back.toCbor()).isEqualTo(st.toCbor());
    assertThat(back.lastCron()).isEqualTo(-1);
    assertThat(st.toCbor()[0]).isEqualTo((byte) 0x8b);
  }

  @Test
  void pieceCidPrefixAndPieceSizeChecks() {
    assertThat(MarketPolicy.hasPieceCidPrefix(PIECE)).isTrue();
    assertThat(MarketPolicy.hasPieceCidPrefix(Cid.ofDagCbor(new byte[] {(byte) 0xf6}))).isFalse();
    assertThat(MarketPolicy.isValidPieceSize(128)).isTrue();
    assertThat(MarketPolicy.isValidPieceSize(64)).isFalse();
    assertThat(MarketPolicy.isValidPieceSize(0)).isFalse();
    assertThat(MarketPolicy.isValidPieceSize(254)).isFalse();
    assertThat(MarketPolicy.isValidPieceSize(Long.MIN_VALUE)).isTrue(); // 2^63, unsigned
  }

  @Test
  void providerCollateralMinimumScalesWithTheDealsPowerShare() {
    // 1% of supply × size / max(raw power, baseline, size), truncated.
    var b =
        MarketPolicy.dealProviderCollateralBounds(
            2048,
            false,
            BigInteger.valueOf(1000),
            BigInteger.ZERO,
            BigInteger.valueOf(4096),
            TokenAmount.ofAtto(1_000_000));
    assertThat(b.min()).isEqualTo(TokenAmount.ofAtto(1_000_000L * 2048 / (100L * 4096)));
    assertThat(b.max()).isEqualTo(TokenAmount.TOTAL_FILECOIN);
    // A deal larger than the network counts as the whole network.
    var big =
        MarketPolicy.dealProviderCollateralBounds(
            1L << 40,
            false,
            BigInteger.ONE,
            BigInteger.ZERO,
            BigInteger.ONE,
            TokenAmount.ofAtto(1_000_000));
    assertThat(big.min()).isEqualTo(TokenAmount.ofAtto(10_000));
  }
}
