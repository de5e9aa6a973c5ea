package io.filnode.node.miner;

import io.filnode.chain.amt.Amt;
import io.filnode.chain.amt.AmtOptions;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.crypto.Bls;
import io.filnode.chain.crypto.CryptoException;
import io.filnode.chain.types.MsgMeta;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores a block's messages as Lotus v1.10.0's {@code MinerCreateBlock} does: BLS messages without
 * their signatures (which become one aggregate in the header), secp256k1 messages signed, each list
 * as a go-amt-ipld v2 array of CIDs, both roots in a {@link MsgMeta}.
 */
final class MessagePacker {
  /** The compressed point at infinity: Lotus's aggregate of no BLS signatures. */
  private static final byte[] ZERO_BLS_SIGNATURE = zeroSignature();

  private MessagePacker() {}

  /** What a block header takes from its messages. */
  record Packed(Cid msgMeta, Signature blsAggregate, List<Cid> blsCids, List<Cid> secpkCids) {
    Packed {
      blsCids = List.copyOf(blsCids);
      secpkCids = List.copyOf(secpkCids);
    }
  }

  static Packed pack(IpldStore store, List<SignedMessage> messages) throws MiningException {
    List<Cid> bls = new ArrayList<>();
    List<Cid> secpk = new ArrayList<>();
    List<byte[]> blsSigs = new ArrayList<>();
    for (SignedMessage m : messages) {
      if (m.signature().type() == SignatureType.BLS) {
        blsSigs.add(m.signature().data());
        bls.add(store.put(m.message()));
      } else {
        secpk.add(store.put(m));
      }
    }
    Cid meta = store.put(new MsgMeta(cidArray(store, bls), cidArray(store, secpk)));
    return new Packed(meta, aggregate(blsSigs), bls, secpk);
  }

  private static Cid cidArray(IpldStore store, List<Cid> cids) throws MiningException {
    Amt arr = Amt.create(store, AmtOptions.v2());
    try {
      for (int i = 0; i < cids.size(); i++) {
        arr.set(i, new CborWriter().writeCid(cids.get(i)).toByteArray());
      }
    } catch (CborException e) {
      throw new MiningException("building a message CID array", e);
    }
    return arr.flush();
  }

  private static Signature aggregate(List<byte[]> sigs) throws MiningException {
    if (sigs.isEmpty()) {
      return new Signature(SignatureType.BLS, ZERO_BLS_SIGNATURE);
    }
    try {
      return new Signature(SignatureType.BLS, Bls.aggregate(sigs));
    } catch (CryptoException e) {
      throw new MiningException("aggregating " + sigs.size() + " BLS message signatures", e);
    }
  }

  private static byte[] zeroSignature() {
    byte[] zero = new byte[Bls.SIGNATURE_BYTES];
    zero[0] = (byte) 0xc0; // compressed, infinity
    return zero;
  }
}
