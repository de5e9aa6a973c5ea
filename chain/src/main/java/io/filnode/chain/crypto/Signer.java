package io.filnode.chain.crypto;

import io.filnode.chain.address.Address;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.UnsignedMessage;

/**
 * Signs data and messages as Lotus's {@code lib/sigs} does. A message is signed over its CID bytes:
 * secp256k1 signs blake2b-256 of them, BLS signs them as they are.
 */
public final class Signer {
  private Signer() {}

  /** The address of a private key: f1 from the uncompressed secp256k1 key, f3 from the BLS key. */
  public static Address address(SignatureType type, byte[] privateKey) throws CryptoException {
    return switch (type) {
      case SECP256K1 -> Address.newSecp256k1(Secp256k1.get().publicKey(privateKey));
      case BLS -> Address.newBls(Bls.publicKey(privateKey));
    };
  }

  /** Signs {@code data} with a private key in Lotus's KeyInfo byte order. */
  public static Signature sign(SignatureType type, byte[] privateKey, byte[] data)
      throws CryptoException {
    byte[] sig =
        switch (type) {
          case SECP256K1 -> Secp256k1.get().sign(privateKey, data);
          case BLS -> Bls.sign(privateKey, data);
        };
    return new Signature(type, sig);
  }

  /** Signs the message's CID bytes. The key is not checked against {@code message.from()}. */
  public static SignedMessage signMessage(
      SignatureType type, byte[] privateKey, UnsignedMessage message) throws CryptoException {
    return new SignedMessage(message, sign(type, privateKey, message.cid().bytes()));
  }
}
