package io.filnode.actors.v2.miner;

import io.filnode.chain.bitfield.BitField;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.types.TokenAmount;

/**
 * The sectors expiring at one epoch of a partition's expiration queue, on time or early (faulty for
 * too long), with their pledge and power; a tuple of 5. Mutable.
 */
public final class ExpirationSet implements CborEncodable {
  BitField onTimeSectors;
  BitField earlySectors;
  TokenAmount onTimePledge;
  PowerPair activePower;
  PowerPair faultyPower;

  public ExpirationSet(
      BitField onTimeSectors,
      BitField earlySectors,
      TokenAmount onTimePledge,
      PowerPair activePower,
      PowerPair faultyPower) {
    this.onTimeSectors = onTimeSectors;
    this.earlySectors = earlySectors;
    this.onTimePledge = onTimePledge;
    this.activePower = activePower;
    this.faultyPower = faultyPower;
  }

  public static ExpirationSet empty() {
    return new ExpirationSet(
        BitField.empty(), BitField.empty(), TokenAmount.ZERO, PowerPair.ZERO, PowerPair.ZERO);
  }

  /** Overwrites every field with {@code o}'s (Go's decoding into a reused struct). */
  void copyFrom(ExpirationSet o) {
    onTimeSectors = o.onTimeSectors;
    earlySectors = o.earlySectors;
    onTimePledge = o.onTimePledge;
    activePower = o.activePower;
    faultyPower = o.faultyPower;
  }

  public BitField onTimeSectors() {
    return onTimeSectors;
  }

  public BitField earlySectors() {
    return earlySectors;
  }

  public TokenAmount onTimePledge() {
    return onTimePledge;
  }

  public PowerPair activePower() {
    return activePower;
  }

  public PowerPair faultyPower() {
    return faultyPower;
  }

  void add(
      BitField onTime, BitField early, TokenAmount pledge, PowerPair active, PowerPair faulty) {
    onTimeSectors = onTimeSectors.union(onTime);
    earlySectors = earlySectors.union(early);
    onTimePledge = onTimePledge.add(pledge);
    activePower = activePower.add(active);
    faultyPower = faultyPower.add(faulty);
    validateState();
  }

  void remove(
      BitField onTime, BitField early, TokenAmount pledge, PowerPair active, PowerPair faulty) {
    if (!BitFields.containsAll(onTimeSectors, onTime)) {
      throw Errors.illegalState(
          "removing on-time sectors %s not contained in %s", onTime, onTimeSectors);
    }
    if (!BitFields.containsAll(earlySectors, early)) {
      throw Errors.illegalState(
          "removing early sectors %s not contained in %s", early, earlySectors);
    }
    onTimeSectors = onTimeSectors.subtract(onTime);
    earlySectors = earlySectors.subtract(early);
    onTimePledge = onTimePledge.subtract(pledge);
    activePower = activePower.sub(active);
    faultyPower = faultyPower.sub(faulty);
    if (onTimePledge.signum() < 0) {
      throw Errors.illegalState("expiration set pledge underflow");
    }
    if (activePower.qa().signum() < 0 || faultyPower.qa().signum() < 0) {
      throw Errors.illegalState("expiration set power underflow");
    }
    validateState();
  }

  public boolean isEmpty() {
    return onTimeSectors.isEmpty() && earlySectors.isEmpty();
  }

  public long count() {
    return onTimeSectors.count() + earlySectors.count();
  }

  void validateState() {
    if (onTimePledge.signum() < 0) {
      throw Errors.illegalState("ESet left with negative pledge");
    }
    if (activePower.raw().signum() < 0) {
      throw Errors.illegalState("ESet left with negative raw active power");
    }
    if (activePower.qa().signum() < 0) {
      throw Errors.illegalState("ESet left with negative qa active power");
    }
    if (faultyPower.raw().signum() < 0) {
      throw Errors.illegalState("ESet left with negative raw faulty power");
    }
    if (faultyPower.qa().signum() < 0) {
      throw Errors.illegalState("ESet left with negative qa faulty power");
    }
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(5);
    BitFields.encode(w, onTimeSectors);
    BitFields.encode(w, earlySectors);
    onTimePledge.encode(w);
    activePower.encode(w);
    faultyPower.encode(w);
  }

  public static ExpirationSet decode(CborReader r) throws CborException {
    r.readTupleHeader(5, "ExpirationSet");
    return new ExpirationSet(
        BitFields.decode(r),
        BitFields.decode(r),
        TokenAmount.decode(r),
        PowerPair.decode(r),
        PowerPair.decode(r));
  }
}
