package io.filnode.actors.v2.miner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.runtime.ActorException;
import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.types.TokenAmount;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ports specs-actors miner expiration_queue_test.go (TestExpirationSet, TestExpirationQueue). */
class ExpirationQueueTest {
  private static final long SSIZE = MinerFixtures.SECTOR_SIZE_32G;
  private static final List<SectorOnChainInfo> SECTORS =
      List.of(
          MinerFixtures.testSector(2, 1, 50, 60, 1000),
          MinerFixtures.testSector(3, 2, 51, 61, 1001),
          MinerFixtures.testSector(7, 3, 52, 62, 1002),
          MinerFixtures.testSector(8, 4, 53, 63, 1003),
          MinerFixtures.testSector(11, 5, 54, 64, 1004),
          MinerFixtures.testSector(13, 6, 55, 65, 1005));

  private final IpldStore store = MinerFixtures.store();

  private static PowerPair pp(long raw, long qa) {
    return new PowerPair(BigInteger.valueOf(raw), BigInteger.valueOf(qa));
  }

  private ExpirationQueue empty(QuantSpec quant) {
    return ExpirationQueue.load(store, MinerFixtures.emptyArray(store), quant);
  }

  private static PowerPair power(List<SectorOnChainInfo> sectors) {
    return ExpirationQueue.powerForSectors(SSIZE, sectors);
  }

  @Test
  void expirationSetAddsSectorsAndPowerToNonEmptySet() {
    ExpirationSet set =
        new ExpirationSet(
            BitField.of(5, 8, 9),
            BitField.of(2, 3),
            TokenAmount.ofAtto(1000),
            pp(1 << 13, 1 << 14),
            pp(1 << 11, 1 << 12));
    set.add(
        BitField.of(6, 7, 11),
        BitField.of(1, 4),
        TokenAmount.ofAtto(300),
        pp(3 * (1 << 13), 3 * (1 << 14)),
        pp(3 * (1 << 11), 3 * (1 << 12)));
    assertThat(set.onTimeSectors()).isEqualTo(BitField.of(5, 6, 7, 8, 9, 11));
    assertThat(set.earlySectors()).isEqualTo(BitField.of(1, 2, 3, 4));
    assertThat(set.onTimePledge()).isEqualTo(TokenAmount.ofAtto(1300));
    assertThat(set.activePower()).isEqualTo(pp(1 << 15, 1 << 16));
    assertThat(set.faultyPower()).isEqualTo(pp(1 << 13, 1 << 14));
  }

  @Test
  void expirationSetRemoveFailsWhenPledgeUnderflowsOrSectorsAreMissing() {
    ExpirationSet set =
        new ExpirationSet(
            BitField.of(5, 8, 9),
            BitField.of(2, 3),
            TokenAmount.ofAtto(1000),
            pp(1 << 13, 1 << 14),
            pp(1 << 11, 1 << 12));
    assertThatThrownBy(
            () ->
                set.remove(
                    BitField.of(9),
                    BitField.of(2),
                    TokenAmount.ofAtto(1200),
                    pp(3 * (1 << 11), 3 * (1 << 12)),
                    pp(3 * (1 << 9), 3 * (1 << 10))))
        .isInstanceOf(ActorException.class)
        .hasMessageContaining("pledge underflow");
    ExpirationSet set2 =
        new ExpirationSet(
            BitField.of(5, 8, 9),
            BitField.of(2, 3),
            TokenAmount.ofAtto(1000),
            pp(1 << 13, 1 << 14),
            pp(1 << 11, 1 << 12));
    assertThatThrownBy(
            () ->
                set2.remove(
                    BitField.of(12),
                    BitField.empty(),
                    TokenAmount.ZERO,
                    PowerPair.ZERO,
                    PowerPair.ZERO))
        .hasMessageContaining("not contained");
  }

