package io.filnode.actors.v2.miner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.util.adt.AdtArray;
import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.blockstore.IpldStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ports specs-actors miner deadline_state_test.go (TestDeadlines). */
class DeadlineTest {
  private static final long SSIZE = MinerFixtures.SECTOR_SIZE_32G;
  private static final QuantSpec QUANT = new QuantSpec(4, 1);
  private static final long PARTITION_SIZE = 4;
  private static final List<SectorOnChainInfo> SECTORS =
      List.of(
          MinerFixtures.testSector(2, 1, 50, 60, 1000),
          MinerFixtures.testSector(3, 2, 51, 61, 1001),
          MinerFixtures.testSector(7, 3, 52, 62, 1002),
          MinerFixtures.testSector(8, 4, 53, 63, 1003),
          MinerFixtures.testSector(8, 5, 54, 64, 1004),
          MinerFixtures.testSector(11, 6, 55, 65, 1005),
          MinerFixtures.testSector(13, 7, 56, 66, 1006),
          MinerFixtures.testSector(8, 8, 57, 67, 1007),
          MinerFixtures.testSector(8, 9, 58, 68, 1008));
  private static final List<SectorOnChainInfo> EXTRA =
      List.of(MinerFixtures.testSector(8, 10, 58, 68, 1008));
  private static final List<SectorOnChainInfo> ALL = concat(SECTORS, EXTRA);

  private final IpldStore store = MinerFixtures.store();

