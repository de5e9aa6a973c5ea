package io.filnode.bench;

import io.filnode.chain.crypto.Blake2b;
import io.filnode.chain.crypto.Bls;
import io.filnode.chain.crypto.JavaSecp256k1;
import io.filnode.chain.crypto.NativeSecp256k1;
import io.filnode.chain.crypto.Secp256k1;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The crypto operations timed by this thread's CPU time rather than by the wall clock: on a shared
 * machine whose load average exceeds its core count, JMH's wall-clock figures say how much CPU the
 * scheduler gave us, while CPU time per operation says what one core does. Not a JMH benchmark (no
 * forks, no blackholes beyond a checked result); run after the JMH figures, as a second view:
 *
 * <pre>java -cp bench/target/benchmarks.jar io.filnode.bench.CryptoCpuTime</pre>
 */
public final class CryptoCpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CryptoCpuTime() {}

  public static void main(String[] args) throws Exception {
    Random rnd = new Random(1);
    int n = 256;
    byte[][] digests = new byte[n][32];
    byte[][] sigs = new byte[n][];
    Secp256k1 nativeSecp = new Secp256k1(new NativeSecp256k1());
    for (int i = 0; i < n; i++) {
      byte[] k = new byte[32];
      do {
        rnd.nextBytes(k);
      } while (!Secp256k1.isValidPrivateKey(k));
      rnd.nextBytes(digests[i]);
      sigs[i] = nativeSecp.signDigest(k, digests[i]);
    }
    for (Secp256k1 secp : List.of(nativeSecp, new Secp256k1(new JavaSecp256k1()))) {
      int[] i = {0};
      report(
          "secp256k1 recover (" + secp.backend().name() + ")",
          20_000,
          () -> secp.recoverDigest(digests[i[0] % n], sigs[i[0]++ % n]).isPresent());
    }

    for (int size : new int[] {1024, 1 << 20}) {
      byte[] data = new byte[size];
      rnd.nextBytes(data);
      int count = size == 1024 ? 50_000 : 100;
      byte[] expected = Blake2b.sum256(data);
      report(
          "blake2b-256 " + size + " B", count, () -> Arrays.equals(Blake2b.sum256(data), expected));
      report(
          "blake2b-256 " + size + " B (BouncyCastle)",
          count,
          () -> Arrays.equals(bouncyCastleBlake2b256(data), expected));
    }

    SecureRandom seeds = new SecureRandom();
    List<byte[]> pks = new ArrayList<>();
    List<byte[]> msgs = new ArrayList<>();
    List<byte[]> blsSigs = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      byte[] k = Bls.generatePrivateKey(seeds);
      byte[] m = new byte[38];
      rnd.nextBytes(m);
      pks.add(Bls.publicKey(k));
      msgs.add(m);
      blsSigs.add(Bls.sign(k, m));
    }
    byte[] agg = Bls.aggregate(blsSigs);
    int[] j = {0};
    report(
        "BLS verify",
        2_000,
        () -> Bls.verify(pks.get(j[0] % 1000), msgs.get(j[0] % 1000), blsSigs.get(j[0]++ % 1000)));
    report("BLS aggregate verify, 1,000 messages", 12, () -> Bls.aggregateVerify(pks, msgs, agg));
  }

  /** What {@link Blake2b} replaced, for comparison. */
  private static byte[] bouncyCastleBlake2b256(byte[] data) {
    Blake2bDigest d = new Blake2bDigest(256);
    d.update(data, 0, data.length);
    byte[] out = new byte[32];
    d.doFinal(out, 0);
    return out;
  }

  /** Runs {@code op} a fifth of {@code count} times to warm up, then {@code count} times timed. */
  private static void report(String what, int count, BooleanSupplier op) {
    for (int i = 0; i < count / 5; i++) {
      check(op);
    }
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    for (int i = 0; i < count; i++) {
      check(op);
    }
    double cpuUs = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e3 / count;
    double wallUs = (System.nanoTime() - wall0) / 1e3 / count;
    System.out.printf(
        Locale.ROOT,
        "%-40s %12.1f us CPU/op (%,.0f ops per CPU-second)   %12.1f us wall/op%n",
        what,
        cpuUs,
        1e6 / cpuUs,
        wallUs);
  }

  private static void check(BooleanSupplier op) {
    if (!op.getAsBoolean()) {
      throw new IllegalStateException("an operation that must succeed failed");
    }
  }
}
