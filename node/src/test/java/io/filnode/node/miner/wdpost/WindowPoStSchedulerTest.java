package io.filnode.node.miner.wdpost;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin;
import io.filnode.actors.builtin.SealProofs;
import io.filnode.actors.runtime.DomainSeparationTag;
import io.filnode.actors.v2.miner.PoStPartition;
import io.filnode.actors.v2.miner.Policy;
import io.filnode.actors.v2.miner.SubmitWindowedPoStParams;
import io.filnode.chain.address.Address;
import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.node.miner.LocalMiner;
import io.filnode.vm.Randomness;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowPoStSchedulerTest {
  private static final long WINDOW = Policy.WPOST_CHALLENGE_WINDOW;
  private static final long PPS = 500;
  private static final LocalMiner MINER_A =
      new LocalMiner(Address.newId(1000), Address.newBls(new byte[48]));
  private static final LocalMiner MINER_B =
      new LocalMiner(Address.newId(1001), Address.newBls(filled(48, 7)));

  /** States by miner; the randomness names the tag, epoch and head it was drawn for. */
  private final Map<Address, FakeProvingState> states = new HashMap<>();

  private final List<UnsignedMessage> sent = new ArrayList<>();
  private int failNextSubmissions;

  private final WindowPoStScheduler.ChainReader chain =
      new WindowPoStScheduler.ChainReader() {
        @Override
        public ProvingState provingState(TipSet head, Address minerId) {
          FakeProvingState st = states.get(minerId);
          if (st == null) {
            throw new IllegalStateException("no miner " + minerId);
          }
          return st;
        }

        @Override
        public Randomness randomness(TipSet head) {
          return new Randomness() {
            @Override
            public byte[] chainRandomness(DomainSeparationTag tag, long epoch, byte[] entropy) {
              return ByteBuffer.allocate(32)
                  .putLong(tag.value())
                  .putLong(epoch)
                  .putLong(head.height())
                  .putLong(entropy.length)
                  .array();
            }

            @Override
            public byte[] beaconRandomness(DomainSeparationTag tag, long epoch, byte[] entropy) {
              throw new AssertionError("Window PoSt commits to chain randomness");
            }
          };
        }
      };

  private final MessageSubmitter submitter =
      msg -> {
        if (failNextSubmissions > 0) {
          failNextSubmissions--;
          throw new IllegalStateException("mpool full");
        }
        sent.add(msg);
        return Cid.ofDagCbor(msg.toCbor());
      };

  private WindowPoStScheduler scheduler(LocalMiner... miners) {
    return new WindowPoStScheduler(chain, List.of(miners), submitter);
  }

  @Test
  void submitsOneMessagePerBatchFromTheWorkerToTheMiner() throws Exception {
    FakeProvingState st = new FakeProvingState(PPS, 2);
    for (int i = 0; i < 5; i++) {
      st.healthy(2, 10 * i, 10 * i + 1);
    }
    states.put(MINER_A.minerId(), st);
    long open = PPS + 2 * WINDOW;
    long height = open + WindowPoStPlanner.SUBMIT_CONFIDENCE;

    scheduler(MINER_A).onHead(tipSet(height));

    assertThat(sent).hasSize(2);
    List<List<Long>> partitions = new ArrayList<>();
    for (UnsignedMessage msg : sent) {
      assertThat(msg.from()).isEqualTo(MINER_A.worker());
      assertThat(msg.to()).isEqualTo(MINER_A.minerId());
      assertThat(msg.method()).isEqualTo(Builtin.MethodsMiner.SUBMIT_WINDOWED_POST);
      assertThat(msg.value()).isEqualTo(TokenAmount.ZERO);
      assertThat(msg.nonce()).isZero();
      assertThat(msg.gasLimit()).isZero();
      SubmitWindowedPoStParams p =
          CborReader.decodeWhole(msg.params(), "params", SubmitWindowedPoStParams::decode);
      assertThat(p.deadline()).isEqualTo(2);
      assertThat(p.proofs()).hasSize(1);
      assertThat(p.proofs().get(0).postProof()).isEqualTo(SealProofs.WINDOW_POST_32GIB_V1);
      assertThat(p.proofs().get(0).proofBytes()).hasSize(WindowPoStScheduler.MOCK_PROOF_LENGTH);
      long challenge = open - Policy.WPOST_CHALLENGE_LOOKBACK;
      assertThat(p.chainCommitEpoch()).isEqualTo(challenge);
      assertThat(p.chainCommitRand())
          .isEqualTo(
              ByteBuffer.allocate(32)
                  .putLong(DomainSeparationTag.POST_CHAIN_COMMIT.value())
                  .putLong(challenge)
                  .putLong(height)
                  .putLong(0)
                  .array());
      assertThat(p.partitions()).allSatisfy(part -> assertThat(part.skipped().isEmpty()).isTrue());
      partitions.add(p.partitions().stream().map(PoStPartition::index).toList());
    }
    assertThat(partitions).containsExactly(List.of(0L, 1L, 2L, 3L), List.of(4L));
  }

  @Test
  void submitsOncePerDeadlineAndAgainInTheNext() {
    FakeProvingState st = new FakeProvingState(PPS, 2).healthy(2, 1).healthy(3, 2);
    states.put(MINER_A.minerId(), st);
    WindowPoStScheduler s = scheduler(MINER_A);
    long open2 = PPS + 2 * WINDOW;
    for (long h = open2; h < open2 + WINDOW; h++) {
      s.onHead(tipSet(h));
    }
    assertThat(sent).hasSize(1);
    // The actor's cron moves the miner on to deadline 3.
    st.currentDeadline = 3;
    for (long h = open2 + WINDOW; h < open2 + 2 * WINDOW; h++) {
      s.onHead(tipSet(h));
    }
    assertThat(sent).hasSize(2);
    assertThat(deadlineOf(sent.get(0))).isEqualTo(2);
    assertThat(deadlineOf(sent.get(1))).isEqualTo(3);
  }

  @Test
  void nothingWhenTheChainAlreadyHasTheProof() {
    FakeProvingState st = new FakeProvingState(PPS, 2).healthy(2, 1);
    st.postSubmissions.put(2L, BitField.of(0));
    states.put(MINER_A.minerId(), st);
    scheduler(MINER_A).onHead(tipSet(PPS + 2 * WINDOW + 10));
    assertThat(sent).isEmpty();
  }

  @Test
  void aFailedSubmissionIsRetriedOnTheNextHead() {
    states.put(MINER_A.minerId(), new FakeProvingState(PPS, 2).healthy(2, 1));
    WindowPoStScheduler s = scheduler(MINER_A);
    long h = PPS + 2 * WINDOW + 10;
    failNextSubmissions = 1;
    s.onHead(tipSet(h));
    assertThat(sent).isEmpty();
    s.onHead(tipSet(h + 1));
    assertThat(sent).hasSize(1);
    s.onHead(tipSet(h + 2));
    assertThat(sent).hasSize(1);
  }

  @Test
  void oneMinerFailingDoesNotStopTheOthers() {
    // MINER_A has no state at all; MINER_B has a partition due.
    states.put(MINER_B.minerId(), new FakeProvingState(PPS, 0).healthy(0, 1));
    scheduler(MINER_A, MINER_B).onHead(tipSet(PPS + 10));
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).to()).isEqualTo(MINER_B.minerId());
    assertThat(sent.get(0).from()).isEqualTo(MINER_B.worker());
  }

  private static long deadlineOf(UnsignedMessage msg) {
    try {
      return CborReader.decodeWhole(msg.params(), "params", SubmitWindowedPoStParams::decode)
          .deadline();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static TipSet tipSet(long height) {
    Cid root = Cid.ofDagCbor(new byte[] {(byte) 0x80});
    return TipSet.of(
        new BlockHeader(
            MINER_A.minerId(),
            new Ticket(new byte[] {(byte) height}),
            null,
            List.of(),
            List.of(),
            List.of(root),
            BigInteger.valueOf(height),
            height,
            root,
            root,
            root,
            null,
            1_600_000_000L + height * 30,
            null,
            0,
            TokenAmount.ZERO));
  }

  private static byte[] filled(int n, int value) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) value);
    return b;
  }
}
