package io.filnode.chain.types;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.Arrays;

/** A proof of spacetime: the registered proof type (int64) and the proof bytes, a tuple. */
public record PoStProof(long postProof, byte[] proofBytes) {
  public PoStProof {
    proofBytes = proofBytes.clone();
  }

  @Override
  public byte[] proofBytes() {
    return proofBytes.clone();
  }

  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    w.writeInt64(postProof);
    w.writeBytes(proofBytes);
  }

  public static PoStProof decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "PoStProof");
    return new PoStProof(r.readInt64(), r.readBytes());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PoStProof
        && ((PoStProof) o).postProof == postProof
        && Arrays.equals(proofBytes, ((PoStProof) o).proofBytes);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(postProof) * 31 + Arrays.hashCode(proofBytes);
  }

  @Override
  public String toString() {
    return "PoStProof[type " + postProof + ", " + proofBytes.length + " bytes]";
  }
}
