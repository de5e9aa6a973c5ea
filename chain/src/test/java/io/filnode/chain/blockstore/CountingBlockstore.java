package io.filnode.chain.blockstore;

import io.filnode.chain.cid.Cid;

/** A test store that counts gets and puts, to compare access patterns with Go's. */
public final class CountingBlockstore implements Blockstore {
  private final Blockstore under = new MemoryBlockstore();
  private int gets;
  private int puts;

  @Override
  public byte[] get(Cid cid) {
    gets++;
    return under.get(cid);
  }

  @Override
  public boolean has(Cid cid) {
    return under.has(cid);
  }

  @Override
  public void put(Cid cid, byte[] data) {
    puts++;
    under.put(cid, data);
  }

  @Override
  public void delete(Cid cid) {
    under.delete(cid);
  }

  public int gets() {
    return gets;
  }

  public int puts() {
    return puts;
  }

  public void reset() {
    gets = 0;
    puts = 0;
  }
}
