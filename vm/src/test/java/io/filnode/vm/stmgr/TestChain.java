package io.filnode.vm.stmgr;

import io.filnode.chain.address.Address;
import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.types.BeaconEntry;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.ElectionProof;
import io.filnode.chain.types.MsgMeta;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.Ticket;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Synthetic chains of block headers in memory, for the stmgr tests. */
final class TestChain {
  final MemoryBlockstore blocks = new MemoryBlockstore();
  final MemoryChainMetadata metadata = new MemoryChainMetadata();
  final ChainStore chain = new ChainStore(blocks, metadata);
  final Cid stateRoot = Cid.ofDagCbor(new byte[] {(byte) 0x80});

  /** A block header; {@code parent} null for the genesis. */
  BlockHeader block(
      long miner,
      TipSet parent,
      long height,
      byte[] ticket,
      List<BeaconEntry> beaconEntries,
      Cid messages,
      TokenAmount parentBaseFee) {
    return block(
        miner,
        parent,
        height,
        ticket,
        beaconEntries,
        messages,
        parentBaseFee,
        stateRoot,
        stateRoot);
  }

  /** A block header on the given parent state and receipts. */
  BlockHeader block(
      long miner,
      TipSet parent,
      long height,
      byte[] ticket,
      List<BeaconEntry> beaconEntries,
      Cid messages,
      TokenAmount parentBaseFee,
      Cid parentState,
      Cid parentReceipts) {
    return new BlockHeader(
        Address.newId(miner),
        new Ticket(ticket),
        new ElectionProof(1, new byte[] {1}),
        beaconEntries,
        List.of(),
        parent == null ? List.of() : parent.cids(),
        BigInteger.valueOf(height),
        height,
        parentState,
        parentReceipts,
        messages,
        null,
        1_600_000_000L + height * 30,
        null,
        0,
        parentBaseFee);
  }

  BlockHeader block(long miner, TipSet parent, long height, byte[] ticket, BeaconEntry... be)
      throws Exception {
    return block(miner, parent, height, ticket, List.of(be), messages(List.of(), List.of()), fee());
  }

  static TokenAmount fee() {
    return TokenAmount.ofAtto(100_000_000L);
  }

  /** Stores the blocks, makes them a tipset and the head. */
  TipSet tipSet(BlockHeader... headers) throws Exception {
    for (BlockHeader h : headers) {
      chain.putBlock(h);
    }
    TipSet ts = TipSet.of(headers);
    if (ts.height() == 0) {
      chain.setGenesis(headers[0]);
    } else {
      chain.setHead(ts);
    }
    return ts;
  }

  /** Stores the messages and their MsgMeta; returns the MsgMeta's CID. */
  Cid messages(List<UnsignedMessage> bls, List<SignedMessage> secpk) throws Exception {
    List<CborEncodable> blsCids = new ArrayList<>();
    for (UnsignedMessage m : bls) {
      blocks.put(m.cid(), m.toCbor());
      blsCids.add(w -> w.writeCid(m.cid()));
    }
    List<CborEncodable> secpCids = new ArrayList<>();
    for (SignedMessage m : secpk) {
      blocks.put(m.cid(), m.toCbor());
      secpCids.add(w -> w.writeCid(m.cid()));
    }
    MsgMeta meta = new MsgMeta(amtOf(blsCids), amtOf(secpCids));
    blocks.put(meta.cid(), meta.toCbor());
    return meta.cid();
  }

  private Cid amtOf(List<CborEncodable> values) throws Exception {
    Amt amt = Amt.create(new IpldStore(blocks), AmtOptions.v2());
    for (int i = 0; i < values.size(); i++) {
      amt.set(i, values.get(i));
    }
    return amt.flush();
  }

  static UnsignedMessage message(Address from, long nonce, long gasLimit) {
    return new UnsignedMessage(
        0,
        Address.newId(1000),
        from,
        nonce,
        TokenAmount.ofAtto(1),
        gasLimit,
        TokenAmount.ofAtto(200),
        TokenAmount.ofAtto(100),
        0,
        new byte[0]);
  }
}
