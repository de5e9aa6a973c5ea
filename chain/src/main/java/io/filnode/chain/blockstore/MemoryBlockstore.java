package io.filnode.chain.blockstore;

import io.filnode.chain.cid.Cid;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A blockstore in memory, for tests and scratch work. */
public final class MemoryBlockstore implements Blockstore {
  private final Map<Cid, byte[]> blocks = new ConcurrentHashMap<>();

  @Override
  public byte[] get(Cid cid) {
    return blocks.get(cid);
  }

  @Override
  public boolean has(Cid cid) {
    return blocks.containsKey(cid);
  }

  @Override
  public void put(Cid cid, byte[] data) {
    blocks.put(cid, data);
  }

  @Override
  public void delete(Cid cid) {
    blocks.remove(cid);
  }

  public int size() {
    return blocks.size();
  }
}
