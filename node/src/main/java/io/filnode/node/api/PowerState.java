package io.filnode.node.api;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import java.math.BigInteger;

/**
 * The one field of the storage power actor's state the chain weight needs. The state is a tuple
 * whose first fields are the same in specs-actors v0 to v4: TotalRawBytePower, TotalBytesCommitted,
 * TotalQualityAdjPower, …; only the third is read, the rest is left undecoded.
 */
final class PowerState {
  /** The power actor's ID address, f04. */
  static final Address ADDRESS = Address.newId(4);

  private static final int TOTAL_QA_POWER_INDEX = 2;

  private PowerState() {}

  /** TotalQualityAdjPower from the power actor's state block. */
  static BigInteger totalQualityAdjPower(byte[] state) throws CborException {
    CborReader r = new CborReader(state);
    int n = r.readArrayHeader();
    if (n <= TOTAL_QA_POWER_INDEX) {
      throw new CborException("power actor state has " + n + " fields, too few", 0);
    }
    for (int i = 0; i < TOTAL_QA_POWER_INDEX; i++) {
      r.skipValue();
    }
    return r.readBigInt();
  }
}
