package io.filnode.chain.types;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.util.ArrayList;
import java.util.List;

/** A block as gossiped: the header and the CIDs of its BLS and secp256k1 messages. */
public record BlockMsg(BlockHeader header, List<Cid> blsMessages, List<Cid> secpkMessages)
    implements CborEncodable {
  /** Lotus's {@code BlockMessageLimit}: consensus allows this many messages in a block. */
  public static final int MESSAGE_LIMIT = 10_000;

  public BlockMsg {
    if (header == null) {
      throw new IllegalArgumentException("a block message needs a header");
    }
    blsMessages = List.copyOf(blsMessages);
    secpkMessages = List.copyOf(secpkMessages);
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(3);
    header.encode(w);
    writeCids(w, blsMessages);
    writeCids(w, secpkMessages);
  }

  private static void writeCids(CborWriter w, List<Cid> cids) {
    w.writeArrayHeader(cids.size());
    for (Cid c : cids) {
      w.writeCid(c);
    }
  }

  private static List<Cid> readCids(CborReader r) throws CborException {
    int n = r.readArrayHeader(MESSAGE_LIMIT);
    List<Cid> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(r.readCid());
    }
    return out;
  }

  public static BlockMsg decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "BlockMsg");
    return new BlockMsg(BlockHeader.decode(r), readCids(r), readCids(r));
  }

  public static BlockMsg fromCbor(byte[] bytes) throws CborException {
    return CborReader.decodeWhole(bytes, "BlockMsg", BlockMsg::decode);
  }
}
