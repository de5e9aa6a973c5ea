package io.filnode.chain.state;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TokenAmount;

/**
 * An entry of the state tree, Lotus's {@code types.Actor}: the tuple {@code [Code, Head, Nonce,
 * Balance]}. {@code nonce} is a uint64 (Java long read as unsigned).
 */
public record Actor(Cid code, Cid head, long nonce, TokenAmount balance) implements CborEncodable {
  public Actor {
    if (code == null || head == null || balance == null) {
      throw new IllegalArgumentException("actor is missing its code, head or balance");
    }
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(4);
    w.writeCid(code);
    w.writeCid(head);
    w.writeUint64(nonce);
    balance.encode(w);
  }

  public static Actor decode(CborReader r) throws CborException {
    r.readTupleHeader(4, "actor");
    Cid code = r.readCid();
    Cid head = r.readCid();
    long nonce = r.readUint64();
    TokenAmount balance = TokenAmount.decode(r);
    return new Actor(code, head, nonce, balance);
  }

  /** The same actor with another head (state). */
  public Actor withHead(Cid newHead) {
    return new Actor(code, newHead, nonce, balance);
  }
}
