package io.filnode.chain.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Chain metadata in memory, for tests and scratch chains. */
public final class MemoryChainMetadata implements ChainMetadata {
  private final Map<String, byte[]> values = new ConcurrentHashMap<>();

  @Override
  public byte[] get(String key) {
    byte[] v = values.get(key);
    return v == null ? null : v.clone();
  }

  @Override
  public void put(String key, byte[] value) {
    values.put(key, value.clone());
  }
}