  @Test
  void addedSectorsCanBePoppedOffQueue() {
    ExpirationQueue q = empty(QuantSpec.NO_QUANTIZATION);
    ExpirationQueue.SectorsChange added = q.addActiveSectors(SECTORS, SSIZE);
    assertThat(added.sectors()).isEqualTo(BitField.of(1, 2, 3, 4, 5, 6));
    assertThat(added.power()).isEqualTo(power(SECTORS));
    assertThat(added.pledge()).isEqualTo(TokenAmount.ofAtto(6015));
    q.flush();

    ExpirationSet set = q.popUntil(7);
    assertThat(set.onTimeSectors()).isEqualTo(BitField.of(1, 2, 3));
    assertThat(set.earlySectors().isEmpty()).isTrue();
    assertThat(set.onTimePledge()).isEqualTo(TokenAmount.ofAtto(3003));
    assertThat(set.activePower()).isEqualTo(power(SECTORS.subList(0, 3)));
    assertThat(set.faultyPower()).isEqualTo(PowerPair.ZERO);

    set = q.popUntil(20);
    assertThat(set.onTimeSectors()).isEqualTo(BitField.of(4, 5, 6));
    assertThat(set.onTimePledge()).isEqualTo(TokenAmount.ofAtto(3012));
    assertThat(set.activePower()).isEqualTo(power(SECTORS.subList(3, 6)));
    assertThat(q.popUntil(1000).isEmpty()).isTrue();
  }

  @Test
  void quantizesAddedSectorsByExpiration() {
    ExpirationQueue q = empty(new QuantSpec(5, 3));
    q.addActiveSectors(SECTORS, SSIZE);
    assertThat(q.popUntil(2).onTimeSectors().isEmpty()).isTrue();
    assertThat(q.popUntil(3).onTimeSectors()).isEqualTo(BitField.of(1, 2));
    assertThat(q.popUntil(7).onTimeSectors().isEmpty()).isTrue();
    assertThat(q.popUntil(8).onTimeSectors()).isEqualTo(BitField.of(3, 4));
    assertThat(q.popUntil(12).onTimeSectors().isEmpty()).isTrue();
    assertThat(q.popUntil(13).onTimeSectors()).isEqualTo(BitField.of(5, 6));
  }

  @Test
  void reschedulesSectorsToExpireLater() {
    ExpirationQueue q = empty(QuantSpec.NO_QUANTIZATION);
    q.addActiveSectors(SECTORS, SSIZE);
    q.rescheduleExpirations(20, SECTORS.subList(0, 3), SSIZE);
    assertThat(q.popUntil(7).onTimeSectors().isEmpty()).isTrue();
    q.popUntil(19);
    ExpirationSet set = q.popUntil(20);
    assertThat(set.onTimeSectors()).isEqualTo(BitField.of(1, 2, 3));
    assertThat(set.earlySectors().isEmpty()).isTrue();
    assertThat(set.onTimePledge()).isEqualTo(TokenAmount.ofAtto(3003));
    assertThat(set.activePower()).isEqualTo(power(SECTORS.subList(0, 3)));
    assertThat(set.faultyPower()).isEqualTo(PowerPair.ZERO);
  }

