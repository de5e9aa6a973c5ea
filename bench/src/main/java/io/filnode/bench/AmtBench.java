package io.filnode.bench;

import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
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

/** AMT v3 (bit width 5, as miner sectors) with 100k and 1M dense entries: get, set, append. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AmtBench {
  @Param({"100000", "1000000"})
  public int size;

  private IpldStore store;
  private Amt amt;
  private Cid root;
  private long next;
  private long appended;

  static byte[] value(long i) {
    return new CborWriter().writeArrayHeader(2).writeUint64(i).writeText("sector").toByteArray();
  }

  @Setup(Level.Trial)
  public void build() throws CborException {
    store = new IpldStore(new MemoryBlockstore());
    amt = Amt.create(store, AmtOptions.v3(5));
    for (long i = 0; i < size; i++) {
      amt.set(i, value(i));
    }
    root = amt.flush();
    appended = size;
  }

  private long nextIndex() {
    next = (next + 0x9E3779B97F4A7C15L) & Long.MAX_VALUE;
    return next % size;
  }

  @Benchmark
  public byte[] get() throws CborException {
    return amt.get(nextIndex());
  }

  @Benchmark
  public byte[] getCold() throws CborException {
    return Amt.load(store, root, AmtOptions.v3(5)).get(nextIndex());
  }

  @Benchmark
  public boolean setExisting() throws CborException {
    long i = nextIndex();
    return amt.set(i, value(i + (next & 1)));
  }

  @Benchmark
  public boolean append() throws CborException {
    long i = appended++;
    return amt.set(i, value(i));
  }
}
