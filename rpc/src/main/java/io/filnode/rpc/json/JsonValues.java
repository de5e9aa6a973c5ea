package io.filnode.rpc.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.BigInts;
import io.filnode.chain.cid.Cid;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the primitive values of Lotus JSON from a Jackson tree, strictly and as Go's {@code
 * encoding/json} and Lotus's types read them. Every failure is a {@link LotusJsonException} naming
 * the field's path.
 */
final class JsonValues {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  /** What Go's {@code big.Int.SetString(s, 10)} accepts: an optional sign and decimal digits. */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]+");

  /** go-state-types' serialized limit of 128 bytes leaves 127 bytes of magnitude. */
  private static final int MAX_BIG_INT_BITS = (BigInts.MAX_SERIALIZED_LENGTH - 1) * 8;

  /** Enough digits for any big integer within the limit; longer strings are not even parsed. */
  private static final int MAX_BIG_INT_DIGITS = 310;

  private JsonValues() {}

  /** The node as a JSON object, or an error naming what it is instead. */
  static JsonNode object(JsonNode node, String path) throws LotusJsonException {
    if (node == null || !node.isObject()) {
      throw new LotusJsonException(path, "expected an object, got " + describe(node));
    }
    return node;
  }

  /**
   * The value of a field as Go's {@code encoding/json} finds it: keys match field names without
   * regard to case and, when several keys match, the last one wins. Null when there is none.
   */
  static JsonNode field(JsonNode object, String name) {
    JsonNode found = null;
    Iterator<Map.Entry<String, JsonNode>> it = object.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        found = e.getValue();
      }
    }
    return found;
  }

  /** A field that must be present and not null. */
  static JsonNode required(JsonNode object, String name, String path) throws LotusJsonException {
    JsonNode v = field(object, name);
    if (v == null) {
      throw new LotusJsonException(path + "." + name, "missing");
    }
    if (v.isNull()) {
      throw new LotusJsonException(path + "." + name, "must not be null");
    }
    return v;
  }

  /** A field that may be missing or null (a Go pointer or slice): null in both cases. */
  static JsonNode optional(JsonNode object, String name) {
    JsonNode v = field(object, name);
    return v == null || v.isNull() ? null : v;
  }

  static long uint64(JsonNode node, String path) throws LotusJsonException {
    BigInteger v = integer(node, path, "an unsigned 64-bit integer");
    if (v.signum() < 0 || v.compareTo(TWO_64) >= 0) {
      throw new LotusJsonException(path, v + " is not an unsigned 64-bit integer");
    }
    return v.longValue(); // two's complement: values from 2^63 up become negative longs
  }

  static long int64(JsonNode node, String path) throws LotusJsonException {
    BigInteger v = integer(node, path, "a 64-bit integer");
    if (v.compareTo(LONG_MIN) < 0 || v.compareTo(LONG_MAX) > 0) {
      throw new LotusJsonException(path, v + " is not a 64-bit integer");
    }
    return v.longValue();
  }

  /** Go rejects fractions and exponents for integer fields, and strings unless tagged. */
  private static BigInteger integer(JsonNode node, String path, String what)
      throws LotusJsonException {
    if (node == null || !node.isIntegralNumber()) {
      throw new LotusJsonException(path, "expected " + what + ", got " + describe(node));
    }
    return node.bigIntegerValue();
  }

  /** A big integer, which Lotus writes as a decimal string. */
  static BigInteger bigInt(JsonNode node, String path) throws LotusJsonException {
    String s = text(node, path, "a decimal string");
    if (s.length() > MAX_BIG_INT_DIGITS || !DECIMAL.matcher(s).matches()) {
      throw new LotusJsonException(path, "'" + abbreviate(s) + "' is not a decimal integer");
    }
    BigInteger v = new BigInteger(s);
    if (v.bitLength() > MAX_BIG_INT_BITS) {
      throw new LotusJsonException(
          path, "big integer exceeds " + BigInts.MAX_SERIALIZED_LENGTH + " serialized bytes");
    }
    return v;
  }

  /** Bytes in standard base64 with padding; null (a nil slice) reads as empty. */
  static byte[] bytes(JsonNode node, String path) throws LotusJsonException {
    if (node == null || node.isNull()) {
      return new byte[0];
    }
    // Go's base64 decoder skips line breaks; padding is mandatory.
    String s = text(node, path, "a base64 string").replace("\r", "").replace("\n", "");
    if (s.length() % 4 != 0) {
      throw new LotusJsonException(path, "invalid base64: length is not a multiple of 4");
    }
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new LotusJsonException(path, "invalid base64: " + e.getMessage(), e);
    }
  }

  /** A CID as {@code {"/": "bafy..."}}; other keys are ignored, as go-cid does. */
  static Cid cid(JsonNode node, String path) throws LotusJsonException {
    if (node == null || !node.isObject()) {
      throw new LotusJsonException(path, "expected a CID {\"/\": ...}, got " + describe(node));
    }
    JsonNode s = field(node, "/");
    if (s == null || s.isNull()) {
      throw new LotusJsonException(path, "CID object has no \"/\" string");
    }
    String text = text(s, path + "./", "a CID string");
    try {
      return Cid.parse(text);
    } catch (IllegalArgumentException e) {
      throw new LotusJsonException(
          path, "invalid CID '" + abbreviate(text) + "': " + e.getMessage(), e);
    }
  }

  /** A list of CIDs; null reads as empty, as a nil slice. */
  static List<Cid> cids(JsonNode node, String path) throws LotusJsonException {
    List<Cid> out = new ArrayList<>();
    if (node == null || node.isNull()) {
      return out;
    }
    if (!node.isArray()) {
      throw new LotusJsonException(path, "expected a list of CIDs, got " + describe(node));
    }
    for (int i = 0; i < node.size(); i++) {
      out.add(cid(node.get(i), path + "[" + i + "]"));
    }
    return out;
  }

  /** An address string with either network prefix. */
  static Address address(JsonNode node, String path) throws LotusJsonException {
    String s = text(node, path, "an address string");
    try {
      return Address.parse(s);
    } catch (IllegalArgumentException e) {
      throw new LotusJsonException(path, e.getMessage(), e);
    }
  }

  private static String text(JsonNode node, String path, String what) throws LotusJsonException {
    if (node == null || !node.isTextual()) {
      throw new LotusJsonException(path, "expected " + what + ", got " + describe(node));
    }
    return node.textValue();
  }

  /** The kind of a JSON value, for error messages. */
  static String describe(JsonNode node) {
    if (node == null) {
      return "nothing";
    }
    return switch (node.getNodeType()) {
      case NULL -> "null";
      case OBJECT -> "an object";
      case ARRAY -> "a list";
      case STRING -> "the string \"" + abbreviate(node.textValue()) + "\"";
      case NUMBER -> "the number " + abbreviate(node.asText());
      case BOOLEAN -> node.asText();
      default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
    };
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
