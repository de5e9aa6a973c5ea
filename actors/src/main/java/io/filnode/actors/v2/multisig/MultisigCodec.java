package io.filnode.actors.v2.multisig;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/** The address-list fields that several multisig types share, as cbor-gen writes them. */
final class MultisigCodec {
  private MultisigCodec() {}

  static void writeAddresses(CborWriter w, List<Address> addresses) {
    w.writeArrayHeader(addresses.size());
    for (Address a : addresses) {
      a.encode(w);
    }
  }

  static List<Address> readAddresses(CborReader r) throws CborException {
    int n = r.readArrayHeader();
    List<Address> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(Address.decode(r));
    }
    return List.copyOf(out);
  }
}
