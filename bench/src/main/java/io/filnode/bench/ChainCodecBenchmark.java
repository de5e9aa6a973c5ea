package io.filnode.bench;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.ElectionProof;
import io.filnode.chain.types.PoStProof;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
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

/** Decoding and hashing of the chain types on the sync path. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChainCodecBenchmark {
  private byte[] header;
  private byte[] signedMessage;
  private String cidText;
  private Cid cid;

  @Setup
  public void setup() {
    Random rnd = new Random(1);
    // a mainnet-shaped header: BLS miner signature, one beacon, one winning PoSt, 2 parents
    BlockHeader h =
        new BlockHeader(
            Address.newId(1000),
            new Ticket(bytes(rnd, 96)),
            new ElectionProof(1, bytes(rnd, 96)),
            List.of(new BeaconEntry(1_000_000, bytes(rnd, 96))),
            List.of(new PoStProof(3, bytes(rnd, 192))),
            List.of(Cid.ofDagCbor(bytes(rnd, 8)), Cid.ofDagCbor(bytes(rnd, 8))),
            new BigInteger("34512012345678"),
            1_000_000,
            Cid.ofDagCbor(bytes(rnd, 8)),
            Cid.ofDagCbor(bytes(rnd, 8)),
            Cid.ofDagCbor(bytes(rnd, 8)),
            new Signature(SignatureType.BLS, bytes(rnd, 96)),
            1_600_000_000L,
            new Signature(SignatureType.BLS, bytes(rnd, 96)),
            0,
            TokenAmount.ofAtto(100_000_000));
    header = h.toCbor();
    UnsignedMessage m =
        new UnsignedMessage(
            0,
            Address.newId(1234),
            Address.newSecp256k1(bytes(rnd, 65)),
            42,
            TokenAmount.parse("1.5"),
            2_000_000,
            TokenAmount.ofAtto(100_000),
            TokenAmount.ofAtto(1000),
            0,
            new byte[0]);
    signedMessage =
        new SignedMessage(m, new Signature(SignatureType.SECP256K1, bytes(rnd, 65))).toCbor();
    cid = h.cid();
    cidText = cid.toString();
  }

  private static byte[] bytes(Random rnd, int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  /**
   * What sync does with a header off the wire: strict decoding proves the bytes canonical, so the
   * CID is the hash of the bytes as received.
   */
  @Benchmark
  public Cid blockHeaderDecodeAndCid() throws CborException {
    BlockHeader.fromCbor(header);
    return Cid.ofDagCbor(header);
  }

  /** The same when only the value is at hand: encode again, then hash. */
  @Benchmark
  public Cid blockHeaderDecodeReencodeCid() throws CborException {
    return BlockHeader.fromCbor(header).cid();
  }

  @Benchmark
  public SignedMessage signedMessageDecode() throws CborException {
    return SignedMessage.fromCbor(signedMessage);
  }

  @Benchmark
  public Cid cidParse() {
    return Cid.parse(cidText);
  }

  @Benchmark
  public String cidPrint() {
    return cid.toString();
  }
}
