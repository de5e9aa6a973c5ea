package io.filnode.chain.testing;

import io.filnode.chain.address.Address;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.MessageReceipt;
import io.filnode.chain.types.MsgMeta;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-made chain of single-block tipsets for tests of message search and waiting: no VM runs,
 * but each tipset's parent state and receipts say what executing its parent's messages would have
 * done to the accounts sending them (nonces bumped, every receipt exit 0 with gas used 1000 + the
 * nonce). Accounts are ID addresses, so states need no init actor. Messages go in as secp256k1
 * messages with a dummy signature (so their on-chain CID is the signed one) unless given as BLS.
 */
public final class MessageChain {
  private static final Cid ACCOUNT_CODE = BuiltinActors.codeCid(ActorKind.ACCOUNT, 2);

  private final MemoryBlockstore blocks = new MemoryBlockstore();
  private final IpldStore ipld = new IpldStore(blocks);
  private final ChainStore chain = new ChainStore(blocks, new MemoryChainMetadata());
  private final Map<TipSetKey, Map<Address, Long>> noncesAfter = new HashMap<>();
  private final Map<TipSetKey, List<CarriedMessage>> carried = new HashMap<>();
  private final TipSet genesis;

  /** A message a tipset carries, and the CID it has on chain. */
  public record CarriedMessage(Cid cid, UnsignedMessage message, boolean bls) {}

  /** A chain whose genesis state has {@code accounts} with nonce zero; the genesis is the head. */
  public MessageChain(List<Address> accounts) throws CborException, ChainStoreException {
    Map<Address, Long> nonces = new HashMap<>();
    accounts.forEach(a -> nonces.put(a, 0L));
    BlockHeader g = genesisHeader(state(nonces));
    chain.setGenesis(g);
    genesis = TipSet.of(g);
    noncesAfter.put(genesis.key(), nonces);
    carried.put(genesis.key(), List.of());
  }

  public ChainStore chain() {
    return chain;
  }

  public MemoryBlockstore blocks() {
    return blocks;
  }

  public TipSet genesis() {
    return genesis;
  }

  /** An unsigned send from {@code from} with {@code nonce}, 1 attoFIL and the given premium. */
  public static UnsignedMessage send(Address from, long nonce, long premium) {
    return new UnsignedMessage(
        0,
        Address.newId(99),
        from,
        nonce,
        TokenAmount.ofAtto(1),
        1_000_000,
        TokenAmount.ofAtto(premium + 100),
        TokenAmount.ofAtto(premium),
        0,
        new byte[0]);
  }

  /** The message as a block would carry it from a secp256k1 sender (a dummy signature). */
  public static SignedMessage signed(UnsignedMessage m) {
    return new SignedMessage(m, new Signature(SignatureType.SECP256K1, new byte[65]));
  }

  /** The expected receipt of {@code m} once executed. */
  public static MessageReceipt receiptOf(UnsignedMessage m) {
    return new MessageReceipt(0, new byte[0], 1000 + m.nonce());
  }

  /**
   * Stores a block on {@code parent}, {@code step} epochs above it, carrying {@code secpk}
   * (secp256k1, dummy-signed) and {@code bls} messages; its parent state and receipts account for
   * the parent's messages. Does not change the head.
   */
  public TipSet extend(
      TipSet parent, int step, List<UnsignedMessage> secpk, List<UnsignedMessage> bls)
      throws CborException {
    Map<Address, Long> nonces = new HashMap<>(noncesAfter.get(parent.key()));
    List<MessageReceipt> receipts = new ArrayList<>();
    for (CarriedMessage m : carried.get(parent.key())) {
      nonces.merge(m.message().from(), 1L, Long::sum);
      receipts.add(receiptOf(m.message()));
    }
    List<CarriedMessage> mine = new ArrayList<>();
    List<CborEncodable> blsCids = new ArrayList<>();
    List<CborEncodable> secpCids = new ArrayList<>();
    for (UnsignedMessage m : bls) {
      blocks.put(m.cid(), m.toCbor());
      blsCids.add(w -> w.writeCid(m.cid()));
      mine.add(new CarriedMessage(m.cid(), m, true));
    }
    for (UnsignedMessage u : secpk) {
      SignedMessage m = signed(u);
      blocks.put(m.cid(), m.toCbor());
      secpCids.add(w -> w.writeCid(m.cid()));
      mine.add(new CarriedMessage(m.cid(), u, false));
    }
    MsgMeta meta = new MsgMeta(amt(blsCids), amt(secpCids));
    blocks.put(meta.cid(), meta.toCbor());
    BlockHeader b =
        new BlockHeader(
            Address.newId(1000),
            new Ticket(new byte[] {(byte) (parent.height() + step)}),
            null,
            List.of(),
            List.of(),
            parent.cids(),
            BigInteger.ZERO,
            parent.height() + step,
            state(nonces),
            amt(new ArrayList<>(receipts)),
            meta.cid(),
            null,
            0,
            null,
            0,
            TokenAmount.ofAtto(100));
    blocks.put(b.cid(), b.toCbor());
    TipSet ts = TipSet.of(b);
    noncesAfter.put(ts.key(), nonces);
    // as Lotus's MessagesForTipset: BLS messages first
    List<CarriedMessage> ordered = new ArrayList<>(mine.stream().filter(c -> c.bls).toList());
    ordered.addAll(mine.stream().filter(c -> !c.bls).toList());
    carried.put(ts.key(), ordered);
    return ts;
  }

  /** {@link #extend(TipSet, int, List, List)} one epoch up with secp256k1 messages only. */
  public TipSet extend(TipSet parent, UnsignedMessage... secpk) throws CborException {
    return extend(parent, 1, List.of(secpk), List.of());
  }

  /** The messages {@code ts} carries, in execution order. */
  public List<CarriedMessage> carried(TipSet ts) {
    return carried.get(ts.key());
  }

  private Cid state(Map<Address, Long> nonces) throws CborException {
    StateTree tree = StateTree.create(ipld, 1);
    for (Map.Entry<Address, Long> e : nonces.entrySet()) {
      tree.setActor(
          e.getKey(), new Actor(ACCOUNT_CODE, emptyAmt(), e.getValue(), TokenAmount.ofFil(1)));
    }
    return tree.flush();
  }

  private Cid emptyAmt() {
    return Amt.create(ipld, AmtOptions.v2()).flush();
  }

  private Cid amt(List<? extends CborEncodable> values) throws CborException {
    Amt amt = Amt.create(ipld, AmtOptions.v2());
    for (int i = 0; i < values.size(); i++) {
      amt.set(i, values.get(i));
    }
    return amt.flush();
  }

  private BlockHeader genesisHeader(Cid state) {
    MsgMeta meta = new MsgMeta(emptyAmt(), emptyAmt());
    blocks.put(meta.cid(), meta.toCbor());
    BlockHeader b =
        new BlockHeader(
            Address.newId(1000),
            new Ticket(new byte[] {0}),
            null,
            List.of(),
            List.of(),
            List.of(),
            BigInteger.ZERO,
            0,
            state,
            emptyAmt(),
            meta.cid(),
            null,
            0,
            null,
            0,
            TokenAmount.ofAtto(100));
    blocks.put(b.cid(), b.toCbor());
    return b;
  }
}
