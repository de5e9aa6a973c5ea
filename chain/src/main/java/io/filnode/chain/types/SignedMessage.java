package io.filnode.chain.types;

import io.filnode.chain.cbor.CborEncodable;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cbor.CborWriter;
import io.filnode.chain.cid.Cid;

/**
 * A message with its signature. Its CID is that of the tuple, except for BLS-signed messages, whose
 * CID is the unsigned message's (their signatures are aggregated into the block).
 */
public record SignedMessage(UnsignedMessage message, Signature signature) implements CborEncodable {

  public SignedMessage {
    if (message == null || signature == null) {
      throw new IllegalArgumentException("a signed message needs a message and a signature");
    }
  }

  @Override
  public void encode(CborWriter w) {
    w.writeArrayHeader(2);
    message.encode(w);
    signature.encode(w);
  }

  public static SignedMessage decode(CborReader r) throws CborException {
    r.readTupleHeader(2, "SignedMessage");
    return new SignedMessage(UnsignedMessage.decode(r), Signature.decode(r));
  }

  public static SignedMessage fromCbor(byte[] bytes) throws CborException {
    return CborReader.decodeWhole(bytes, "SignedMessage", SignedMessage::decode);
  }

  @Override
  public Cid cid() {
    return signature.type() == SignatureType.BLS ? message.cid() : CborEncodable.super.cid();
  }

  /**
   * The on-chain size Lotus charges for: the whole signed message for secp256k1, else the message.
   */
  public int chainLength() {
    return signature.type() == SignatureType.BLS ? message.chainLength() : toCbor().length;
  }
}
