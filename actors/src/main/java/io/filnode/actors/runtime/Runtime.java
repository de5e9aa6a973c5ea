package io.filnode.actors.runtime;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TokenAmount;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a built-in actor sees of the VM during one call, as specs-actors v2 defines {@code
 * runtime.Runtime}. The VM implements it; actors only call it. Every method may throw {@link
 * ActorException} (an abort with an exit code, including running out of gas), which unwinds the
 * actor's call.
 */
public interface Runtime extends Syscalls {
  // --- Message ---

  /** The immediate caller, as an ID address. */
  Address caller();

  /** The actor being called, as an ID address. */
  Address receiver();

  /** The value sent with this call (already credited to the receiver). */
  TokenAmount valueReceived();

  // --- Chain ---

  /** The network version at the current epoch. */
  int networkVersion();

  long currEpoch();

  /** Total FIL circulating supply at the current epoch. */
  TokenAmount totalFilCircSupply();

  // --- Caller validation: exactly one of these must run in every method ---

  void validateImmediateCallerAcceptAny();

  void validateImmediateCallerIs(Address... addresses);

  void validateImmediateCallerType(Cid... codes);

  // --- Actors ---

  /** The receiver's balance. */
  TokenAmount currentBalance();

  /** The ID address of {@code address}, or empty when no actor has it. */
  Optional<Address> resolveAddress(Address address);

  /** The code CID of the actor at {@code address}, or empty when there is none. */
  Optional<Cid> getActorCodeCid(Address address);

  /** An address for a new actor, derived from the origin message and a per-message counter. */
  Address newActorAddress();

  void createActor(Cid code, Address address);

  /** Deletes the receiver, sending its balance to {@code beneficiary}. */
  void deleteActor(Address beneficiary);

  // --- Randomness ---

  byte[] getRandomnessFromTickets(DomainSeparationTag tag, long epoch, byte[] entropy);

  byte[] getRandomnessFromBeacon(DomainSeparationTag tag, long epoch, byte[] entropy);

  // --- Sending ---

  /**
   * Calls {@code method} of {@code to}, transferring {@code value}. A failing callee does not abort
   * the caller: its exit code comes back in the result, and its state changes are reverted. {@code
   * params} may be null (no parameters). Forbidden inside {@link #stateTransaction}.
   */
  SendResult send(Address to, long method, CborEncodable params, TokenAmount value);

  // --- State of the receiver ---

  /** Sets the receiver's first state; fails if it has one already. */
  void stateCreate(CborEncodable state);

  /** Loads the receiver's state without allowing changes. */
  <S> S stateReadonly(CborReader.Decoder<S> decoder);

  /**
   * Loads the receiver's state, runs {@code body} on it (it may mutate the object) and stores the
   * result as the receiver's new state. If {@code body} aborts, nothing is stored. Sends are
   * forbidden inside the body.
   */
  <S extends CborEncodable, R> R stateTransaction(
      CborReader.Decoder<S> decoder, Function<S, R> body);

  // --- Store (every access charges gas) ---

  /** Loads and decodes a block; null when the store does not have it. */
  <T> T storeGet(Cid cid, CborReader.Decoder<T> decoder);

  Cid storePut(CborEncodable value);

  /**
   * The gas-charging store for HAMTs and AMTs, the same store that {@link #storeGet} and {@link
   * #storePut} use.
   */
  IpldStore store();

  // --- Gas ---

  void chargeGas(String name, long gas);
}
