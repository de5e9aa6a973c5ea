package io.filnode.chain.types;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.crypto.Blake2b;
import java.util.Arrays;

/** A block's ticket: the VRF proof over the previous ticket. A one-field tuple. */
public record Ticket(byte[] vrfProof) implements Comparable<Ticket> {
  public Ticket {
    vrfProof = vrfProof.clone();
  }

  @Override
  public byte[] vrfProof() {
    return vrfProof.clone();
  }

  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeBytes(vrfProof);
  }

  public static Ticket decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "Ticket");
    return new Ticket(r.readBytes());
  }

  /** Lotus orders tickets by the blake2b-256 of their VRF proofs. */
  @Override
  public int compareTo(Ticket o) {
    return Arrays.compareUnsigned(Blake2b.sum256(vrfProof), Blake2b.sum256(o.vrfProof));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ticket && Arrays.equals(vrfProof, ((Ticket) o).vrfProof);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(vrfProof);
  }

  @Override
  public String toString() {
    return "Ticket[" + vrfProof.length + " bytes]";
  }
}
