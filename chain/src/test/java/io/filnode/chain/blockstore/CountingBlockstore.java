package io.filnode.chain.blockstore;

import io.filnode.chain.cid.Cid;

/** A memory blockstore that counts gets and puts, as the VM's gas-charging store would see them. */
public final class CountingBlockstore implements Blockstore {
  private final MemoryBlockstore inner = new MemoryBlockstore();
  private int gets;
  private int puts;

  @Override
  public byte[] get(Cid cid) {
    gets++;
    return inner.get(cid);
  }

  @Override
  public boolean has(Cid cid) {
    return inner.has(cid);
  }

  @Override
  public void put(Cid cid, byte[] data) {
    puts++;
    inner.put(cid, data);
  }

  @Override
  public void delete(Cid cid) {
    inner.delete(cid);
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
