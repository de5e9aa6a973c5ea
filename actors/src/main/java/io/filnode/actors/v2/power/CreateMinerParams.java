package io.filnode.actors.v2.power;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * power.CreateMinerParams (v0's type, aliased by v2): the new miner's owner, worker, seal proof
 * type, peer ID and multiaddresses, a tuple of 5. Byte arrays are not copied: treat them as
 * read-only.
 */
@SuppressWarnings("ArrayRecordComponent") // read-only by convention
public record CreateMinerParams(
    Address owner, Address worker, long sealProofType, byte[] peer, List<byte[]> multiaddrs)
    implements CborEncodable {
  public CreateMinerParams {
    multiaddrs = List.copyOf(multiaddrs);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(5);
    owner.encode(w);
    worker.encode(w);
    w.writeInt64(sealProofType);
    w.writeBytes(peer);
    w.writeArrayHeader(multiaddrs.size());
    for (byte[] m : multiaddrs) {
      w.writeBytes(m);
    }
  }

  public static CreateMinerParams decode(CborReader r) throws CborException {
    r.readTupleHeader(5, "CreateMinerParams");
    Address owner = Address.decode(r);
    Address worker = Address.decode(r);
    long sealProofType = r.readInt64();
    byte[] peer = r.readBytes();
    int n = r.readArrayHeader();
    List<byte[]> multiaddrs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      multiaddrs.add(r.readBytes());
    }
    return new CreateMinerParams(owner, worker, sealProofType, peer, multiaddrs);
  }
}
