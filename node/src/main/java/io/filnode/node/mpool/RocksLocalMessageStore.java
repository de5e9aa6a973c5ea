package io.filnode.node.mpool;

import io.filnode.chain.blockstore.RocksBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.mpool.LocalMessageStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's own pending messages in the {@code meta} column family of the repo's RocksDB (Lotus's
 * {@code /mpool/local} namespace of its metadata datastore), keyed by message CID.
 *
 * <p>Durability: a put returns only after the write-ahead log is synced to disk, as Lotus's
 * metadata LevelDB writes with {@code Sync} on, so a message that {@code MpoolPush} accepted
 * survives a SIGKILL and a power loss. A delete is not synced: losing one only brings back a
 * message that the pool refuses again on load (its nonce is already used) or that it re-publishes.
 */
public final class RocksLocalMessageStore implements LocalMessageStore {
  /** Key prefix in the meta family; other users of the family use other prefixes. */
  static final String PREFIX = "mpool/local/";

  private final RocksBlockstore store;

  public RocksLocalMessageStore(RocksBlockstore store) {
    this.store = store;
  }

  @Override
  public void put(Cid cid, byte[] signedMessageCbor) {
    store.putMetaSynced(PREFIX + cid, signedMessageCbor);
  }

  @Override
  public void delete(Cid cid) {
    store.deleteMeta(PREFIX + cid);
  }

  @Override
  public List<byte[]> all() {
    return new ArrayList<>(store.metaWithPrefix(PREFIX).values());
  }
}
