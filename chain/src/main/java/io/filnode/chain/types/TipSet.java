package io.filnode.chain.types;

import io.filnode.chain.cid.Cid;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A set of blocks at one height with the same parents, ordered as Lotus orders them: by ticket
 * (blake2b-256 of the VRF proof), ties broken by block CID.
 */
public final class TipSet {
  private final List<BlockHeader> blocks;
  private final TipSetKey key;

  private TipSet(List<BlockHeader> blocks, TipSetKey key) {
    this.blocks = blocks;
    this.key = key;
  }

  /**
   * Builds a tipset from blocks in any order.
   *
   * @throws IllegalArgumentException when the blocks do not form a tipset
   */
  public static TipSet of(List<BlockHeader> headers) {
    if (headers.isEmpty()) {
      throw new IllegalArgumentException("a tipset needs at least one block");
    }
    List<Sortable> sorted = new ArrayList<>(headers.size());
    for (BlockHeader h : headers) {
      sorted.add(new Sortable(h));
    }
    sorted.sort(Comparator.naturalOrder());
    BlockHeader first = sorted.get(0).header;
    List<BlockHeader> blocks = new ArrayList<>(sorted.size());
    List<Cid> cids = new ArrayList<>(sorted.size());
    for (Sortable s : sorted) {
      BlockHeader b = s.header;
      if (b.height() != first.height()) {
        throw new IllegalArgumentException("blocks of a tipset must share one height");
      }
      if (!b.parents().equals(first.parents())) {
        throw new IllegalArgumentException("blocks of a tipset must share their parents");
      }
      if (!b.parentWeight().equals(first.parentWeight())) {
        throw new IllegalArgumentException("blocks of a tipset must share the parent weight");
      }
      if (!b.parentStateRoot().equals(first.parentStateRoot())) {
        throw new IllegalArgumentException("blocks of a tipset must share the parent state root");
      }
      if (cids.contains(s.cid)) {
        throw new IllegalArgumentException("block " + s.cid + " appears twice in the tipset");
      }
      blocks.add(b);
      cids.add(s.cid);
    }
    return new TipSet(List.copyOf(blocks), new TipSetKey(cids));
  }

  public static TipSet of(BlockHeader... headers) {
    return of(Arrays.asList(headers));
  }

  public List<BlockHeader> blocks() {
    return blocks;
  }

  public TipSetKey key() {
    return key;
  }

  public List<Cid> cids() {
    return key.cids();
  }

  public long height() {
    return blocks.get(0).height();
  }

  public TipSetKey parents() {
    return new TipSetKey(blocks.get(0).parents());
  }

  public BigInteger parentWeight() {
    return blocks.get(0).parentWeight();
  }

  public Cid parentStateRoot() {
    return blocks.get(0).parentStateRoot();
  }

  /** The block with the smallest ticket: the first. */
  public BlockHeader minTicketBlock() {
    return blocks.get(0);
  }

  public long minTimestamp() {
    long min = blocks.get(0).timestamp();
    for (BlockHeader b : blocks) {
      if (Long.compareUnsigned(b.timestamp(), min) < 0) {
        min = b.timestamp();
      }
    }
    return min;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TipSet && ((TipSet) o).key.equals(key);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return "TipSet[height " + height() + ", " + key + "]";
  }

  private static final class Sortable implements Comparable<Sortable> {
    final BlockHeader header;
    final Cid cid;
    final byte[] proof;

    Sortable(BlockHeader header) {
      this.header = header;
      this.cid = header.cid();
      this.proof = header.ticket() == null ? new byte[0] : header.ticket().vrfProof();
    }

    @Override
    public int compareTo(Sortable o) {
      if (Arrays.equals(proof, o.proof)) {
        return cid.compareTo(o.cid);
      }
      return new Ticket(proof).compareTo(new Ticket(o.proof));
    }
  }
}
