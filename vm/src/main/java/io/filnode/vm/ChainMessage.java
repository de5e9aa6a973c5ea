package io.filnode.vm;

import io.filnode.chain.address.Protocol;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.UnsignedMessage;

/**
 * A message as a block carries it: the message the VM runs and its size on chain (with the
 * signature for a secp256k1 message, which a BLS message does not carry).
 */
public record ChainMessage(UnsignedMessage message, int chainLength) {
  /** A BLS (or unsigned) message: on chain as itself. */
  public static ChainMessage unsigned(UnsignedMessage m) {
    return new ChainMessage(m, m.chainLength());
  }

  public static ChainMessage signed(SignedMessage m) {
    return new ChainMessage(m.message(), m.chainLength());
  }

  /**
   * A message as Lotus's conformance driver sizes it ({@code toChainMsg}): a secp256k1 sender's
   * message as if it carried a 65-byte signature, any other as itself.
   */
  public static ChainMessage forConformance(UnsignedMessage m) {
    if (m.from().protocol() == Protocol.SECP256K1) {
      return signed(new SignedMessage(m, new Signature(SignatureType.SECP256K1, new byte[65])));
    }
    return unsigned(m);
  }

  /** The CID blocks deduplicate by: the unsigned message's. */
  public Cid cid() {
    return message.cid();
  }
}
