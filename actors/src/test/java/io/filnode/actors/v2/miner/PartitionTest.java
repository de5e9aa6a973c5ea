package io.filnode.actors.v2.miner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.util.adt.AdtArray;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.types.TokenAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Ports specs-actors miner partition_state_test.go (TestPartitions). */
class PartitionTest {
  private static final long SSIZE = MinerFixtures.SECTOR_SIZE_32G;
  private static final QuantSpec QUANT = new QuantSpec(4, 1);
  private static final List<SectorOnChainInfo> SECTORS =
      List.of(
          MinerFixtures.testSector(2, 1, 50, 60, 1000),
          MinerFixtures.testSector(3, 2, 51, 61, 1001),
          MinerFixtures.testSector(7, 3, 52, 62, 1002),
          MinerFixtures.testSector(8, 4, 53, 63, 1003),
          MinerFixtures.testSector(11, 5, 54, 64, 1004),
          MinerFixtures.testSector(13, 6, 55, 65, 1005));
  private static final SectorOnChainInfo UNPROVEN = MinerFixtures.testSector(13, 7, 55, 65, 1006);

  private final IpldStore store = MinerFixtures.store();

  private static BitField bf(long... bits) {
    return BitField.of(bits);
  }

  private static PowerPair power(List<SectorOnChainInfo> sectors) {
    return ExpirationQueue.powerForSectors(SSIZE, sectors);
  }

  private static List<SectorOnChainInfo> select(List<SectorOnChainInfo> sectors, BitField f) {
    return Sectors.select(sectors, f);
  }

  private Sectors sectorsArr(List<SectorOnChainInfo> sectors) {
    Sectors s = Sectors.load(store, MinerFixtures.emptyArray(store));
    s.store(sectors);
    s.flush();
    return s;
  }

  private Partition setupUnproven() {
    Partition p = Partition.construct(MinerFixtures.emptyArray(store));
    assertThat(p.addSectors(store, false, SECTORS, SSIZE, QUANT).isZero()).isTrue();
    return p;
  }

  private Partition setup() {
    Partition p = setupUnproven();
    assertThat(p.activateUnproven()).isEqualTo(power(SECTORS));
    return p;
  }

  private static void assertState(
      Partition p,
      BitField all,
      BitField faults,
      BitField recovering,
      BitField terminated,
      BitField unproven) {
    assertThat(p.sectors()).isEqualTo(all);
    assertThat(p.faults()).isEqualTo(faults);
    assertThat(p.recoveries()).isEqualTo(recovering);
    assertThat(p.terminated()).isEqualTo(terminated);
    assertThat(p.unproven()).isEqualTo(unproven);
    p.validateState();
  }

  /** Pops the queue group by group: expiration epoch to all sectors (on time and early). */
  private void assertQueue(Partition p, Map<Long, BitField> groups) {
    ExpirationQueue q = ExpirationQueue.load(store, p.expirationsEpochs(), QUANT);
    for (Map.Entry<Long, BitField> g : groups.entrySet()) {
      assertThat(q.popUntil(g.getKey() - 1).isEmpty()).as("before %d", g.getKey()).isTrue();
      ExpirationSet set = q.popUntil(g.getKey());
      assertThat(set.onTimeSectors().union(set.earlySectors()))
          .as("at %d", g.getKey())
          .isEqualTo(g.getValue());
    }
    assertThat(q.popUntil(Long.MAX_VALUE).isEmpty()).isTrue();
  }

  private static Map<Long, BitField> groups(Object... epochAndSectors) {
    Map<Long, BitField> m = new TreeMap<>();
    for (int i = 0; i < epochAndSectors.length; i += 2) {
      m.put(((Number) epochAndSectors[i]).longValue(), (BitField) epochAndSectors[i + 1]);
    }
    return m;
  }

  private Map<Long, BitField> earlyTerminations(Partition p) {
    Map<Long, BitField> m = new TreeMap<>();
    BitfieldQueue.load(store, p.earlyTerminated(), QuantSpec.NO_QUANTIZATION).forEach(m::put);
    return m;
  }

