package io.filnode.chain.types;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.crypto.Blake2b;
import java.math.BigInteger;
import java.util.Arrays;

/** The proof that a miner won the election: win count and VRF proof, a tuple. */
public record ElectionProof(long winCount, byte[] vrfProof) {
  public ElectionProof {
    vrfProof = vrfProof.clone();
  }

  @Override
  public byte[] vrfProof() {
    return vrfProof.clone();
  }

  /**
   * How many blocks this proof wins for a miner with quality-adjusted {@code power} out of the
   * network's {@code totalPower} (Lotus's {@code ComputeWinCount}); the block's claimed win count
   * must equal it. Zero power wins nothing.
   *
   * @throws IllegalArgumentException when {@code totalPower} is not positive
   */
  public long computeWinCount(BigInteger power, BigInteger totalPower) {
    return WinCount.compute(Blake2b.sum256(vrfProof), power, totalPower);
  }

  /** This proof with another win count. */
  public ElectionProof withWinCount(long count) {
    return new ElectionProof(count, vrfProof);
  }

  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeInt64(winCount);
    w.writeBytes(vrfProof);
  }

  public static ElectionProof decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "ElectionProof");
    return new ElectionProof(r.readInt64(), r.readBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ElectionProof
        && ((ElectionProof) o).winCount == winCount
        && Arrays.equals(vrfProof, ((ElectionProof) o).vrfProof);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(winCount) * 31 + Arrays.hashCode(vrfProof);
  }

  @Override
  public String toString() {
    return "ElectionProof[winCount " + winCount + "]";
  }
}
