package io.filnode.bench;

import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.SignatureVerifier;
import io.filnode.chain.crypto.Signer;
import io.filnode.chain.state.Actor;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.mpool.LocalMessageStore;
import io.filnode.mpool.MessagePool;
import io.filnode.mpool.MpoolConfig;
import io.filnode.mpool.MpoolException;
import io.filnode.mpool.MpoolProvider;
import io.filnode.mpool.MpoolProviderException;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signed secp256k1 messages admitted per second by {@link MessagePool#push}, the path of {@code
 * MpoolPush}: size and syntax checks, signature verification (public-key recovery), nonce and
 * balance against the provider, insertion, the local store. The provider answers from memory
 * (actors in a map, one fixed tipset), so this is the pool's own cost. 200 senders × 20 nonces are
 * signed beforehand; when all are in, the pool is cleared (also its store) and they are pushed
 * again, so the pool stays between 0 and 4,000 messages. {@code verifyOnly} is the signature check
 * alone, for the ratio. One thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MpoolAdmissionBenchmark {
  private static final int SENDERS = 200;
  private static final int NONCES = 20;
  private static final Cid DUMMY = Cid.ofDagCbor(new byte[] {0x60});

  private SignedMessage[] messages;
  private MessagePool pool;
  private int next;

  @Setup
  public void setUp() throws Exception {
    MemoryProvider provider = new MemoryProvider();
    messages = new SignedMessage[SENDERS * NONCES];
    for (int s = 0; s < SENDERS; s++) {
      byte[] key = new byte[32];
      key[0] = 1;
      key[30] = (byte) (s >> 8);
      key[31] = (byte) s;
      Address from = Signer.address(SignatureType.SECP256K1, key);
      provider.actors.put(from, new Actor(DUMMY, DUMMY, 0, TokenAmount.ofFil(1000)));
      for (int n = 0; n < NONCES; n++) {
        UnsignedMessage m =
            new UnsignedMessage(
                0,
                Address.newId(1000 + s),
                from,
                n,
                TokenAmount.ofAtto(1),
                2_000_000,
                TokenAmount.ofAtto(200_000),
                TokenAmount.ofAtto(100_000 + n),
                0,
                new byte[0]);
        // interleaved by sender, so consecutive pushes touch different senders
        messages[n * SENDERS + s] = Signer.signMessage(SignatureType.SECP256K1, key, m);
      }
    }
    pool =
        new MessagePool(
            provider, new MemoryStore(), MpoolConfig.defaults(), provider.head, () -> 0L);
  }

  @Benchmark
  public Cid push() throws MpoolException {
    if (next == messages.length) {
      pool.clear(true);
      next = 0;
    }
    return pool.push(messages[next++]);
  }

  @Benchmark
  public boolean verifyOnly() {
    SignedMessage m = messages[next];
    next = (next + 1) % messages.length;
    return SignatureVerifier.verifyMessage(m);
  }

  /** Actors from a map, one tipset, base fee 100 attoFIL, nothing published or stored. */
  private static final class MemoryProvider implements MpoolProvider {
    final Map<Address, Actor> actors = new HashMap<>();
    final TipSet head =
        TipSet.of(
            new BlockHeader(
                Address.newId(1000),
                new Ticket(new byte[] {1}),
                null,
                List.of(),
                List.of(),
                List.of(),
                BigInteger.ZERO,
                10,
                DUMMY,
                DUMMY,
                DUMMY,
                null,
                0,
                null,
                0,
                TokenAmount.ofAtto(100)));

    @Override
    public Optional<Actor> getActorAfter(Address address, TipSet tipSet) {
      return Optional.ofNullable(actors.get(address));
    }

    @Override
    public Address resolveToKey(Address address, TipSet tipSet) {
      return address;
    }

    @Override
    public BlockMessages messagesForBlock(BlockHeader block) {
      return new BlockMessages(List.of(), List.of());
    }

    @Override
    public TipSet loadTipSet(TipSetKey key) throws MpoolProviderException {
      throw new MpoolProviderException("only one tipset");
    }

    @Override
    public TokenAmount computeBaseFee(TipSet tipSet) {
      return TokenAmount.ofAtto(100);
    }

    @Override
    public long onChainMessageGas(long epoch, int chainLength) {
      return 38_863 + 36L * chainLength;
    }

    @Override
    public void putMessage(SignedMessage message) {}

    @Override
    public void publish(byte[] signedMessageCbor) {}
  }

  /** The local store in memory. */
  private static final class MemoryStore implements LocalMessageStore {
    private final Map<Cid, byte[]> messages = new HashMap<>();

    @Override
    public void put(Cid cid, byte[] signedMessageCbor) {
      messages.put(cid, signedMessageCbor);
    }

    @Override
    public void delete(Cid cid) {
      messages.remove(cid);
    }

    @Override
    public List<byte[]> all() {
      return List.copyOf(messages.values());
    }
  }
}
