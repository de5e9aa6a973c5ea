package io.filnode.mpool;

import io.filnode.chain.cid.Cid;
import java.util.List;

/**
 * Durable storage of the node's own pending messages (Lotus's {@code /mpool/local} datastore), so
 * that they are re-added after a restart. Values are a signed message's CBOR.
 */
public interface LocalMessageStore {
  void put(Cid cid, byte[] signedMessageCbor);

  void delete(Cid cid);

  /** Every stored message, in no particular order. */
  List<byte[]> all();
}
