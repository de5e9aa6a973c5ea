package io.filnode.chain.testing;

import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.BlockMsg;
import io.filnode.chain.types.ElectionProof;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.MsgMeta;
import io.filnode.chain.types.PoStProof;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Valid chain values drawn from a seeded {@link Random}: seeds for properties and fuzzing. */
public final class RandomChainValues {
  private final Random rnd;

  public RandomChainValues(long seed) {
    this.rnd = new Random(seed);
  }

  public byte[] bytes(int max) {
    byte[] b = new byte[rnd.nextInt(max + 1)];
    rnd.nextBytes(b);
    return b;
  }

  private byte[] exact(int n) {
    byte[] b = new byte[n];
    rnd.nextBytes(b);
    return b;
  }

  public Address address() {
    switch (rnd.nextInt(4)) {
      case 0:
        return Address.newId(rnd.nextBoolean() ? rnd.nextInt(100_000) : rnd.nextLong() >>> 1);
      case 1:
        return Address.newSecp256k1(exact(65));
      case 2:
        return Address.newActor(exact(20));
      default:
        return Address.newBls(exact(48));
    }
  }

  public Cid cid() {
    return Cid.ofDagCbor(exact(8));
  }

  public TokenAmount amount() {
    return TokenAmount.ofAtto(new BigInteger(rnd.nextInt(130), rnd));
  }

  public Signature signature() {
    return rnd.nextBoolean()
        ? new Signature(SignatureType.SECP256K1, exact(65))
        : new Signature(SignatureType.BLS, exact(96));
  }

  public UnsignedMessage message() {
    return new UnsignedMessage(
        0,
        address(),
        address(),
        rnd.nextLong(),
        amount(),
        rnd.nextLong(),
        amount(),
        amount(),
        rnd.nextInt(4) == 0 ? rnd.nextLong() : rnd.nextInt(30),
        bytes(64));
  }

  public SignedMessage signedMessage() {
    return new SignedMessage(message(), signature());
  }

  public MessageReceipt receipt() {
    return new MessageReceipt(rnd.nextInt(40) - 1, bytes(40), rnd.nextLong());
  }

  public MsgMeta msgMeta() {
    return new MsgMeta(cid(), cid());
  }

  private <T> List<T> list(int max, java.util.function.Supplier<T> item) {
    int n = rnd.nextInt(max + 1);
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(item.get());
    }
    return out;
  }

  public BlockHeader blockHeader() {
    return new BlockHeader(
        address(),
        rnd.nextInt(8) == 0 ? null : new Ticket(exact(96)),
        rnd.nextInt(8) == 0 ? null : new ElectionProof(rnd.nextInt(5), exact(96)),
        list(3, () -> new BeaconEntry(rnd.nextLong(), exact(96))),
        list(2, () -> new PoStProof(rnd.nextInt(15), exact(192))),
        list(5, this::cid),
        new BigInteger(rnd.nextInt(100), rnd),
        rnd.nextInt(3_000_000),
        cid(),
        cid(),
        cid(),
        rnd.nextInt(4) == 0 ? null : new Signature(SignatureType.BLS, exact(96)),
        rnd.nextLong(),
        rnd.nextInt(4) == 0 ? null : new Signature(SignatureType.BLS, exact(96)),
        rnd.nextInt(2),
        amount());
  }

  public BlockMsg blockMsg() {
    return new BlockMsg(blockHeader(), list(20, this::cid), list(20, this::cid));
  }
}
