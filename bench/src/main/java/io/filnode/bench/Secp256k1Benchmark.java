package io.filnode.bench;

import io.filnode.chain.crypto.CryptoException;
import io.filnode.chain.crypto.JavaSecp256k1;
import io.filnode.chain.crypto.NativeSecp256k1;
import io.filnode.chain.crypto.Secp256k1;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * secp256k1 on each backend: public-key recovery (how Lotus checks every secp256k1 message) and
 * signing as {@link Secp256k1#signDigest} does it (sign, then find the recovery id). One thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Secp256k1Benchmark {
  private static final int CASES = 256;

  @Param({"native", "java"})
  public String backend;

  private Secp256k1 secp;
  private byte[][] keys;
  private byte[][] digests;
  private byte[][] signatures;
  private int next;

  @Setup
  public void setup() throws CryptoException {
    secp = new Secp256k1("native".equals(backend) ? new NativeSecp256k1() : new JavaSecp256k1());
    Random rnd = new Random(1);
    keys = new byte[CASES][];
    digests = new byte[CASES][32];
    signatures = new byte[CASES][];
    for (int i = 0; i < CASES; i++) {
      keys[i] = new byte[32];
      do {
        rnd.nextBytes(keys[i]);
      } while (!Secp256k1.isValidPrivateKey(keys[i]));
      rnd.nextBytes(digests[i]);
      signatures[i] = secp.signDigest(keys[i], digests[i]);
    }
  }

  private int nextCase() {
    next = (next + 1) % CASES;
    return next;
  }

  @Benchmark
  public Optional<byte[]> recover() {
    int i = nextCase();
    return secp.recoverDigest(digests[i], signatures[i]);
  }

  @Benchmark
  public byte[] sign() throws CryptoException {
    int i = nextCase();
    return secp.signDigest(keys[i], digests[i]);
  }
}
