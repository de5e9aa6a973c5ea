package io.filnode.vm.genesis;

import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Multihash;
import io.filnode.chain.crypto.Blake2b;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Sealed-sector commitments for mock sectors, as Lotus's mock sealer makes them from the sector's
 * identity instead of sealing: a CommR CID (FilCommitmentSealed, poseidon-bls12_381-a2-fc1) whose
 * 32 bytes are a blake2b-256 hash of the miner and sector number with the top two bits cleared, so
 * the value is a valid little-endian BLS12-381 field element as a real CommR is.
 */
public final class MockSealing {
  private static final byte[] DOMAIN = "filnode/mock-commr".getBytes(StandardCharsets.US_ASCII);

  private MockSealing() {}

  /** The mock CommR of sector {@code sectorNumber} of miner {@code minerId}. */
  public static Cid commR(Address minerId, long sectorNumber) {
    byte[] addr = minerId.bytes();
    ByteBuffer in = ByteBuffer.allocate(DOMAIN.length + addr.length + Long.BYTES);
    in.put(DOMAIN).put(addr).putLong(sectorNumber);
    byte[] digest = Blake2b.sum256(in.array());
    digest[31] &= 0x3f;
    return Cid.v1(Cid.FIL_COMMITMENT_SEALED, Multihash.POSEIDON_BLS12_381_A1_FC1, digest);
  }
}