  @Test
  void reschedulesSectorsAsFaults() {
    ExpirationQueue q = empty(new QuantSpec(4, 1));
    q.addActiveSectors(SECTORS, SSIZE);
    PowerPair delta = q.rescheduleAsFaults(6, SECTORS.subList(1, 5), SSIZE);
    assertThat(delta).isEqualTo(power(SECTORS.subList(1, 5)));

    assertThat(q.popUntil(4).isEmpty()).isTrue();
    ExpirationSet set = q.popUntil(5);
    assertThat(set.onTimeSectors()).isEqualTo(BitField.of(1, 2));
    assertThat(set.earlySectors().isEmpty()).isTrue();
    assertThat(set.onTimePledge()).isEqualTo(TokenAmount.ofAtto(2001));
    assertThat(set.activePower()).isEqualTo(power(SECTORS.subList(0, 1)));
    assertThat(set.faultyPower()).isEqualTo(power(SECTORS.subList(1, 2)));

    assertThat(q.popUntil(8).isEmpty()).isTrue();
    set = q.popUntil(9);
    assertThat(set.onTimeSectors()).isEqualTo(BitField.of(3, 4));
    assertThat(set.earlySectors()).isEqualTo(BitField.of(5));
    assertThat(set.onTimePledge()).isEqualTo(TokenAmount.ofAtto(2005));
    assertThat(set.activePower()).isEqualTo(PowerPair.ZERO);
    assertThat(set.faultyPower()).isEqualTo(power(SECTORS.subList(2, 5)));

    assertThat(q.popUntil(12).isEmpty()).isTrue();
    set = q.popUntil(13);
    assertThat(set.onTimeSectors()).isEqualTo(BitField.of(6));
    assertThat(set.earlySectors().isEmpty()).isTrue();
    assertThat(set.onTimePledge()).isEqualTo(TokenAmount.ofAtto(1005));
    assertThat(set.activePower()).isEqualTo(power(SECTORS.subList(5, 6)));
    assertThat(set.faultyPower()).isEqualTo(PowerPair.ZERO);
  }

  @Test
  void reschedulesAllSectorsAsFaults() {
    ExpirationQueue q = empty(new QuantSpec(4, 1));
    q.addActiveSectors(SECTORS, SSIZE);
    q.rescheduleAllAsFaults(6);

    ExpirationSet set = q.popUntil(5);
    assertThat(set.onTimeSectors()).isEqualTo(BitField.of(1, 2));
    assertThat(set.earlySectors().isEmpty()).isTrue();
    assertThat(set.onTimePledge()).isEqualTo(TokenAmount.ofAtto(2001));
    assertThat(set.activePower()).isEqualTo(PowerPair.ZERO);
    assertThat(set.faultyPower()).isEqualTo(power(SECTORS.subList(0, 2)));

    set = q.popUntil(9);
    assertThat(set.onTimeSectors()).isEqualTo(BitField.of(3, 4));
    assertThat(set.earlySectors()).isEqualTo(BitField.of(5, 6));
    assertThat(set.onTimePledge()).isEqualTo(TokenAmount.ofAtto(2005));
    assertThat(set.activePower()).isEqualTo(PowerPair.ZERO);
    assertThat(set.faultyPower()).isEqualTo(power(SECTORS.subList(2, 6)));

    assertThat(q.popUntil(13).isEmpty()).isTrue();
  }

  @Test
  void reschedulesRecoverRestoresAllSectorStats() {
    ExpirationQueue q = empty(new QuantSpec(4, 1));
    q.addActiveSectors(SECTORS, SSIZE);
    q.rescheduleAsFaults(6, SECTORS.subList(1, 5), SSIZE);
    PowerPair recovered = q.rescheduleRecovered(SECTORS.subList(1, 5), SSIZE);
    assertThat(recovered).isEqualTo(power(SECTORS.subList(1, 5)));

    ExpirationSet set = q.popUntil(5);
    assertThat(set.onTimeSectors()).isEqualTo(BitField.of(1, 2));
    assertThat(set.onTimePledge()).isEqualTo(TokenAmount.ofAtto(2001));
    assertThat(set.activePower()).isEqualTo(power(SECTORS.subList(0, 2)));
    assertThat(set.faultyPower()).isEqualTo(PowerPair.ZERO);

    set = q.popUntil(9);
    assertThat(set.onTimeSectors()).isEqualTo(BitField.of(3, 4));
    assertThat(set.earlySectors().isEmpty()).isTrue();
    assertThat(set.onTimePledge()).isEqualTo(TokenAmount.ofAtto(2005));
    assertThat(set.activePower()).isEqualTo(power(SECTORS.subList(2, 4)));

    set = q.popUntil(13);
    assertThat(set.onTimeSectors()).isEqualTo(BitField.of(5, 6));
    assertThat(set.onTimePledge()).isEqualTo(TokenAmount.ofAtto(2009));
    assertThat(set.activePower()).isEqualTo(power(SECTORS.subList(4, 6)));
  }

