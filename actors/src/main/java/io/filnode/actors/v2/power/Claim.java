package io.filnode.actors.v2.power;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.math.BigInteger;

/**
 * power.Claim: a miner's seal proof type (which sets its minimum power) and its raw and
 * quality-adjusted power, a tuple of 3.
 */
public record Claim(long sealProofType, BigInteger rawBytePower, BigInteger qualityAdjPower)
    implements CborEncodable {
  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(3);
    w.writeInt64(sealProofType);
    w.writeBigInt(rawBytePower);
    w.writeBigInt(qualityAdjPower);
  }

  public static Claim decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "Claim");
    return new Claim(r.readInt64(), r.readBigInt(), r.readBigInt());
  }
}
