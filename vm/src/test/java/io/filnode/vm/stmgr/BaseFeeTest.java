package io.filnode.vm.stmgr;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.vm.NetworkSchedule;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaseFeeTest {
  private static final long TARGET = 5_000_000_000L;
  private static final long LIMIT = 10_000_000_000L;
  private static final long MAINNET_SMOKE = 51_000;

  /** Lotus v1.10.0's chain/store/basefee_test.go table. */
  @ParameterizedTest
  @CsvSource({
    "100000000, 0, 1, 87500000, 87500000",
    "100000000, 0, 5, 87500000, 87500000",
    "100000000, " + TARGET + ", 1, 103125000, 100000000",
    "100000000, " + TARGET * 2 + ", 2, 103125000, 100000000",
    "100000000, " + LIMIT * 2 + ", 2, 112500000, 112500000",
    "100000000, " + LIMIT * 3 / 2 + ", 2, 110937500, 106250000",
  })
  void lotusTable(long baseFee, long limitUsed, int blocks, long preSmoke, long postSmoke) {
    TokenAmount fee = TokenAmount.ofAtto(baseFee);
    NetworkSchedule mainnet = NetworkSchedule.mainnet();
    assertThat(BaseFee.compute(fee, limitUsed, blocks, MAINNET_SMOKE - 1, mainnet))
        .isEqualTo(TokenAmount.ofAtto(preSmoke));
    assertThat(BaseFee.compute(fee, limitUsed, blocks, MAINNET_SMOKE + 1, mainnet))
        .isEqualTo(TokenAmount.ofAtto(postSmoke));
    assertThat(BaseFee.computeNext(fee, limitUsed, blocks, false))
        .isEqualTo(TokenAmount.ofAtto(preSmoke));
  }

  @Test
  void aDevnetWithAllUpgradesAtGenesisIsPostSmoke() {
    TokenAmount fee = TokenAmount.ofAtto(100_000_000L);
    assertThat(BaseFee.compute(fee, TARGET, 1, 1, NetworkSchedule.fixed(9))).isEqualTo(fee);
  }

  @Test
  void aNegativeChangeRoundsDownAsGoEuclideanDivision() {
    // 1000·(1 − 5e9)/5e9 = −999.9999998 → −1000 (truncation would give −999); /8 → −125
    assertThat(BaseFee.computeNext(TokenAmount.ofAtto(1000), 1, 1, true))
        .isEqualTo(TokenAmount.ofAtto(875));
  }

  @Test
  void neverBelowTheMinimum() {
    assertThat(BaseFee.computeNext(TokenAmount.ofAtto(101), 0, 1, true))
        .isEqualTo(TokenAmount.ofAtto(100));
  }

  @Test
  void rightAfterBreezeTheBaseFeeIsFixed() throws Exception {
    TestChain c = new TestChain();
    TipSet g = c.tipSet(c.block(0, null, 0, new byte[] {0}));
    BlockHeader b = c.block(100, g, 41_281, new byte[] {1});
    TipSet ts = c.tipSet(b);
    assertThat(BaseFee.forTipSet(c.chain, ts, NetworkSchedule.mainnet()))
        .isEqualTo(TokenAmount.ofAtto(100));
  }

  @Test
  void sumsTheGasLimitsOfTheTipSetsUniqueMessages() throws Exception {
    TestChain c = new TestChain();
    TipSet g = c.tipSet(c.block(0, null, 0, new byte[] {0}));
    Address bls = Address.newId(200);
    UnsignedMessage shared = TestChain.message(bls, 0, 3_000_000_000L);
    UnsignedMessage onlyB = TestChain.message(bls, 1, 1_000_000_000L);
    SignedMessage secp =
        new SignedMessage(
            TestChain.message(Address.newId(201), 0, 2_000_000_000L),
            new Signature(SignatureType.SECP256K1, new byte[65]));
    Cid msgsA = c.messages(List.of(shared), List.of(secp));
    Cid msgsB = c.messages(List.of(shared, onlyB), List.of(secp));
    TokenAmount parentFee = TokenAmount.ofAtto(100_000_000L);
    TipSet ts =
        c.tipSet(
            c.block(100, g, 1, bytes("a"), List.of(), msgsA, parentFee),
            c.block(101, g, 1, bytes("b"), List.of(), msgsB, parentFee));
    // 6e9 over 2 blocks: delta = 3e9 − 5e9; change = 1e8·(−2e9)/5e9/8 = −5e6
    assertThat(BaseFee.forTipSet(c.chain, ts, NetworkSchedule.fixed(9)))
        .isEqualTo(TokenAmount.ofAtto(95_000_000L));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