  @Test
  void removesSectorsIncludingFaultyAndRecovering() {
    ExpirationQueue q = empty(new QuantSpec(4, 1));
    q.addActiveSectors(SECTORS, SSIZE);
    // fault sectors 3..6, then remove 1, 4 and 6 with 4 recovering
    List<SectorOnChainInfo> faults = SECTORS.subList(2, 6);
    q.rescheduleAsFaults(6, faults, SSIZE);
    BitField faultNos = BitField.of(3, 4, 5, 6);
    BitField recovering = BitField.of(4);
    List<SectorOnChainInfo> toRemove = List.of(SECTORS.get(0), SECTORS.get(3), SECTORS.get(5));
    ExpirationQueue.Removal removal = q.removeSectors(toRemove, faultNos, recovering, SSIZE);
    ExpirationSet removed = removal.removed();
    assertThat(removed.onTimeSectors()).isEqualTo(BitField.of(1, 4));
    assertThat(removed.earlySectors()).isEqualTo(BitField.of(6));
    assertThat(removed.onTimePledge()).isEqualTo(TokenAmount.ofAtto(1000 + 1003));
    assertThat(removed.activePower()).isEqualTo(power(SECTORS.subList(0, 1)));
    assertThat(removed.faultyPower()).isEqualTo(power(List.of(SECTORS.get(3), SECTORS.get(5))));
    assertThat(removal.recoveringPower()).isEqualTo(power(List.of(SECTORS.get(3))));

    ExpirationSet set = q.popUntil(5);
    assertThat(set.onTimeSectors()).isEqualTo(BitField.of(2));
    set = q.popUntil(9);
    assertThat(set.onTimeSectors()).isEqualTo(BitField.of(3));
    assertThat(set.earlySectors()).isEqualTo(BitField.of(5));
    assertThat(set.onTimePledge()).isEqualTo(TokenAmount.ofAtto(1002));
    assertThat(set.faultyPower()).isEqualTo(power(List.of(SECTORS.get(2), SECTORS.get(4))));
    assertThat(q.popUntil(20).isEmpty()).isTrue();
  }

  @Test
  void rescheduleRecoverFailsForSectorsNotInQueue() {
    ExpirationQueue q = empty(QuantSpec.NO_QUANTIZATION);
    q.addActiveSectors(SECTORS.subList(0, 2), SSIZE);
    assertThatThrownBy(() -> q.rescheduleRecovered(SECTORS.subList(2, 3), SSIZE))
        .isInstanceOf(ActorException.class)
        .hasMessageContaining("not found");
  }

  @Test
  void replaceSectorsMovesPowerAndPledge() {
    ExpirationQueue q = empty(QuantSpec.NO_QUANTIZATION);
    q.addActiveSectors(SECTORS.subList(0, 3), SSIZE);
    List<SectorOnChainInfo> newer =
        List.of(SECTORS.get(0).withExpiration(20), SECTORS.get(1).withExpiration(20));
    ExpirationQueue.Replacement r = q.replaceSectors(SECTORS.subList(0, 2), newer, SSIZE);
    assertThat(r.oldSectors()).isEqualTo(BitField.of(1, 2));
    assertThat(r.newSectors()).isEqualTo(BitField.of(1, 2));
    assertThat(r.pledgeDelta()).isEqualTo(TokenAmount.ZERO);
    assertThat(r.powerDelta()).isEqualTo(power(newer).sub(power(SECTORS.subList(0, 2))));
    assertThat(q.popUntil(7).onTimeSectors()).isEqualTo(BitField.of(3));
    assertThat(q.popUntil(20).onTimeSectors()).isEqualTo(BitField.of(1, 2));
  }
}
