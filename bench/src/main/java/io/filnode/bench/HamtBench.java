package io.filnode.bench;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.hamt.Hamt;
import io.filnode.chain.hamt.HamtOptions;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * HAMT (v3 form, bit width 5, SHA-256 keys, as the state tree) with 100k and 1M entries: reads
 * through cached nodes, reads from a freshly loaded root (decoding the path), overwrites, and
 * inserts of new keys. Keys are 9-byte ID-address-like strings; values small CBOR arrays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HamtBench {
  @Param({"100000", "1000000"})
  public int size;

  private IpldStore store;
  private Hamt hamt;
  private Cid root;
  private long next;
  private long inserted;

  static byte[] key(long i) {
    return ByteBuffer.allocate(9).put((byte) 0).putLong(i).array();
  }

  static byte[] value(long i) {
    return new CborWriter().writeArrayHeader(2).writeUint64(i).writeBytes(key(i)).toByteArray();
  }

  @Setup(Level.Trial)
  public void build() throws CborException {
    store = new IpldStore(new MemoryBlockstore());
    hamt = Hamt.create(store, HamtOptions.v3(5));
    for (long i = 0; i < size; i++) {
      hamt.set(key(i), value(i));
    }
    root = hamt.flush();
    inserted = size;
  }

  private long nextKey() {
    next = (next + 0x9E3779B97F4A7C15L) & Long.MAX_VALUE;
    return next % size;
  }

  @Benchmark
  public byte[] get() throws CborException {
    return hamt.get(key(nextKey()));
  }

  @Benchmark
  public byte[] getCold() throws CborException {
    return Hamt.load(store, root, HamtOptions.v3(5)).get(key(nextKey()));
  }

  @Benchmark
  public boolean setExisting() throws CborException {
    long k = nextKey();
    return hamt.set(key(k), value(k + (next & 1)));
  }

  @Benchmark
  public boolean insert() throws CborException {
    long k = inserted++;
    return hamt.set(key(k), value(k));
  }
}
