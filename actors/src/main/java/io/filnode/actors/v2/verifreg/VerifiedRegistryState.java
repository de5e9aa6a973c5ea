package io.filnode.actors.v2.verifreg;

import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import java.math.BigInteger;

/**
 * The verified registry's state: the tuple {@code [RootKey, Verifiers, VerifiedClients]}. The root
 * key (an ID address) adds and removes verifiers; {@code Verifiers} and {@code VerifiedClients} are
 * HAMTs from an ID address's bytes to its remaining DataCap (a big integer of bytes). Mutable, for
 * use inside a state transaction.
 */
public final class VerifiedRegistryState implements CborEncodable {
  /** The smallest deal (and so allowance) that counts as verified: 1 MiB. */
  public static final BigInteger MIN_VERIFIED_DEAL_SIZE = BigInteger.ONE.shiftLeft(20);

  private final Address rootKey;
  private Cid verifiers;
  private Cid verifiedClients;

  public VerifiedRegistryState(Address rootKey, Cid verifiers, Cid verifiedClients) {
    this.rootKey = rootKey;
    this.verifiers = verifiers;
    this.verifiedClients = verifiedClients;
  }

  /** A new state: both tables start as the same empty map. */
  public static VerifiedRegistryState construct(Cid emptyMap, Address rootKey) {
    return new VerifiedRegistryState(rootKey, emptyMap, emptyMap);
  }

  public Address rootKey() {
    return rootKey;
  }

  public Cid verifiers() {
    return verifiers;
  }

  public void setVerifiers(Cid verifiers) {
    this.verifiers = verifiers;
  }

  public Cid verifiedClients() {
    return verifiedClients;
  }

  public void setVerifiedClients(Cid verifiedClients) {
    this.verifiedClients = verifiedClients;
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(3);
    rootKey.encode(w);
    w.writeCid(verifiers);
    w.writeCid(verifiedClients);
  }

  public static VerifiedRegistryState decode(CborReader r) throws CborException {
    r.readTupleHeader(3, "verified registry state");
    Address root = Address.decode(r);
    Cid verifiers = r.readCid();
    return new VerifiedRegistryState(root, verifiers, r.readCid());
  }
}
