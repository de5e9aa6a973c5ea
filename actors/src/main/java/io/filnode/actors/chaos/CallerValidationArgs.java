package io.filnode.actors.chaos;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.util.ArrayList;
import java.util.List;

/**
 * Arguments of CallerValidation: the tuple {@code [Branch, Addrs, Types]}. Branch 0 validates
 * nothing, 1 validates twice, 2 validates the caller against {@code addrs}, 3 against {@code
 * types}; any other branch is an uncontrolled failure.
 */
public record CallerValidationArgs(long branch, List<Address> addrs, List<Cid> types)
    implements CborEncodable {
  public static final long BRANCH_NONE = 0;
  public static final long BRANCH_TWICE = 1;
  public static final long BRANCH_IS_ADDRESS = 2;
  public static final long BRANCH_IS_TYPE = 3;

  public CallerValidationArgs {
    addrs = List.copyOf(addrs);
    types = List.copyOf(types);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(3);
    w.writeInt64(branch);
    w.writeArrayHeader(addrs.size());
    for (Address a : addrs) {
      a.encode(w);
    }
    w.writeArrayHeader(types.size());
    for (Cid c : types) {
      w.writeCid(c);
    }
  }

  public static CallerValidationArgs decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "chaos caller validation args");
    long branch = r.readInt64();
    int n = r.readArrayHeader();
    List<Address> addrs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      addrs.add(Address.decode(r));
    }
    int m = r.readArrayHeader();
    List<Cid> types = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      types.add(r.readCid());
    }
    return new CallerValidationArgs(branch, addrs, types);
  }
}
