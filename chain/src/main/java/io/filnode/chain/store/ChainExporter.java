package io.filnode.chain.store;

import io.filnode.chain.blockstore.Block;
import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.blockstore.DagCborLinks;
import io.filnode.chain.car.CarHeader;
import io.filnode.chain.car.CarWriter;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.TipSet;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A chain snapshot as a CAR, as Lotus's {@code ChainStore.Export} writes it: the roots are the
 * tipset's blocks; then, walking breadth-first from the tipset back to genesis, each block header,
 * followed by its messages (unless {@code skipOldMsgs} and the block is older than the recent
 * window), and for the genesis block and the blocks in the recent window their parent state tree.
 * Receipts are not exported (Lotus's Export skips them). Objects that are not DAG-CBOR (such as
 * piece commitments) are linked but not written. Every object is written once, in the order Lotus
 * writes it.
 */
public final class ChainExporter {
  private final Blockstore store;
  private final TipSet ts;
  private final long recentRoots;
  private final boolean skipOldMsgs;
  private final Set<Cid> seen = new HashSet<>();
  private final Set<Cid> walked = new HashSet<>();

  /** What receives each object of the walk, in order. */
  @FunctionalInterface
  public interface Sink {
    void accept(Block block) throws IOException;
  }

  private ChainExporter(Blockstore store, TipSet ts, long recentRoots, boolean skipOldMsgs) {
    this.store = store;
    this.ts = ts;
    // a negative window selects nothing, as 0 does; clamping keeps the subtraction from overflowing
    this.recentRoots = Math.max(recentRoots, 0);
    this.skipOldMsgs = skipOldMsgs;
  }

  /**
   * Writes the CAR of the chain ending at {@code ts} to {@code out} (closing it).
   *
   * @param recentRoots how many recent epochs get their state trees (Lotus's {@code nroots}; 0 or
   *     less: none but the genesis state)
   * @param skipOldMsgs leave out the messages of blocks older than those epochs
   * @return the number of blocks written
   */
  public static long export(
      Blockstore store, TipSet ts, long recentRoots, boolean skipOldMsgs, OutputStream out)
      throws IOException, ChainStoreException {
    try (CarWriter w = new CarWriter(out, new CarHeader(ts.cids()))) {
      walk(store, ts, recentRoots, skipOldMsgs, w::write);
      return w.blocks();
    }
  }

  /** Lotus's {@code WalkSnapshot} (receipts skipped): hands each object to {@code sink}. */
  public static void walk(
      Blockstore store, TipSet ts, long recentRoots, boolean skipOldMsgs, Sink sink)
      throws IOException, ChainStoreException {
    new ChainExporter(store, ts, recentRoots, skipOldMsgs).run(sink);
  }

  private void run(Sink sink) throws IOException, ChainStoreException {
    Deque<Cid> toWalk = new ArrayDeque<>(ts.cids());
    while (!toWalk.isEmpty()) {
      walkBlock(toWalk.removeFirst(), toWalk, sink);
    }
  }

  /** Whether a block at {@code height} is inside the window whose state roots are exported. */
  private boolean recent(long height) {
    return height > ts.height() - recentRoots;
  }

  private void walkBlock(Cid cid, Deque<Cid> toWalk, Sink sink)
      throws IOException, ChainStoreException {
    if (!seen.add(cid)) {
      return;
    }
    byte[] data = require(cid, "block header");
    sink.accept(new Block(cid, data));
    BlockHeader b;
    try {
      b = BlockHeader.fromCbor(data);
    } catch (CborException e) {
      throw new ChainStoreException("decoding block header " + cid + ": " + e.getMessage(), e);
    }
    List<Cid> out = new ArrayList<>();
    if ((!skipOldMsgs || recent(b.height())) && walked.add(b.messages())) {
      out.add(b.messages());
      linksBelow(b.messages(), out);
    }
    if (b.height() > 0) {
      toWalk.addAll(b.parents());
    } else {
      out.addAll(b.parents()); // the genesis block's parent is exported too
    }
    if ((b.height() == 0 || recent(b.height())) && walked.add(b.parentStateRoot())) {
      out.add(b.parentStateRoot());
      linksBelow(b.parentStateRoot(), out);
    }
    for (Cid c : out) {
      if (seen.add(c) && c.codec() == Cid.DAG_CBOR) {
        sink.accept(new Block(c, require(c, "object")));
      }
    }
  }

  /**
   * Appends, depth-first in encoding order, every object reachable from {@code root} that the walk
   * has not met, as go-cbor's link scan visits them. Only DAG-CBOR objects are read.
   */
  private void linksBelow(Cid root, List<Cid> out) throws ChainStoreException {
    if (root.codec() != Cid.DAG_CBOR) {
      return;
    }
    List<Cid> links = new ArrayList<>();
    try {
      DagCborLinks.forEach(require(root, "object"), links::add);
    } catch (CborException e) {
      throw new ChainStoreException("scanning " + root + " for links: " + e.getMessage(), e);
    }
    for (Cid c : links) {
      if (walked.add(c)) {
        out.add(c);
        linksBelow(c, out);
      }
    }
  }

  private byte[] require(Cid cid, String what) throws ChainStoreException {
    byte[] data = store.get(cid);
    if (data == null) {
      throw new ChainStoreException(what + " " + cid + " is not in the store");
    }
    return data;
  }
}