  private static List<SectorOnChainInfo> concat(
      List<SectorOnChainInfo> a, List<SectorOnChainInfo> b) {
    List<SectorOnChainInfo> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private static BitField bf(long... bits) {
    return BitField.of(bits);
  }

  private static PowerPair sectorPower(long... nos) {
    return ExpirationQueue.powerForSectors(SSIZE, Sectors.select(ALL, BitField.of(nos)));
  }

  private Sectors sectorsArr(List<SectorOnChainInfo> sectors) {
    Sectors s = Sectors.load(store, MinerFixtures.emptyArray(store));
    s.store(sectors);
    s.flush();
    return s;
  }

  private Deadline emptyDeadline() {
    return Deadline.construct(MinerFixtures.emptyArray(store));
  }

  private static PartitionSectorMap psm(long p1, BitField s1, long p2, BitField s2) {
    PartitionSectorMap m = new PartitionSectorMap();
    m.add(p1, s1);
    m.add(p2, s2);
    return m;
  }

  /** The expected state of every partition, as expectedDeadlineState.assert checks it. */
  private void assertPartitions(
      Deadline dl,
      BitField faults,
      BitField recovering,
      BitField terminations,
      BitField unproven,
      BitField posts,
      BitField... partitions) {
    AdtArray arr = dl.partitionsArray(store);
    assertThat(arr.length()).isEqualTo(partitions.length);
    BitField allFaults = BitField.empty();
    BitField allRecovering = BitField.empty();
    BitField allTerminated = BitField.empty();
    BitField allUnproven = BitField.empty();
    for (int i = 0; i < partitions.length; i++) {
      Partition p = arr.get(i, Partition::decode);
      assertThat(p.sectors()).as("partition %d", i).isEqualTo(partitions[i]);
      p.validateState();
      allFaults = allFaults.union(p.faults());
      allRecovering = allRecovering.union(p.recoveries());
      allTerminated = allTerminated.union(p.terminated());
      allUnproven = allUnproven.union(p.unproven());
    }
    assertThat(allFaults).isEqualTo(faults);
    assertThat(allRecovering).isEqualTo(recovering);
    assertThat(allTerminated).isEqualTo(terminations);
    assertThat(allUnproven).isEqualTo(unproven);
    assertThat(dl.postSubmissions()).isEqualTo(posts);
    dl.validateState();
  }

  private static final BitField[] THREE_PARTITIONS = {bf(1, 2, 3, 4), bf(5, 6, 7, 8), bf(9)};
  private static final BitField[] WITH_EXTRA = {bf(1, 2, 3, 4), bf(5, 6, 7, 8), bf(9, 10)};

  private void addSectors(Deadline dl, boolean prove) {
    assertThat(dl.addSectors(store, PARTITION_SIZE, false, SECTORS, SSIZE, QUANT).isZero())
        .isTrue();
    assertPartitions(dl, bf(), bf(), bf(), bf(1, 2, 3, 4, 5, 6, 7, 8, 9), bf(), THREE_PARTITIONS);
    if (!prove) {
      return;
    }
    Deadline.PoStResult result =
        dl.recordProvenSectors(
            store,
            sectorsArr(SECTORS),
            SSIZE,
            QUANT,
            0,
            List.of(
                new PoStPartition(0, bf()),
                new PoStPartition(1, bf()),
                new PoStPartition(2, bf())));
    assertThat(result.powerDelta()).isEqualTo(ExpirationQueue.powerForSectors(SSIZE, SECTORS));
    Deadline.DeadlineEnd end = dl.processDeadlineEnd(store, QUANT, 0);
    assertThat(end.powerDelta().isZero()).isTrue();
    assertThat(end.penalizedPower().isZero()).isTrue();
    assertPartitions(dl, bf(), bf(), bf(), bf(), bf(), THREE_PARTITIONS);
  }

  private void addThenTerminate(Deadline dl, boolean proveFirst) {
    addSectors(dl, proveFirst);
    PowerPair removed =
        dl.terminateSectors(
            store, sectorsArr(SECTORS), 15, psm(0, bf(1, 3), 1, bf(6)), SSIZE, QUANT);
    assertThat(removed).isEqualTo(proveFirst ? sectorPower(1, 3, 6) : PowerPair.ZERO);
    assertPartitions(
        dl,
        bf(),
        bf(),
        bf(1, 3, 6),
        proveFirst ? bf() : bf(2, 4, 5, 7, 8, 9),
        bf(),
        THREE_PARTITIONS);
  }

  private void addThenTerminateThenPopEarly(Deadline dl) {
    addThenTerminate(dl, true);
    Deadline.PoppedTerminations popped = dl.popEarlyTerminations(store, 100, 100);
    assertThat(popped.hasMore()).isFalse();
    assertThat(popped.result().partitionsProcessed()).isEqualTo(2);
    assertThat(popped.result().sectorsProcessed()).isEqualTo(3);
    assertThat(popped.result().sectors()).containsExactly(Map.entry(15L, bf(1, 3, 6)));
    assertPartitions(dl, bf(), bf(), bf(1, 3, 6), bf(), bf(), THREE_PARTITIONS);
  }

  private void addThenMarkFaulty(Deadline dl, boolean proveFirst) {
    addSectors(dl, proveFirst);
    PowerPair delta =
        dl.declareFaults(store, sectorsArr(SECTORS), SSIZE, QUANT, 9, psm(0, bf(1), 1, bf(5, 6)));
    assertThat(delta).isEqualTo(proveFirst ? sectorPower(1, 5, 6).neg() : PowerPair.ZERO);
    assertPartitions(
        dl,
        bf(1, 5, 6),
        bf(),
        bf(),
        proveFirst ? bf() : bf(2, 3, 4, 7, 8, 9),
        bf(),
        THREE_PARTITIONS);
  }

  @Test
  void addsSectorsAndProves() {
    addSectors(emptyDeadline(), true);
  }

  @Test
  void terminatesProvenAndUnprovenSectors() {
    addThenTerminate(emptyDeadline(), true);
    addThenTerminate(emptyDeadline(), false);
  }

  @Test
  void popsEarlyTerminationsThenRemovesPartition() {
    Deadline dl = emptyDeadline();
    addThenTerminateThenPopEarly(dl);
    Deadline.RemovedPartitions removed = dl.removePartitions(store, bf(0), QUANT);
    assertThat(removed.live()).isEqualTo(bf(2, 4));
    assertThat(removed.dead()).isEqualTo(bf(1, 3));
    assertThat(removed.removedPower()).isEqualTo(sectorPower(2, 4));
    assertPartitions(dl, bf(), bf(), bf(6), bf(), bf(), bf(5, 6, 7, 8), bf(9));
  }

  @Test
  void cannotRemovePartitionsWithEarlyTerminationsOrFaultsOrOutOfRange() {
    Deadline dl = emptyDeadline();
    addThenTerminate(dl, true);
    assertThatThrownBy(() -> dl.removePartitions(store, bf(0), QUANT))
        .hasMessageContaining("cannot remove partitions from deadline with early terminations");

    Deadline dl2 = emptyDeadline();
    addThenTerminateThenPopEarly(dl2);
    assertThatThrownBy(() -> dl2.removePartitions(store, bf(3), QUANT))
        .isInstanceOfSatisfying(
            ActorException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ERR_ILLEGAL_ARGUMENT));

    Deadline dl3 = emptyDeadline();
    addThenMarkFaulty(dl3, true);
    assertThatThrownBy(() -> dl3.removePartitions(store, bf(0), QUANT))
        .hasMessageContaining("has faults");
  }

