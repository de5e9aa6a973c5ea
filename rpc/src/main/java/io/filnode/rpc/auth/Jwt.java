package io.filnode.rpc.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.rpc.Permission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Lotus API tokens: JWTs signed with HMAC-SHA256 over a node secret, whose payload is {@code
 * {"Allow":["read","write",...]}} and which carry no expiry (Lotus's {@code AuthNew} and {@code
 * AuthVerify}). Verification accepts only {@code "alg":"HS256"}, so {@code alg: none} and algorithm
 * confusion are refused.
 */
public final class Jwt implements TokenVerifier {
  private static final String ALG = "HmacSHA256";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();
  private static final String HEADER =
      B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

  private final SecretKeySpec key;

  /** A signer/verifier over {@code secret} (Lotus keeps 32 random bytes in its keystore). */
  public Jwt(byte[] secret) {
    if (secret.length == 0) {
      throw new IllegalArgumentException("empty JWT secret");
    }
    this.key = new SecretKeySpec(secret.clone(), ALG);
  }

  /** A fresh 32-byte secret. */
  public static byte[] newSecret(SecureRandom random) {
    byte[] s = new byte[32];
    random.nextBytes(s);
    return s;
  }

  /** A token granting exactly {@code allow} (Lotus's {@code AuthNew}). */
  public String sign(List<String> allow) {
    ObjectNode payload = JSON.createObjectNode();
    ArrayNode a = payload.putArray("Allow");
    allow.forEach(a::add);
    String signingInput = HEADER + "." + B64.encodeToString(bytes(payload));
    return signingInput + "." + B64.encodeToString(hmac(signingInput));
  }

  /** A token for {@code top} and every weaker permission, as {@code lotus auth create-token}. */
  public String signUpTo(Permission top) {
    return sign(Permission.upTo(top).stream().map(Permission::lotusName).toList());
  }

  @Override
  public List<String> verify(String token) throws AuthException {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new AuthException("malformed token: " + parts.length + " parts");
    }
    JsonNode header = decodeJson(parts[0], "header");
    if (!header.isObject() || !"HS256".equals(header.path("alg").asText(null))) {
      throw new AuthException("token algorithm is not HS256");
    }
    byte[] signature = decode(parts[2], "signature");
    byte[] expected = hmac(parts[0] + "." + parts[1]);
    if (!MessageDigest.isEqual(expected, signature)) {
      throw new AuthException("bad token signature");
    }
    JsonNode payload = decodeJson(parts[1], "payload");
    if (!payload.isObject()) {
      throw new AuthException("token payload is not an object");
    }
    JsonNode allow = payload.get("Allow");
    List<String> out = new ArrayList<>();
    if (allow == null || allow.isNull()) {
      return out; // Go leaves a nil slice: a valid token that grants nothing
    }
    if (!allow.isArray()) {
      throw new AuthException("token Allow is not an array");
    }
    for (JsonNode p : allow) {
      if (!p.isTextual()) {
        throw new AuthException("token Allow holds a non-string");
      }
      out.add(p.asText());
    }
    return out;
  }

  private byte[] hmac(String signingInput) {
    try {
      Mac mac = Mac.getInstance(ALG);
      mac.init(key);
      return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private static byte[] decode(String part, String what) throws AuthException {
    try {
      return B64D.decode(part);
    } catch (IllegalArgumentException e) {
      throw new AuthException("token " + what + " is not base64url", e);
    }
  }

  private static JsonNode decodeJson(String part, String what) throws AuthException {
    try {
      return JSON.readTree(decode(part, what));
    } catch (IOException e) {
      throw new AuthException("token " + what + " is not JSON", e);
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
