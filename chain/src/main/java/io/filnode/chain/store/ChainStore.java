package io.filnode.chain.store;

import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The chain as stored: block headers in the blockstore, tipsets by key, the genesis and the head.
 * Blocks are written before the head that names them, and the head is one atomic metadata write, so
 * after a crash the node restarts on a complete tipset. Head changes reach subscribers as the
 * revert and apply steps from the old head to the new one, as Lotus's {@code ReorgOps}.
 */
public final class ChainStore {
  static final String HEAD_KEY = "head";
  static final String GENESIS_KEY = "genesis";
  private static final int TIPSET_CACHE_SIZE = 8192;

  private final Blockstore blocks;
  private final ChainMetadata metadata;
  private final List<Consumer<List<HeadChange>>> subscribers = new CopyOnWriteArrayList<>();
  private final Map<TipSetKey, TipSet> tipsets =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<TipSetKey, TipSet> eldest) {
              return size() > TIPSET_CACHE_SIZE;
            }
          });
  private volatile TipSet head;

  public ChainStore(Blockstore blocks, ChainMetadata metadata) {
    this.blocks = blocks;
    this.metadata = metadata;
  }

  public Blockstore blockstore() {
    return blocks;
  }

  /** Reloads the persisted head, if any (on start-up). */
  public synchronized void load() throws ChainStoreException {
    byte[] h = metadata.get(HEAD_KEY);
    if (h != null) {
      head = loadTipSet(parseKey(h));
    }
  }

  private static TipSetKey parseKey(byte[] b) throws ChainStoreException {
    try {
      return TipSetKey.fromBytes(b);
    } catch (IllegalArgumentException e) {
      throw new ChainStoreException("the stored head key is corrupt: " + e.getMessage(), e);
    }
  }

  /** Stores a block header; returns its CID. */
  public Cid putBlock(BlockHeader header) {
    byte[] data = header.toCbor();
    Cid cid = Cid.ofDagCbor(data);
    blocks.put(cid, data);
    return cid;
  }

  public BlockHeader getBlock(Cid cid) throws ChainStoreException {
    byte[] data = blocks.get(cid);
    if (data == null) {
      throw new ChainStoreException("block " + cid + " is not in the store");
    }
    try {
      return BlockHeader.fromCbor(data);
    } catch (CborException e) {
      throw new ChainStoreException("block " + cid + " does not decode: " + e.getMessage(), e);
    }
  }

  public TipSet loadTipSet(TipSetKey key) throws ChainStoreException {
    TipSet cached = tipsets.get(key);
    if (cached != null) {
      return cached;
    }
    if (key.cids().isEmpty()) {
      throw new ChainStoreException("the empty tipset key names no tipset");
    }
    List<BlockHeader> headers = new ArrayList<>(key.cids().size());
    for (Cid c : key.cids()) {
      headers.add(getBlock(c));
    }
    TipSet ts;
    try {
      ts = TipSet.of(headers);
    } catch (IllegalArgumentException e) {
      throw new ChainStoreException(
          "blocks of " + key + " do not form a tipset: " + e.getMessage(), e);
    }
    if (!ts.key().equals(key)) {
      throw new ChainStoreException("tipset key " + key + " is not in canonical block order");
    }
    tipsets.put(key, ts);
    return ts;
  }

  /** Stores the genesis block and records it; the head starts there if there is none yet. */
  public synchronized void setGenesis(BlockHeader genesis) throws ChainStoreException {
    Cid cid = putBlock(genesis);
    metadata.put(GENESIS_KEY, cid.bytes());
    if (head == null) {
      setHead(TipSet.of(genesis));
    }
  }

  public BlockHeader genesis() throws ChainStoreException {
    byte[] g = metadata.get(GENESIS_KEY);
    if (g == null) {
      throw new ChainStoreException("the chain store has no genesis");
    }
    return getBlock(Cid.fromBytes(g));
  }

  /** The current head, or null before a genesis is set. */
  public TipSet head() {
    return head;
  }

  /**
   * Makes {@code ts} the head: its blocks must already be stored. Persists the head key, then tells
   * subscribers the revert and apply steps.
   */
  public synchronized void setHead(TipSet ts) throws ChainStoreException {
    for (Cid c : ts.cids()) {
      if (!blocks.has(c)) {
        throw new ChainStoreException(
            "cannot make " + ts + " the head: block " + c + " is missing");
      }
    }
    TipSet old = head;
    List<HeadChange> changes =
        old == null ? List.of(new HeadChange(HeadChange.Type.APPLY, ts)) : reorgOps(old, ts);
    tipsets.put(ts.key(), ts);
    metadata.put(HEAD_KEY, ts.key().bytes());
    head = ts;
    for (Consumer<List<HeadChange>> s : subscribers) {
      s.accept(changes);
    }
  }

  /**
   * The steps from {@code from} to {@code to}: the tipsets to revert (newest first) back to their
   * common ancestor, then those to apply (oldest first).
   */
  public List<HeadChange> reorgOps(TipSet from, TipSet to) throws ChainStoreException {
    List<HeadChange> reverts = new ArrayList<>();
    List<HeadChange> applies = new ArrayList<>();
    TipSet left = from;
    TipSet right = to;
    while (!left.equals(right)) {
      if (left.height() > right.height()) {
        reverts.add(new HeadChange(HeadChange.Type.REVERT, left));
        left = parentOf(left);
      } else {
        applies.add(new HeadChange(HeadChange.Type.APPLY, right));
        right = parentOf(right);
      }
    }
    Collections.reverse(applies);
    List<HeadChange> out = new ArrayList<>(reverts);
    out.addAll(applies);
    return out;
  }

  private TipSet parentOf(TipSet ts) throws ChainStoreException {
    if (ts.parents().cids().isEmpty()) {
      throw new ChainStoreException("reached genesis without a common ancestor: different chains");
    }
    return loadTipSet(ts.parents());
  }

  /**
   * The tipset at {@code height} on the chain ending at {@code from}. When {@code height} is a null
   * round, the tipset before it if {@code prev}, else the one after (Lotus's {@code
   * GetTipsetByHeight}).
   */
  public TipSet tipSetByHeight(long height, TipSet from, boolean prev) throws ChainStoreException {
    if (height > from.height()) {
      throw new ChainStoreException(
          "looking for tipset with height greater than start point ("
              + height
              + " > "
              + from.height()
              + ")");
    }
    if (height == from.height()) {
      return from;
    }
    TipSet ts = from;
    while (true) {
      TipSet parent = parentOf(ts);
      if (parent.height() == height) {
        return parent;
      }
      if (parent.height() < height) {
        return prev ? parent : ts;
      }
      ts = parent;
    }
  }

  /** Registers a listener for head changes; it first receives the current head. */
  public Runnable subscribe(Consumer<List<HeadChange>> listener) {
    TipSet h = head;
    if (h != null) {
      listener.accept(List.of(new HeadChange(HeadChange.Type.CURRENT, h)));
    }
    subscribers.add(listener);
    return () -> subscribers.remove(listener);
  }
}
