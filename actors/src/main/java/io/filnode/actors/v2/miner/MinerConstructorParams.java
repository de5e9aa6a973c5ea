package io.filnode.actors.v2.miner;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * power.MinerConstructorParams: what the power actor passes (through init's Exec) to a new miner's
 * constructor, a tuple of 6. Byte arrays are not copied: treat them as read-only.
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
    for (byte[] ma : multiaddrs) {
      w.writeBytes(ma);
    }
  }

  public static MinerConstructorParams decode(CborReader r) throws CborException {
    r.readTupleHeader(6, "MinerConstructorParams");
    Address owner = Address.decode(r);
    Address worker = Address.decode(r);
    int n = r.readArrayHeader();
    List<Address> ctrl = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ctrl.add(Address.decode(r));
    }
    long sealProof = r.readInt64();
    byte[] peerId = r.readBytes();
    int m = r.readArrayHeader();
    List<byte[]> mas = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      mas.add(r.readBytes());
    }
    return new MinerConstructorParams(owner, worker, ctrl, sealProof, peerId, mas);
  }
}
