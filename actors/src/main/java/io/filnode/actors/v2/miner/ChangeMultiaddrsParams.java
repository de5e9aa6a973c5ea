package io.filnode.actors.v2.miner;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/** ChangeMultiaddrs parameters, a tuple. */
public record ChangeMultiaddrsParams(List<byte[]> newMultiaddrs) implements CborEncodable {
  public ChangeMultiaddrsParams {
    newMultiaddrs = List.copyOf(newMultiaddrs);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(1);
    w.writeArrayHeader(newMultiaddrs.size());
    for (byte[] ma : newMultiaddrs) {
      w.writeBytes(ma);
    }
  }

  public static ChangeMultiaddrsParams decode(CborReader r) throws CborException {
    r.readTupleHeader(1, "ChangeMultiaddrsParams");
    int n = r.readArrayHeader();
    List<byte[]> mas = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      mas.add(r.readBytes());
    }
    return new ChangeMultiaddrsParams(mas);
  }
}
