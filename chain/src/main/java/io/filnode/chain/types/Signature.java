package io.filnode.chain.types;

import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.Arrays;

/**
 * A signature: its type and bytes. In CBOR it is one byte string, the type byte followed by the
 * data, at most {@value #MAX_LENGTH} bytes as go-state-types allows.
 */
public record Signature(SignatureType type, byte[] data) {
  /** go-state-types' {@code SignatureMaxLength}. */
  public static final int MAX_LENGTH = 200;

  public Signature {
    if (type == null || data == null) {
      throw new IllegalArgumentException("signature type and data are required");
    }
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  public void encode(CborWriter w) {
    byte[] b = new byte[data.length + 1];
    b[0] = (byte) type.code();
    System.arraycopy(data, 0, b, 1, data.length);
    w.writeBytes(b);
  }

  public static Signature decode(CborReader r) throws CborException {
    int start = r.position();
    byte[] b = r.readBytes(MAX_LENGTH);
    if (b.length == 0) {
      throw new CborException("signature must have at least its type byte", start);
    }
    SignatureType t = SignatureType.ofCode(b[0] & 0xFF);
    if (t == null) {
      throw new CborException("invalid signature type " + (b[0] & 0xFF), start);
    }
    return new Signature(t, Arrays.copyOfRange(b, 1, b.length));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Signature
        && ((Signature) o).type == type
        && Arrays.equals(((Signature) o).data, data);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Signature[" + type + ", " + data.length + " bytes]";
  }
}
