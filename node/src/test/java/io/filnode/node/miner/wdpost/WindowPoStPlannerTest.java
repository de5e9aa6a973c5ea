package io.filnode.node.miner.wdpost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.builtin.SealProofs;
import io.filnode.actors.v2.miner.Policy;
import io.filnode.chain.bitfield.BitField;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class WindowPoStPlannerTest {
  private static final long WINDOW = Policy.WPOST_CHALLENGE_WINDOW;
  private static final long PPS = 1000;

  /** Deadline 3 of the period starting at PPS is current, with one healthy partition. */
  private static FakeProvingState deadline3() {
    return new FakeProvingState(PPS, 3).healthy(3, 1, 2, 3);
  }

  private static long open3() {
    return PPS + 3 * WINDOW;
  }

  @Test
  void provesFromSubmitConfidenceAfterOpeningUntilTheWindowCloses() {
    FakeProvingState st = deadline3();
    long open = open3();
    assertThat(WindowPoStPlanner.plan(st, open - 1, none())).isEmpty();
    assertThat(WindowPoStPlanner.plan(st, open, none())).isEmpty();
    assertThat(WindowPoStPlanner.plan(st, open + WindowPoStPlanner.SUBMIT_CONFIDENCE - 1, none()))
        .isEmpty();
    Optional<WindowPoStPlanner.Plan> plan =
        WindowPoStPlanner.plan(st, open + WindowPoStPlanner.SUBMIT_CONFIDENCE, none());
    assertThat(plan).isPresent();
    assertThat(plan.get().deadline().index()).isEqualTo(3);
    assertThat(plan.get().deadline().open()).isEqualTo(open);
    assertThat(plan.get().deadline().challenge()).isEqualTo(open - Policy.WPOST_CHALLENGE_LOOKBACK);
    assertThat(plan.get().postProofType()).isEqualTo(SealProofs.WINDOW_POST_32GIB_V1);
    assertThat(plan.get().batches()).containsExactly(List.of(0L));
    assertThat(WindowPoStPlanner.plan(st, open + WINDOW - 1, none())).isPresent();
    // Closed: the next occurrence of deadline 3 is a period away.
    assertThat(WindowPoStPlanner.plan(st, open + WINDOW, none())).isEmpty();
  }

  @Test
  void nothingBeforeTheFirstProvingPeriodStarts() {
    FakeProvingState st = new FakeProvingState(PPS, 0).healthy(0, 1);
    assertThat(WindowPoStPlanner.plan(st, PPS - 1, none())).isEmpty();
    assertThat(WindowPoStPlanner.plan(st, PPS + WindowPoStPlanner.SUBMIT_CONFIDENCE, none()))
        .isPresent();
  }

  @Test
  void deadlineWithoutPartitionsNeedsNoProof() {
    FakeProvingState st = new FakeProvingState(PPS, 4).healthy(3, 1);
    assertThat(WindowPoStPlanner.plan(st, PPS + 4 * WINDOW + 10, none())).isEmpty();
  }

  @Test
  void skipsPartitionsProvenOnChainOrSubmittedByUs() {
    FakeProvingState st =
        new FakeProvingState(PPS, 3).healthy(3, 1).healthy(3, 2).healthy(3, 3).healthy(3, 4);
    st.postSubmissions.put(3L, BitField.of(1));
    long h = open3() + 10;
    assertThat(WindowPoStPlanner.plan(st, h, BitField.of(2)).orElseThrow().batches())
        .containsExactly(List.of(0L, 3L));
    assertThat(WindowPoStPlanner.plan(st, h, BitField.of(0, 2, 3))).isEmpty();
  }

  @Test
  void skipsPartitionsWithNothingToProveButProvesRecoveringFaults() {
    FakeProvingState st =
        new FakeProvingState(PPS, 3)
            // 0: all terminated (no live sectors)
            .partition(3, BitField.empty(), BitField.empty(), BitField.empty())
            // 1: all faulty, none recovering
            .partition(3, BitField.of(5, 6), BitField.of(5, 6), BitField.empty())
            // 2: all faulty, one recovering
            .partition(3, BitField.of(7, 8), BitField.of(7, 8), BitField.of(8))
            // 3: partly faulty
            .partition(3, BitField.of(9, 10), BitField.of(9), BitField.empty());
    assertThat(WindowPoStPlanner.plan(st, open3() + 10, none()).orElseThrow().batches())
        .containsExactly(List.of(2L, 3L));
  }

  @Test
  void batchesAsManyPartitionsAsOneMessageMayAddress() {
    // 32 GiB: 2349 sectors a partition, 10,000 sectors a message: 4 partitions a message.
    assertThat(WindowPoStPlanner.partitionsPerMessage(SealProofs.WINDOW_POST_32GIB_V1))
        .isEqualTo(4);
    assertThat(WindowPoStPlanner.partitionsPerMessage(SealProofs.WINDOW_POST_64GIB_V1))
        .isEqualTo(4);
    // 2 KiB: 5000 would fit, but a message declares at most 3000 partitions.
    assertThat(WindowPoStPlanner.partitionsPerMessage(SealProofs.WINDOW_POST_2KIB_V1))
        .isEqualTo(3000);
    FakeProvingState st = new FakeProvingState(PPS, 3);
    for (int i = 0; i < 10; i++) {
      st.healthy(3, i);
    }
    assertThat(WindowPoStPlanner.plan(st, open3() + 10, none()).orElseThrow().batches())
        .containsExactly(List.of(0L, 1L, 2L, 3L), List.of(4L, 5L, 6L, 7L), List.of(8L, 9L));
  }

  @Test
  void unknownProofTypesAreRefused() {
    FakeProvingState st = deadline3();
    st.sealProofType = 42;
    assertThatThrownBy(() -> WindowPoStPlanner.plan(st, open3() + 10, none()))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> WindowPoStPlanner.partitionsPerMessage(SealProofs.STACKED_DRG_2KIB_V1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 200)
  void batchesCoverExactlyThePartitionsToProve(
      @ForAll @IntRange(min = 1, max = 40) int count,
      @ForAll("subsets") long proven,
      @ForAll @IntRange(min = 0, max = 59) int offset) {
    FakeProvingState st = new FakeProvingState(PPS, 3);
    List<Long> expected = new ArrayList<>();
    List<Long> provenList = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      st.healthy(3, i);
      if ((proven >>> i & 1) == 1) {
        provenList.add((long) i);
      } else {
        expected.add((long) i);
      }
    }
    st.postSubmissions.put(3L, BitField.fromSet(provenList));
    Optional<WindowPoStPlanner.Plan> plan = WindowPoStPlanner.plan(st, open3() + offset, none());
    if (offset < WindowPoStPlanner.SUBMIT_CONFIDENCE || expected.isEmpty()) {
      assertThat(plan).isEmpty();
      return;
    }
    List<Long> flat = new ArrayList<>();
    for (List<Long> batch : plan.orElseThrow().batches()) {
      assertThat(batch).isNotEmpty().hasSizeLessThanOrEqualTo(4);
      flat.addAll(batch);
    }
    assertThat(flat).isEqualTo(expected);
    assertThat(plan.get().batches()).hasSize((expected.size() + 3) / 4);
  }

  @Provide
  Arbitrary<Long> subsets() {
    return Arbitraries.longs();
  }

  private static BitField none() {
    return BitField.empty();
  }
}
