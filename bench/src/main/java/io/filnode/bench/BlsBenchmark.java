package io.filnode.bench;

import io.filnode.chain.crypto.Bls;
import io.filnode.chain.crypto.CryptoException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * BLS (blst): one signature over a CID-sized message, its verification, and the verification of a
 * block-sized aggregate (1,000 distinct signers and messages) on one thread and split over two.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class BlsBenchmark {
  private static final int AGGREGATED = 1000;

  /** The length of a message CID (CIDv1, dag-cbor, blake2b-256). */
  private static final int CID_BYTES = 38;

  private byte[] key;
  private byte[] publicKey;
  private byte[] message;
  private byte[] signature;
  private List<byte[]> publicKeys;
  private List<byte[]> messages;
  private byte[] aggregate;
  private ExecutorService twoThreads;

  @Setup(Level.Trial)
  public void setup() throws CryptoException {
    SecureRandom seeds = new SecureRandom();
    Random rnd = new Random(1);
    publicKeys = new ArrayList<>(AGGREGATED);
    messages = new ArrayList<>(AGGREGATED);
    List<byte[]> signatures = new ArrayList<>(AGGREGATED);
    for (int i = 0; i < AGGREGATED; i++) {
      byte[] k = Bls.generatePrivateKey(seeds);
      byte[] m = new byte[CID_BYTES];
      rnd.nextBytes(m);
      publicKeys.add(Bls.publicKey(k));
      messages.add(m);
      signatures.add(Bls.sign(k, m));
    }
    aggregate = Bls.aggregate(signatures);
    key = Bls.generatePrivateKey(seeds);
    publicKey = Bls.publicKey(key);
    message = messages.get(0);
    signature = Bls.sign(key, message);
    if (!Bls.verify(publicKey, message, signature)
        || !Bls.aggregateVerify(publicKeys, messages, aggregate)) {
      throw new IllegalStateException("benchmark data does not verify");
    }
    twoThreads = Executors.newFixedThreadPool(2);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    twoThreads.shutdownNow();
  }

  @Benchmark
  public byte[] sign() throws CryptoException {
    return Bls.sign(key, message);
  }

  @Benchmark
  public boolean verify() {
    return Bls.verify(publicKey, message, signature);
  }

  @Benchmark
  public boolean aggregateVerify1000() {
    return Bls.aggregateVerify(publicKeys, messages, aggregate);
  }

  @Benchmark
  public boolean aggregateVerify1000TwoThreads() {
    return Bls.aggregateVerify(publicKeys, messages, aggregate, twoThreads, 2);
  }
}