  @Test
  void addsSectorsAndReportsStats() {
    Partition p = setup();
    assertState(p, bf(1, 2, 3, 4, 5, 6), bf(), bf(), bf(), bf());
    assertQueue(p, groups(5, bf(1, 2), 9, bf(3, 4), 13, bf(5, 6)));
  }

  @Test
  void doesNotAddSectorsTwice() {
    Partition p = setup();
    assertThatThrownBy(() -> p.addSectors(store, false, SECTORS.subList(0, 1), SSIZE, QUANT))
        .isInstanceOf(ActorException.class)
        .hasMessage("not all added sectors are new");
  }

  @Test
  void addsFaultsToProvenAndUnprovenPartitions() {
    for (boolean proven : new boolean[] {true, false}) {
      Partition p = setupUnproven();
      if (proven) {
        p.activateUnproven();
      }
      BitField faultSet = bf(4, 5);
      Partition.DeclaredFaults d =
          p.declareFaults(store, sectorsArr(SECTORS), faultSet, 7, SSIZE, QUANT);
      PowerPair expectedFaulty = power(select(SECTORS, faultSet));
      assertThat(d.newFaultyPower()).isEqualTo(expectedFaulty);
      assertThat(d.powerDelta()).isEqualTo(proven ? expectedFaulty.neg() : PowerPair.ZERO);
      assertState(p, bf(1, 2, 3, 4, 5, 6), faultSet, bf(), bf(), proven ? bf() : bf(1, 2, 3, 6));
      assertQueue(p, groups(5, bf(1, 2), 9, bf(3, 4, 5), 13, bf(6)));
    }
  }

  @Test
  void reAddingFaultsIsANoOp() {
    Partition p = setup();
    Sectors arr = sectorsArr(SECTORS);
    Partition.DeclaredFaults d = p.declareFaults(store, arr, bf(4, 5), 7, SSIZE, QUANT);
    assertThat(d.powerDelta()).isEqualTo(power(select(SECTORS, bf(4, 5))).neg());
    d = p.declareFaults(store, arr, bf(5, 6), 3, SSIZE, QUANT);
    assertThat(d.newFaults()).isEqualTo(bf(6));
    assertThat(d.newFaultyPower()).isEqualTo(power(select(SECTORS, bf(6))));
    assertState(p, bf(1, 2, 3, 4, 5, 6), bf(4, 5, 6), bf(), bf(), bf());
    assertQueue(p, groups(5, bf(1, 2, 6), 9, bf(3, 4, 5)));
  }

  @Test
  void failsToAddFaultsForMissingSectors() {
    Partition p = setup();
    assertThatThrownBy(() -> p.declareFaults(store, sectorsArr(SECTORS), bf(99), 7, SSIZE, QUANT))
        .isInstanceOfSatisfying(
            ActorException.class,
            e -> assertThat(e.exitCode()).isEqualTo(ExitCode.ERR_ILLEGAL_ARGUMENT))
        .hasMessageContaining("not all sectors are assigned to the partition");
  }

  @Test
  void removesRecoveriesWhenRedeclaredFaulty() {
    Partition p = setup();
    Sectors arr = sectorsArr(SECTORS);
    p.declareFaults(store, arr, bf(4, 5, 6), 7, SSIZE, QUANT);
    p.declareFaultsRecovered(arr, SSIZE, bf(4, 5));
    assertState(p, bf(1, 2, 3, 4, 5, 6), bf(4, 5, 6), bf(4, 5), bf(), bf());
    assertThat(p.declareFaults(store, arr, bf(), 7, SSIZE, QUANT).newFaults().isEmpty()).isTrue();
    assertThat(p.declareFaults(store, arr, bf(5), 10, SSIZE, QUANT).newFaults().isEmpty()).isTrue();
    assertState(p, bf(1, 2, 3, 4, 5, 6), bf(4, 5, 6), bf(4), bf(), bf());
  }

