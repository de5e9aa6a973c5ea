package io.filnode.node.api;

import io.filnode.chain.address.Address;
import io.filnode.chain.address.Protocol;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.rpc.RpcException;

/**
 * What the handlers share: the chain store, and the lookups every method does the same way as Lotus
 * (an empty or null tipset key means the head; state methods read the tipset's parent state). Store
 * and decode failures become {@link RpcException}s with the cause's message.
 */
public final class ChainView {
  private final ChainStore chain;
  private final IpldStore ipld;

  public ChainView(ChainStore chain) {
    this.chain = chain;
    this.ipld = new IpldStore(chain.blockstore());
  }

  public ChainStore chain() {
    return chain;
  }

  public IpldStore ipld() {
    return ipld;
  }

  /** The head; an error before there is one. */
  public TipSet head() throws RpcException {
    TipSet h = chain.head();
    if (h == null) {
      throw new RpcException("the node has no head yet");
    }
    return h;
  }

  /** The tipset of {@code key}, or the head when the key is null or empty. */
  public TipSet tipSet(TipSetKey key) throws RpcException {
    if (key == null || key.cids().isEmpty()) {
      return head();
    }
    try {
      return chain.loadTipSet(key);
    } catch (ChainStoreException e) {
      throw new RpcException("loading tipset " + key + ": " + e.getMessage());
    }
  }

  /** The state tree a tipset's methods read: its parent state. */
  public StateTree parentState(TipSet ts) throws RpcException {
    try {
      return StateTree.load(ipld, ts.parentStateRoot());
    } catch (CborException e) {
      throw new RpcException("loading state tree " + ts.parentStateRoot() + ": " + e.getMessage());
    }
  }

  /** The actor at {@code addr} in {@code tree}, or null when there is none. */
  public static Actor actorOrNull(StateTree tree, Address addr) throws RpcException {
    try {
      return tree.getActor(addr);
    } catch (CborException e) {
      throw new RpcException("loading actor " + addr + ": " + e.getMessage());
    }
  }

  /** The actor at {@code addr} in {@code tree}; Lotus's error when there is none. */
  public static Actor actor(StateTree tree, Address addr) throws RpcException {
    Actor a = actorOrNull(tree, addr);
    if (a == null) {
      throw new RpcException("actor not found");
    }
    return a;
  }

  /** The key address behind {@code a}: itself for f1/f3, else the account actor's address. */
  public Address accountKey(StateTree tree, Address a) throws RpcException {
    if (a.protocol() == Protocol.SECP256K1 || a.protocol() == Protocol.BLS) {
      return a;
    }
    Actor act = ChainView.actor(tree, a);
    byte[] head = chain.blockstore().get(act.head());
    if (head == null) {
      throw new RpcException("state of actor " + a + " is not in the store");
    }
    try {
      // account actor state (all versions): a one-field tuple [Address]
      CborReader r = new CborReader(head);
      r.readTupleHeader(1, "account actor state");
      Address key = Address.decode(r);
      r.expectEnd();
      return key;
    } catch (CborException e) {
      throw new RpcException("actor " + a + " is not an account actor: " + e.getMessage());
    }
  }

  /** Wraps a decode failure of stored data. */
  static RpcException decodeFailure(String what, CborException e) {
    return new RpcException("decoding " + what + ": " + e.getMessage());
  }
}
