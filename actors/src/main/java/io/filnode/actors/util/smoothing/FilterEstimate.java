package io.filnode.actors.util.smoothing;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.math.BigInteger;

/** TEMPORARY stand-in for the lead's smoothing.FilterEstimate (replaced at merge with main). */
public record FilterEstimate(BigInteger positionEstimate, BigInteger velocityEstimate)
    implements CborEncodable {
  /** From Q.0 position and velocity. */
  public static FilterEstimate of(BigInteger position, BigInteger velocity) {
    return new FilterEstimate(position.shiftLeft(128), velocity.shiftLeft(128));
  }

  public BigInteger estimate() {
    return positionEstimate.shiftRight(128);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeBigInt(positionEstimate);
    w.writeBigInt(velocityEstimate);
  }

  public static FilterEstimate decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "FilterEstimate");
    return new FilterEstimate(r.readBigInt(), r.readBigInt());
  }
}