  @Test
  void recoversFaults() {
    Partition p = setup();
    Sectors arr = sectorsArr(SECTORS);
    p.declareFaults(store, arr, bf(4, 5, 6), 7, SSIZE, QUANT);
    p.declareFaultsRecovered(arr, SSIZE, bf(4, 5));
    PowerPair recovered = p.recoverFaults(store, arr, SSIZE, QUANT);
    assertThat(recovered).isEqualTo(power(select(SECTORS, bf(4, 5))));
    assertState(p, bf(1, 2, 3, 4, 5, 6), bf(6), bf(), bf(), bf());
    assertQueue(p, groups(5, bf(1, 2), 9, bf(3, 4, 6), 13, bf(5)));
  }

  @Test
  void faultyPowerIsRecoveredExactlyOnce() {
    Partition p = setup();
    Sectors arr = sectorsArr(SECTORS);
    p.declareFaults(store, arr, bf(4, 5, 6), 7, SSIZE, QUANT);
    p.declareFaultsRecovered(arr, SSIZE, bf(3, 4, 5));
    p.declareFaultsRecovered(arr, SSIZE, bf(4, 5, 6));
    assertThat(p.recoveringPower()).isEqualTo(power(select(SECTORS, bf(4, 5, 6))));
    assertState(p, bf(1, 2, 3, 4, 5, 6), bf(4, 5, 6), bf(4, 5, 6), bf(), bf());
  }

  @Test
  void reschedulesExpirations() {
    Partition p = setup();
    List<SectorOnChainInfo> all = new ArrayList<>(SECTORS);
    all.add(UNPROVEN);
    Sectors arr = sectorsArr(all);
    p.declareFaults(store, arr, bf(2), 7, SSIZE, QUANT);
    assertThat(p.addSectors(store, false, List.of(UNPROVEN), SSIZE, QUANT).isZero()).isTrue();
    List<SectorOnChainInfo> replaced =
        p.rescheduleExpirations(store, arr, 18, bf(2, 4, 6, 7), SSIZE, QUANT);
    assertThat(replaced).extracting(SectorOnChainInfo::sectorNumber).containsExactly(4L, 6L, 7L);
    assertState(p, bf(1, 2, 3, 4, 5, 6, 7), bf(2), bf(), bf(), bf(7));
    assertQueue(p, groups(5, bf(1, 2), 9, bf(3), 13, bf(5), 21, bf(4, 6, 7)));
  }

  @Test
  void replacesSectors() {
    Partition p = setup();
    List<SectorOnChainInfo> oldSectors = SECTORS.subList(1, 4);
    List<SectorOnChainInfo> newSectors =
        List.of(
            MinerFixtures.testSector(10, 2, 150, 260, 3000),
            MinerFixtures.testSector(10, 7, 151, 261, 3001),
            MinerFixtures.testSector(18, 8, 152, 262, 3002));
    Partition.ReplaceChange change = p.replaceSectors(store, oldSectors, newSectors, SSIZE, QUANT);
    assertThat(change.powerDelta()).isEqualTo(power(newSectors).sub(power(oldSectors)));
    assertThat(change.pledgeDelta())
        .isEqualTo(TokenAmount.ofAtto((3000 + 3001 + 3002) - (1001 + 1002 + 1003)));
    assertState(p, bf(1, 2, 5, 6, 7, 8), bf(), bf(), bf(), bf());
    assertQueue(p, groups(5, bf(1), 13, bf(2, 5, 6, 7), 21, bf(8)));
  }