  @Test
  void removingNoPartitionsDoesNothing() {
    Deadline dl = emptyDeadline();
    addThenTerminateThenPopEarly(dl);
    Deadline.RemovedPartitions removed = dl.removePartitions(store, bf(), QUANT);
    assertThat(removed.live().isEmpty()).isTrue();
    assertThat(removed.dead().isEmpty()).isTrue();
    assertThat(removed.removedPower().isZero()).isTrue();
    assertPartitions(dl, bf(), bf(), bf(1, 3, 6), bf(), bf(), THREE_PARTITIONS);
  }

  @Test
  void marksFaultyProvenAndUnprovenSectors() {
    addThenMarkFaulty(emptyDeadline(), true);
    addThenMarkFaulty(emptyDeadline(), false);
  }

  @Test
  void faultySectorsExpire() {
    Deadline dl = emptyDeadline();
    addThenMarkFaulty(dl, true);
    ExpirationSet exp = dl.popExpiredSectors(store, 9, QUANT);
    assertThat(exp.onTimeSectors()).isEqualTo(bf(1, 2, 3, 4, 5, 8, 9));
    assertThat(exp.earlySectors()).isEqualTo(bf(6));
    assertPartitions(dl, bf(), bf(), bf(1, 2, 3, 4, 5, 6, 8, 9), bf(), bf(), THREE_PARTITIONS);
    Deadline.PoppedTerminations popped = dl.popEarlyTerminations(store, 100, 100);
    assertThat(popped.hasMore()).isFalse();
    assertThat(popped.result().partitionsProcessed()).isEqualTo(1);
    assertThat(popped.result().sectorsProcessed()).isEqualTo(1);
    assertThat(popped.result().sectors()).containsExactly(Map.entry(9L, bf(6)));
  }

  @Test
  void cannotPopExpiredSectorsBeforeProving() {
    Deadline dl = emptyDeadline();
    addSectors(dl, false);
    assertThatThrownBy(() -> dl.popExpiredSectors(store, 9, QUANT))
        .hasMessageContaining("cannot pop expired sectors from a partition with unproven sectors");
  }

