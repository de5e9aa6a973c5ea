package io.filnode.node.cli;

import io.filnode.chain.types.SignatureType;
import io.filnode.node.keystore.KeyInfo;
import io.filnode.node.keystore.KeyStoreException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A private key given on the command line in hex: either the raw 32 bytes as Lotus's KeyInfo holds
 * them (secp256k1 big-endian, BLS little-endian), which needs a type, or {@code lotus wallet
 * export} output (hex-lotus: the hex of the KeyInfo JSON), which carries its own.
 */
final class KeyHex {
  private static final int RAW_KEY_BYTES = 32;

  private KeyHex() {}

  /** The key type named as Lotus names it: {@code secp256k1} or {@code bls}. */
  static SignatureType type(String name) throws ToolCommand.BadInput {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "secp256k1" -> SignatureType.SECP256K1;
      case "bls" -> SignatureType.BLS;
      default ->
          throw new ToolCommand.BadInput("unknown key type '" + name + "' (use secp256k1 or bls)");
    };
  }

  /**
   * Reads {@code hex} (an optional {@code 0x} and surrounding whitespace allowed); {@code type} may
   * be null for a hex-lotus export and must match it when given.
   */
  static KeyInfo parse(String type, String hex) throws ToolCommand.BadInput {
    String digits = hex.strip();
    if (digits.startsWith("0x")) {
      digits = digits.substring(2);
    }
    byte[] bytes;
    try {
      bytes = HexFormat.of().parseHex(digits);
    } catch (IllegalArgumentException e) {
      throw new ToolCommand.BadInput("--key-hex is not hex: " + e.getMessage(), e);
    }
    SignatureType given = type == null ? null : type(type);
    if (bytes.length == RAW_KEY_BYTES) {
      if (given == null) {
        throw new ToolCommand.BadInput(
            "--type is required with a raw 32-byte key (secp256k1 or bls)");
      }
      return new KeyInfo(given, bytes);
    }
    if (bytes.length == 0 || bytes[0] != '{') {
      throw new ToolCommand.BadInput(
          "--key-hex must be a 32-byte private key (64 hex digits) or a hex-lotus export, got "
              + bytes.length
              + " bytes");
    }
    KeyInfo exported;
    try {
      exported = KeyInfo.fromJson(bytes);
    } catch (KeyStoreException e) {
      throw new ToolCommand.BadInput("--key-hex is not a hex-lotus key: " + e.getMessage(), e);
    }
    if (given != null && given != exported.type()) {
      throw new ToolCommand.BadInput(
          "--type "
              + KeyInfo.typeName(given)
              + " does not match the exported key, which is "
              + KeyInfo.typeName(exported.type()));
    }
    return exported;
  }
}
