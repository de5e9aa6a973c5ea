package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.math.BigInteger;

/** Raw-byte and quality-adjusted power, a tuple. */
public record PowerPair(BigInteger raw, BigInteger qa) {
  public static final PowerPair ZERO = new PowerPair(BigInteger.ZERO, BigInteger.ZERO);

  public boolean isZero() {
    return raw.signum() == 0 && qa.signum() == 0;
  }

  public PowerPair add(PowerPair o) {
    return new PowerPair(raw.add(o.raw), qa.add(o.qa));
  }

  public PowerPair sub(PowerPair o) {
    return new PowerPair(raw.subtract(o.raw), qa.subtract(o.qa));
  }

  public PowerPair neg() {
    return new PowerPair(raw.negate(), qa.negate());
  }

  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeBigInt(raw);
    w.writeBigInt(qa);
  }

  public static PowerPair decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "PowerPair");
    return new PowerPair(r.readBigInt(), r.readBigInt());
  }
}