  @Test
  void refusesToReplaceInactiveSectors() {
    Partition p = setup();
    p.declareFaults(store, sectorsArr(SECTORS), bf(2), 7, SSIZE, QUANT);
    assertThatThrownBy(
            () ->
                p.replaceSectors(
                    store,
                    SECTORS.subList(1, 4),
                    List.of(MinerFixtures.testSector(10, 2, 150, 260, 3000)),
                    SSIZE,
                    QUANT))
        .hasMessageContaining("refusing to replace inactive sectors");
    Partition unproven = setupUnproven();
    assertThatThrownBy(
            () ->
                unproven.replaceSectors(
                    store,
                    SECTORS.subList(1, 4),
                    List.of(MinerFixtures.testSector(10, 2, 150, 260, 3000)),
                    SSIZE,
                    QUANT))
        .hasMessageContaining("refusing to replace inactive sectors");
  }

  @Test
  void terminatesSectors() {
    Partition p = setup();
    List<SectorOnChainInfo> all = new ArrayList<>(SECTORS);
    all.add(UNPROVEN);
    Sectors arr = sectorsArr(all);
    p.addSectors(store, false, List.of(UNPROVEN), SSIZE, QUANT);
    p.declareFaults(store, arr, bf(3, 4, 5, 6), 7, SSIZE, QUANT);
    p.declareFaultsRecovered(arr, SSIZE, bf(4, 5));
    BitField terminations = bf(1, 3, 5, 7);
    ExpirationSet removed = p.terminateSectors(store, arr, 3, terminations, SSIZE, QUANT);
    assertThat(removed.activePower()).isEqualTo(power(select(SECTORS, bf(1))));
    assertThat(removed.faultyPower()).isEqualTo(power(select(SECTORS, bf(3, 5))));
    assertState(p, bf(1, 2, 3, 4, 5, 6, 7), bf(4, 6), bf(4), terminations, bf());
    assertQueue(p, groups(5, bf(2), 9, bf(4, 6)));
    assertThat(earlyTerminations(p)).containsExactly(Map.entry(3L, bf(1, 3, 5, 7)));
  }

  @Test
  void terminatingNonLiveSectorsFails() {
    Partition p = setup();
    Sectors arr = sectorsArr(SECTORS);
    assertThatThrownBy(() -> p.terminateSectors(store, arr, 3, bf(99), SSIZE, QUANT))
        .hasMessage("can only terminate live sectors");
    ExpirationSet removed = p.terminateSectors(store, arr, 3, bf(1), SSIZE, QUANT);
    assertThat(removed.count()).isEqualTo(1);
    assertThatThrownBy(() -> p.terminateSectors(store, arr, 3, bf(1), SSIZE, QUANT))
        .hasMessage("can only terminate live sectors");
    assertThat(p.declareFaults(store, arr, bf(1), 5, SSIZE, QUANT).newFaults().isEmpty()).isTrue();
  }

  @Test
  void popsExpiringSectors() {
    Partition p = setup();
    p.declareFaults(store, sectorsArr(SECTORS), bf(4), 2, SSIZE, QUANT);
    ExpirationSet set = p.popExpiredSectors(store, 5, QUANT);
    assertThat(set.onTimeSectors()).isEqualTo(bf(1, 2));
    assertThat(set.earlySectors()).isEqualTo(bf(4));
    assertThat(set.onTimePledge()).isEqualTo(TokenAmount.ofAtto(1000 + 1001));
    assertThat(set.activePower()).isEqualTo(power(SECTORS.subList(0, 2)));
    assertThat(set.faultyPower()).isEqualTo(power(SECTORS.subList(3, 4)));
    assertState(p, bf(1, 2, 3, 4, 5, 6), bf(), bf(), bf(1, 2, 4), bf());
    assertQueue(p, groups(9, bf(3), 13, bf(5, 6)));
    assertThat(earlyTerminations(p)).containsExactly(Map.entry(5L, bf(4)));
  }

  @Test
  void poppingExpiringSectorsFailsWithRecoveriesOrUnprovenSectors() {
    Partition p = setup();
    Sectors arr = sectorsArr(SECTORS);
    p.declareFaults(store, arr, bf(5), 2, SSIZE, QUANT);
    p.declareFaultsRecovered(arr, SSIZE, bf(5));
    assertThatThrownBy(() -> p.popExpiredSectors(store, 5, QUANT))
        .hasMessageContaining("unexpected recoveries while processing expirations");
    assertThatThrownBy(() -> setupUnproven().popExpiredSectors(store, 5, QUANT))
        .hasMessageContaining("cannot pop expired sectors from a partition with unproven sectors");
  }

