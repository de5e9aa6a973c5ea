package io.filnode.chain.crypto;

import io.filnode.chain.address.Address;
import io.filnode.chain.address.Protocol;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignedMessage;

/**
 * Checks signatures as Lotus's {@code sigs.Verify}: the signature type must fit the signer's
 * address protocol; secp256k1 recovers the key and compares f1 payloads, BLS verifies against the
 * key inside the f3 address.
 */
public final class SignatureVerifier {
  private SignatureVerifier() {}

  /** True when {@code signature} is {@code signer}'s signature over {@code data}. */
  public static boolean verify(Signature signature, Address signer, byte[] data) {
    return switch (signature.type()) {
      case SECP256K1 ->
          signer.protocol() == Protocol.SECP256K1
              && Secp256k1.get().verify(signature.data(), data, signer.payload());
      case BLS ->
          signer.protocol() == Protocol.BLS && Bls.verify(signer.payload(), data, signature.data());
    };
  }

  /** True when the message is signed by its {@code From} over its unsigned CID bytes. */
  public static boolean verifyMessage(SignedMessage message) {
    return verify(message.signature(), message.message().from(), message.message().cid().bytes());
  }
}
