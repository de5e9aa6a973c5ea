package io.filnode.chain.types;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.Arrays;

/** A drand beacon entry: round (uint64) and signature data, a tuple. */
public record BeaconEntry(long round, byte[] data) {
  public BeaconEntry {
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeUint64(round);
    w.writeBytes(data);
  }

  public static BeaconEntry decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "BeaconEntry");
    return new BeaconEntry(r.readUint64(), r.readBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BeaconEntry
        && ((BeaconEntry) o).round == round
        && Arrays.equals(data, ((BeaconEntry) o).data);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(round) * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "BeaconEntry[round " + Long.toUnsignedString(round) + "]";
  }
}
