package io.filnode.node.keystore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.chain.types.SignatureType;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Lotus's {@code types.KeyInfo}: a key type and the private key bytes in Lotus's order (secp256k1
 * big-endian, BLS little-endian). Its JSON is {@code {"Type":"secp256k1"|"bls","PrivateKey":
 * base64}}; {@code lotus wallet export} prints the hex of that JSON ("hex-lotus").
 */
public record KeyInfo(SignatureType type, byte[] privateKey) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public KeyInfo {
    if (type == null || privateKey == null) {
      throw new IllegalArgumentException("a key needs a type and private key bytes");
    }
    privateKey = privateKey.clone();
  }

  @Override
  public byte[] privateKey() {
    return privateKey.clone();
  }

  /** Lotus's key type name. */
  public static String typeName(SignatureType type) {
    return switch (type) {
      case SECP256K1 -> "secp256k1";
      case BLS -> "bls";
    };
  }

  /** The type named as Lotus names it (also the deprecated numbers 1 and 2, as Lotus reads). */
  public static SignatureType parseType(JsonNode node) throws KeyStoreException {
    if (node != null && node.isTextual()) {
      switch (node.asText().toLowerCase(Locale.ROOT)) {
        case "secp256k1":
          return SignatureType.SECP256K1;
        case "bls":
          return SignatureType.BLS;
        default:
          break;
      }
    } else if (node != null && node.isInt() && SignatureType.ofCode(node.asInt()) != null) {
      return SignatureType.ofCode(node.asInt());
    }
    throw new KeyStoreException("unknown key type " + node + " (want secp256k1 or bls)");
  }

  /** The JSON Lotus writes: Type first, then PrivateKey in padded standard base64. */
  public byte[] toJson() {
    return secretToJson(typeName(type), privateKey);
  }

  /** Reads Lotus's KeyInfo JSON. */
  public static KeyInfo fromJson(byte[] json) throws KeyStoreException {
    JsonNode o;
    try {
      o = JSON.readTree(json);
    } catch (IOException e) {
      throw new KeyStoreException("key info is not JSON: " + e.getMessage(), e);
    }
    if (o == null || !o.isObject()) {
      throw new KeyStoreException("key info must be a JSON object");
    }
    SignatureType type = parseType(o.get("Type"));
    JsonNode pk = o.get("PrivateKey");
    if (pk == null || !pk.isTextual()) {
      throw new KeyStoreException("key info has no PrivateKey");
    }
    try {
      return new KeyInfo(type, Base64.getDecoder().decode(pk.asText()));
    } catch (IllegalArgumentException e) {
      throw new KeyStoreException("key info PrivateKey is not base64", e);
    }
  }

  /** A KeyInfo JSON for a non-signing secret (Lotus's {@code jwt-hmac-secret}). */
  static byte[] secretToJson(String type, byte[] secret) {
    ObjectNode o = JSON.createObjectNode();
    o.put("Type", type);
    o.put("PrivateKey", Base64.getEncoder().encodeToString(secret));
    try {
      return JSON.writeValueAsBytes(o);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("writing KeyInfo JSON", e);
    }
  }

  /** The secret of a KeyInfo JSON whose Type must be {@code type}. */
  static byte[] secretFromJson(byte[] json, String type) throws KeyStoreException {
    JsonNode o;
    try {
      o = JSON.readTree(json);
    } catch (IOException e) {
      throw new KeyStoreException("key info is not JSON: " + e.getMessage(), e);
    }
    if (o == null || !o.isObject() || !type.equals(o.path("Type").asText())) {
      throw new KeyStoreException("key info is not of type " + type);
    }
    try {
      return Base64.getDecoder().decode(o.path("PrivateKey").asText());
    } catch (IllegalArgumentException e) {
      throw new KeyStoreException("key info PrivateKey is not base64", e);
    }
  }

  /** {@code lotus wallet export}'s format: the hex of the JSON. */
  public String toLotusHex() {
    return HexFormat.of().formatHex(toJson());
  }

  /** Reads {@code lotus wallet export} output (surrounding whitespace ignored). */
  public static KeyInfo fromLotusHex(String hex) throws KeyStoreException {
    byte[] json;
    try {
      json = HexFormat.of().parseHex(hex.strip());
    } catch (IllegalArgumentException e) {
      throw new KeyStoreException("exported key is not hex", e);
    }
    return fromJson(json);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyInfo k && k.type == type && Arrays.equals(k.privateKey, privateKey);
  }

  @Override
  public int hashCode() {
    return type.hashCode() * 31 + Arrays.hashCode(privateKey);
  }

  @Override
  public String toString() {
    return "KeyInfo[" + typeName(type) + ", private key hidden]";
  }
}