  @Test
  void recordsMissedPost() {
    Partition p = setup();
    List<SectorOnChainInfo> all = new ArrayList<>(SECTORS);
    all.add(UNPROVEN);
    Sectors arr = sectorsArr(all);
    p.addSectors(store, false, List.of(UNPROVEN), SSIZE, QUANT);
    p.declareFaults(store, arr, bf(4, 5, 6), 7, SSIZE, QUANT);
    p.declareFaultsRecovered(arr, SSIZE, bf(4, 5));
    Partition.MissedPost missed = p.recordMissedPost(store, 6, QUANT);
    assertThat(missed.newFaultyPower()).isEqualTo(power(select(all, bf(1, 2, 3, 7))));
    assertThat(missed.penalizedPower())
        .isEqualTo(power(all).sub(ExpirationQueue.powerForSector(SSIZE, all.get(5))));
    assertThat(missed.powerDelta()).isEqualTo(power(all.subList(0, 3)).neg());
    assertState(p, bf(1, 2, 3, 4, 5, 6, 7), bf(1, 2, 3, 4, 5, 6, 7), bf(), bf(), bf());
    assertQueue(p, groups(5, bf(1, 2), 9, bf(3, 4, 5, 6, 7)));
  }

  @Test
  void popsEarlyTerminations() {
    Partition p = setup();
    Sectors arr = sectorsArr(SECTORS);
    p.declareFaults(store, arr, bf(3, 4, 5, 6), 7, SSIZE, QUANT);
    p.declareFaultsRecovered(arr, SSIZE, bf(4, 5));
    p.terminateSectors(store, arr, 3, bf(1, 3, 5), SSIZE, QUANT);

    Partition.PoppedTerminations first = p.popEarlyTerminations(store, 1);
    assertThat(first.result().sectors()).containsExactly(Map.entry(3L, bf(1)));
    assertThat(first.hasMore()).isTrue();
    assertThat(earlyTerminations(p)).containsExactly(Map.entry(3L, bf(3, 5)));

    Partition.PoppedTerminations rest = p.popEarlyTerminations(store, 5);
    assertThat(rest.result().sectors()).containsExactly(Map.entry(3L, bf(3, 5)));
    assertThat(rest.hasMore()).isFalse();
    assertThat(earlyTerminations(p)).isEmpty();
  }

  @Test
  void roundTripsWithAFullPartitionOfSparseSectorNumbers() throws Exception {
    // "test max sectors": 2349 sectors numbered (i+1) << 50 still encode and decode
    Partition p = Partition.construct(MinerFixtures.emptyArray(store));
    List<SectorOnChainInfo> many = new ArrayList<>();
    long[] ids = new long[2349];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = (long) (i + 1) << 50;
      many.add(MinerFixtures.testSector(i + 1, ids[i], 50, 60, 1000));
    }
    assertThat(p.addSectors(store, false, many, SSIZE, QuantSpec.NO_QUANTIZATION).isZero())
        .isTrue();
    Partition copy = CborReader.decodeWhole(p.toCbor(), "Partition", Partition::decode);
    assertThat(copy.sectors()).isEqualTo(BitField.of(ids));
    assertThat(copy.unproven()).isEqualTo(BitField.of(ids));
    assertThat(copy.toCbor()).isEqualTo(p.toCbor());
  }

  @Test
  void emptyPartitionQueuesShareTheEmptyArray() {
    Partition p = Partition.construct(MinerFixtures.emptyArray(store));
    assertThat(p.expirationsEpochs())
        .isEqualTo(AdtArray.create(store, AmtOptions.v2()).flush())
        .isEqualTo(p.earlyTerminated());
  }
}
