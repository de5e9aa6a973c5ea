package io.filnode.node.keystore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Optional passphrase protection of key files: scrypt (N=2^15, r=8, p=1, per-file salt) derives an
 * AES-256-GCM key; the key's name is the associated data, so a file renamed to another key fails to
 * open. An encrypted file is a JSON object with {@code "Kdf":"scrypt"}; Lotus cannot read it.
 */
public final class KeyFileCipher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int LOG_N = 15;
  private static final int R = 8;
  private static final int P = 1;

  private final byte[] passphrase;
  private final SecureRandom random;

  public KeyFileCipher(byte[] passphrase, SecureRandom random) {
    if (passphrase.length == 0) {
      throw new IllegalArgumentException("the keystore passphrase is empty");
    }
    this.passphrase = passphrase.clone();
    this.random = random;
  }

  /** True when the file content is an encrypted key rather than Lotus's plain KeyInfo JSON. */
  public static boolean isEncrypted(byte[] content) {
    try {
      JsonNode o = JSON.readTree(content);
      return o != null && o.has("Kdf");
    } catch (IOException e) {
      return false;
    }
  }

  byte[] encrypt(String name, byte[] plain) {
    byte[] salt = new byte[16];
    byte[] nonce = new byte[12];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    int n = 1 << LOG_N;
    byte[] ct = aes(Cipher.ENCRYPT_MODE, derive(salt, n, R, P), nonce, name, plain);
    ObjectNode o = JSON.createObjectNode();
    o.put("Kdf", "scrypt");
    o.put("N", n);
    o.put("R", R);
    o.put("P", P);
    o.put("Salt", Base64.getEncoder().encodeToString(salt));
    o.put("Nonce", Base64.getEncoder().encodeToString(nonce));
    o.put("Ciphertext", Base64.getEncoder().encodeToString(ct));
    try {
      return JSON.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new IllegalStateException("writing encrypted key JSON", e);
    }
  }

  byte[] decrypt(String name, byte[] content) throws KeyStoreException {
    try {
      JsonNode o = JSON.readTree(content);
      if (!"scrypt".equals(o.path("Kdf").asText())) {
        throw new KeyStoreException("key '" + name + "': unknown key derivation " + o.get("Kdf"));
      }
      int n = o.path("N").asInt();
      int r = o.path("R").asInt();
      int p = o.path("P").asInt();
      if (n < 2
          || Integer.bitCount(n) != 1
          || n > (1 << 20)
          || r < 1
          || r > 32
          || p < 1
          || p > 16) {
        throw new KeyStoreException("key '" + name + "': scrypt parameters out of range");
      }
      byte[] salt = Base64.getDecoder().decode(o.path("Salt").asText());
      byte[] nonce = Base64.getDecoder().decode(o.path("Nonce").asText());
      byte[] ct = Base64.getDecoder().decode(o.path("Ciphertext").asText());
      return aes(Cipher.DECRYPT_MODE, derive(salt, n, r, p), nonce, name, ct);
    } catch (IOException | IllegalArgumentException e) {
      throw new KeyStoreException("key '" + name + "': malformed encrypted key file", e);
    } catch (IllegalStateException e) {
      throw new KeyStoreException(
          "key '" + name + "': wrong passphrase or damaged file (authentication failed)", e);
    }
  }

  private byte[] derive(byte[] salt, int n, int r, int p) {
    return SCrypt.generate(passphrase, salt, n, r, p, 32);
  }

  private static byte[] aes(int mode, byte[] key, byte[] nonce, String name, byte[] in) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
      c.updateAAD(name.getBytes(StandardCharsets.UTF_8));
      return c.doFinal(in);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }
}
