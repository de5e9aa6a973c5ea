package io.filnode.actors.v2.miner;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The v2 miner constructor's parameters (Go's {@code power.MinerConstructorParams}, aliased as
 * {@code miner.ConstructorParams}), which the power actor sends through the init actor's Exec; a
 * tuple of 6. Byte arrays are not copied: treat them as read-only.
 */
@SuppressWarnings("ArrayRecordComponent") // read-only by convention
public record MinerConstructorParams(
    Address ownerAddr,
    Address workerAddr,
    List<Address> controlAddrs,
    long sealProofType,
    byte[] peerId,
    List<byte[]> multiaddrs)
    implements CborEncodable {
  public MinerConstructorParams {
    controlAddrs = List.copyOf(controlAddrs);
    multiaddrs = List.copyOf(multiaddrs);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(6);
    ownerAddr.encode(w);
    workerAddr.encode(w);
    w.writeArrayHeader(controlAddrs.size());
    for (Address a : controlAddrs) {
      a.encode(w);
    }
    w.writeInt64(sealProofType);
    w.writeBytes(peerId);
    w.writeArrayHeader(multiaddrs.size());
    for (byte[] m : multiaddrs) {
      w.writeBytes(m);
    }
  }

  public static MinerConstructorParams decode(CborReader r) throws CborException {
    r.readTupleHeader(6, "MinerConstructorParams");
    Address owner = Address.decode(r);
    Address worker = Address.decode(r);
    int n = r.readArrayHeader();
    List<Address> control = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      control.add(Address.decode(r));
    }
    long sealProofType = r.readInt64();
    byte[] peerId = r.readBytes();
    int m = r.readArrayHeader();
    List<byte[]> multiaddrs = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      multiaddrs.add(r.readBytes());
    }
    return new MinerConstructorParams(owner, worker, control, sealProofType, peerId, multiaddrs);
  }
}