  @Test
  void postAllTheThings() {
    Deadline dl = emptyDeadline();
    addSectors(dl, true);
    assertThat(dl.addSectors(store, PARTITION_SIZE, false, EXTRA, SSIZE, QUANT).isZero()).isTrue();
    Sectors arr = sectorsArr(ALL);
    Deadline.PoStResult r1 =
        dl.recordProvenSectors(
            store,
            arr,
            SSIZE,
            QUANT,
            13,
            List.of(new PoStPartition(0, bf()), new PoStPartition(1, bf())));
    assertThat(r1.sectors()).isEqualTo(bf(1, 2, 3, 4, 5, 6, 7, 8));
    assertThat(r1.ignoredSectors().isEmpty()).isTrue();
    assertThat(r1.newFaultyPower().isZero()).isTrue();
    assertThat(r1.retractedRecoveryPower().isZero()).isTrue();
    assertThat(r1.recoveredPower().isZero()).isTrue();
    assertPartitions(dl, bf(), bf(), bf(), bf(10), bf(0, 1), WITH_EXTRA);

    Deadline.PoStResult r2 =
        dl.recordProvenSectors(
            store,
            arr,
            SSIZE,
            QUANT,
            13,
            List.of(new PoStPartition(1, bf()), new PoStPartition(2, bf())));
    assertThat(r2.sectors()).isEqualTo(bf(9, 10));
    assertThat(r2.powerDelta()).isEqualTo(sectorPower(10));
    assertPartitions(dl, bf(), bf(), bf(), bf(), bf(0, 1, 2), WITH_EXTRA);

    Deadline.DeadlineEnd end = dl.processDeadlineEnd(store, QUANT, 13);
    assertThat(end.powerDelta().isZero()).isTrue();
    assertThat(end.penalizedPower().isZero()).isTrue();
    assertPartitions(dl, bf(), bf(), bf(), bf(), bf(), WITH_EXTRA);
  }

  @Test
  void postWithUnprovenFaultsRecoveriesAndRetractedRecoveries() {
    Deadline dl = emptyDeadline();
    addThenMarkFaulty(dl, true);
    dl.addSectors(store, PARTITION_SIZE, false, EXTRA, SSIZE, QUANT);
    Sectors arr = sectorsArr(ALL);
    dl.declareFaultsRecovered(store, arr, SSIZE, psm(0, bf(1), 1, bf(6)));
    assertPartitions(dl, bf(1, 5, 6), bf(1, 6), bf(), bf(10), bf(), WITH_EXTRA);

    Deadline.PoStResult r =
        dl.recordProvenSectors(
            store,
            arr,
            SSIZE,
            QUANT,
            13,
            List.of(new PoStPartition(0, bf(1)), new PoStPartition(1, bf(7))));
    assertThat(r.sectors()).isEqualTo(bf(1, 2, 3, 4, 5, 6, 7, 8));
    assertThat(r.ignoredSectors()).isEqualTo(bf(1, 5, 7));
    assertThat(r.newFaultyPower()).isEqualTo(sectorPower(7));
    assertThat(r.retractedRecoveryPower()).isEqualTo(sectorPower(1));
    assertThat(r.recoveredPower()).isEqualTo(sectorPower(6));
    assertThat(r.powerDelta().isZero()).isTrue();
    assertPartitions(dl, bf(1, 5, 7), bf(), bf(), bf(10), bf(0, 1), WITH_EXTRA);

    Deadline.DeadlineEnd end = dl.processDeadlineEnd(store, QUANT, 13);
    assertThat(end.powerDelta()).isEqualTo(sectorPower(9).neg());
    assertThat(end.penalizedPower()).isEqualTo(sectorPower(9, 10));
    assertPartitions(dl, bf(1, 5, 7, 9, 10), bf(), bf(), bf(), bf(), WITH_EXTRA);
  }

  @Test
  void cannotDeclareFaultsOrRecoveriesInMissingPartitions() {
    Deadline dl = emptyDeadline();
    addSectors(dl, true);
    Sectors arr = sectorsArr(SECTORS);
    assertThatThrownBy(
            () -> dl.declareFaults(store, arr, SSIZE, QUANT, 17, psm(0, bf(1), 4, bf(6))))
        .isInstanceOfSatisfying(
            ActorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ERR_NOT_FOUND));
    assertThatThrownBy(() -> dl.declareFaultsRecovered(store, arr, SSIZE, psm(0, bf(1), 4, bf(6))))
        .isInstanceOfSatisfying(
            ActorException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ERR_NOT_FOUND));
  }
}
