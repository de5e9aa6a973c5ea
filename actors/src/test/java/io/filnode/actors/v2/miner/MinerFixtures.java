package io.filnode.actors.v2.miner;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Shared fixtures of the miner state tests, as specs-actors' test helpers. */
final class MinerFixtures {
  static final long SECTOR_SIZE_32G = 32L << 30;

  private MinerFixtures() {}

  static IpldStore store() {
    return new IpldStore(new MemoryBlockstore());
  }

  /** A CommR-prefixed CID derived from {@code seed} (tutil.MakeCID with SealedCIDPrefix). */
  static Cid commR(String seed) {
    byte[] digest = new byte[32];
    byte[] s = seed.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(s, 0, digest, 0, Math.min(s.length, 32));
    return Cid.v1(Policy.SEALED_CID_CODEC, Policy.SEALED_CID_HASH, digest);
  }

  /** expiration_queue_test.go's testSector: activation 0. */
  static SectorOnChainInfo testSector(
      long expiration, long number, long weight, long vweight, long pledge) {
    return new SectorOnChainInfo(
        number,
        SealProofsForTests.SEAL_PROOF,
        commR("commR-" + number),
        List.of(),
        0,
        expiration,
        BigInteger.valueOf(weight),
        BigInteger.valueOf(vweight),
        TokenAmount.ofAtto(pledge),
        TokenAmount.ZERO,
        TokenAmount.ZERO,
        0,
        TokenAmount.ZERO);
  }

  static Cid emptyArray(IpldStore store) {
    return Partition.emptyArray(store);
  }

  /** The seal proof the Go tests use. */
  static final class SealProofsForTests {
    static final long SEAL_PROOF = io.filnode.actors.builtin.SealProofs.STACKED_DRG_32GIB_V1_1;

    private SealProofsForTests() {}
  }
}
