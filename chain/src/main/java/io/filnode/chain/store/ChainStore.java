package io.filnode.chain.store;

import io.filnode.chain.address.Address;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.MsgMeta;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.UnsignedMessage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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

  /**
   * The metadata store beside the chain, for other components' small durable records (the state
   * manager's computed tipset states); they must keep clear of the keys "head" and "genesis".
   */
  public ChainMetadata metadata() {
    return metadata;
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

  /** The block's messages: the MsgMeta's two AMTs (go-amt-ipld v2, as Lotus v1.10.0 reads). */
  public BlockMessages blockMessages(BlockHeader h) throws ChainStoreException {
    try {
      MsgMeta meta = MsgMeta.fromCbor(read(h.messages()));
      List<Cid> cids = new ArrayList<>();
      List<UnsignedMessage> bls = new ArrayList<>();
      for (Cid c : amtCids(meta.blsMessages())) {
        bls.add(UnsignedMessage.fromCbor(read(c)));
        cids.add(c);
      }
      List<SignedMessage> secpk = new ArrayList<>();
      for (Cid c : amtCids(meta.secpkMessages())) {
        secpk.add(SignedMessage.fromCbor(read(c)));
        cids.add(c);
      }
      return new BlockMessages(bls, secpk, cids);
    } catch (CborException e) {
      throw new ChainStoreException(
          "messages of block " + h.messages() + " do not decode: " + e.getMessage(), e);
    }
  }

  /** A message applied by a tipset, with its CID (the signed message's CID for secp256k1). */
  public record TipSetMessage(Cid cid, UnsignedMessage message, SignedMessage signed) {}

  /**
   * The messages {@code ts} applies, in order (Lotus's {@code MessagesForTipset}): each block's BLS
   * then secp256k1 messages, skipping any whose nonce is not the sender's next one (a message
   * already taken from an earlier block of the tipset).
   */
  public List<TipSetMessage> messagesForTipSet(TipSet ts) throws ChainStoreException {
    Map<Address, Long> nextNonce = new HashMap<>();
    List<TipSetMessage> out = new ArrayList<>();
    for (BlockHeader b : ts.blocks()) {
      BlockMessages msgs = blockMessages(b);
      int i = 0;
      for (UnsignedMessage m : msgs.blsMessages()) {
        if (takeNonce(nextNonce, m)) {
          out.add(new TipSetMessage(msgs.cids().get(i), m, null));
        }
        i++;
      }
      for (SignedMessage m : msgs.secpkMessages()) {
        if (takeNonce(nextNonce, m.message())) {
          out.add(new TipSetMessage(msgs.cids().get(i), m.message(), m));
        }
        i++;
      }
    }
    return out;
  }

  private static boolean takeNonce(Map<Address, Long> nextNonce, UnsignedMessage m) {
    long expected = nextNonce.computeIfAbsent(m.from(), a -> m.nonce());
    if (expected != m.nonce()) {
      return false;
    }
    nextNonce.put(m.from(), expected + 1);
    return true;
  }

  /** A message by CID: an unsigned message, or the message inside a signed one, as Lotus. */
  public UnsignedMessage getMessage(Cid cid) throws ChainStoreException {
    byte[] data = read(cid);
    try {
      return UnsignedMessage.fromCbor(data);
    } catch (CborException notUnsigned) {
      try {
        return SignedMessage.fromCbor(data).message();
      } catch (CborException e) {
        throw new ChainStoreException("message " + cid + " does not decode: " + e.getMessage(), e);
      }
    }
  }

  private byte[] read(Cid cid) throws ChainStoreException {
    byte[] data = blocks.get(cid);
    if (data == null) {
      throw new ChainStoreException("object " + cid + " is not in the store");
    }
    return data;
  }

  private List<Cid> amtCids(Cid amtRoot) throws CborException {
    List<Cid> out = new ArrayList<>();
    Amt.load(new IpldStore(blocks), amtRoot, AmtOptions.v2())
        .forEach((i, v) -> out.add(new CborReader(v).readCid()));
    return out;
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
