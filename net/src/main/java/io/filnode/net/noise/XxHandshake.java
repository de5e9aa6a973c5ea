package io.filnode.net.noise;

import io.filnode.net.wire.DecodeException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The bare Noise handshake {@code Noise_XX_25519_ChaChaPoly_SHA256} with caller-chosen keys,
 * prologue and payloads: {@code -> e; <- e, ee, s, es; -> s, se}. {@link NoiseHandshake} puts the
 * libp2p payloads on top; tests drive this class directly with the published test vectors' fixed
 * keys. Messages must be written and read in order; not thread-safe.
 */
final class XxHandshake {
  private static final byte[] PROTOCOL_NAME =
      "Noise_XX_25519_ChaChaPoly_SHA256".getBytes(StandardCharsets.US_ASCII);
  static final int DH_LEN = 32;
  private static final int TAG = CipherState.TAG;

  private final boolean initiator;
  private final byte[] s;
  private final byte[] sPub = new byte[DH_LEN];
  private final byte[] e;
  private final byte[] ePub = new byte[DH_LEN];
  private byte[] re;
  private byte[] rs;
  private byte[] h;
  private byte[] ck;
  private CipherState k;

  /**
   * @param staticKey our 32-byte X25519 private key (clamped when used)
   * @param ephemeralKey a fresh 32-byte X25519 private key, used for this handshake only
   */
  XxHandshake(boolean initiator, byte[] staticKey, byte[] ephemeralKey, byte[] prologue) {
    if (staticKey.length != DH_LEN || ephemeralKey.length != DH_LEN) {
      throw new IllegalArgumentException("X25519 private keys are 32 bytes");
    }
    this.initiator = initiator;
    this.s = staticKey.clone();
    this.e = ephemeralKey.clone();
    X25519.generatePublicKey(s, 0, sPub, 0);
    X25519.generatePublicKey(e, 0, ePub, 0);
    h = PROTOCOL_NAME.clone(); // exactly 32 bytes long, so used as is rather than hashed
    ck = h.clone();
    mixHash(prologue);
  }

  boolean isInitiator() {
    return initiator;
  }

  byte[] staticPublicKey() {
    return sPub.clone();
  }

  /** The peer's static public key, known after message 2 (initiator) or 3 (responder). */
  byte[] remoteStaticKey() {
    return rs == null ? null : rs.clone();
  }

  /** The handshake hash h, which after message 3 binds the whole transcript. */
  byte[] handshakeHash() {
    return h.clone();
  }

  /** Initiator: {@code -> e}, then the payload in clear. */
  byte[] writeMessage1(byte[] payload) {
    mixHash(ePub);
    return concat(ePub, encryptAndHash(payload));
  }

  /** Responder: reads message 1 and returns its (unencrypted) payload. */
  byte[] readMessage1(byte[] msg) throws DecodeException {
    if (msg.length < DH_LEN) {
      throw new DecodeException("Noise message 1 too short");
    }
    re = Arrays.copyOfRange(msg, 0, DH_LEN);
    mixHash(re);
    return decryptAndHash(Arrays.copyOfRange(msg, DH_LEN, msg.length));
  }

  /** Responder: {@code <- e, ee, s, es}, then the encrypted payload. */
  byte[] writeMessage2(byte[] payload) throws DecodeException {
    mixHash(ePub);
    mixKey(dh(e, re));
    byte[] encS = encryptAndHash(sPub);
    mixKey(dh(s, re));
    return concat(ePub, concat(encS, encryptAndHash(payload)));
  }

  /** Initiator: reads message 2 and returns its payload. */
  byte[] readMessage2(byte[] msg) throws DecodeException {
    if (msg.length < DH_LEN + DH_LEN + TAG + TAG) {
      throw new DecodeException("Noise message 2 too short");
    }
    re = Arrays.copyOfRange(msg, 0, DH_LEN);
    mixHash(re);
    mixKey(dh(e, re));
    rs = decryptAndHash(Arrays.copyOfRange(msg, DH_LEN, 2 * DH_LEN + TAG));
    mixKey(dh(e, rs));
    return decryptAndHash(Arrays.copyOfRange(msg, 2 * DH_LEN + TAG, msg.length));
  }

  /** Initiator: {@code -> s, se}, then the encrypted payload. */
  byte[] writeMessage3(byte[] payload) throws DecodeException {
    byte[] encS = encryptAndHash(sPub);
    mixKey(dh(s, re));
    return concat(encS, encryptAndHash(payload));
  }

  /** Responder: reads message 3 and returns its payload. */
  byte[] readMessage3(byte[] msg) throws DecodeException {
    if (msg.length < DH_LEN + TAG + TAG) {
      throw new DecodeException("Noise message 3 too short");
    }
    rs = decryptAndHash(Arrays.copyOfRange(msg, 0, DH_LEN + TAG));
    mixKey(dh(e, rs));
    return decryptAndHash(Arrays.copyOfRange(msg, DH_LEN + TAG, msg.length));
  }

  /** The transport ciphers after message 3: [0] for sending, [1] for receiving. */
  CipherState[] split() {
    byte[][] keys = hkdf(ck, new byte[0]);
    CipherState c1 = new CipherState(keys[0]);
    CipherState c2 = new CipherState(keys[1]);
    return initiator ? new CipherState[] {c1, c2} : new CipherState[] {c2, c1};
  }

  // ---- symmetric state ----

  private void mixHash(byte[] data) {
    h = sha256(h, data);
  }

  private void mixKey(byte[] ikm) {
    byte[][] out = hkdf(ck, ikm);
    ck = out[0];
    k = new CipherState(out[1]);
  }

  private byte[] encryptAndHash(byte[] plaintext) {
    byte[] c = k == null ? plaintext.clone() : k.encrypt(h, plaintext);
    mixHash(c);
    return c;
  }

  private byte[] decryptAndHash(byte[] ciphertext) throws DecodeException {
    byte[] p;
    if (k == null) {
      p = ciphertext;
    } else {
      p = k.decrypt(h, ciphertext);
      if (p == null) {
        throw new DecodeException("Noise handshake message failed authentication");
      }
    }
    mixHash(ciphertext);
    return p;
  }

  private static byte[] dh(byte[] priv, byte[] pub) throws DecodeException {
    byte[] out = new byte[DH_LEN];
    if (!X25519.calculateAgreement(priv, 0, pub, 0, out, 0)) {
      throw new DecodeException("the peer's X25519 key is a low-order point");
    }
    return out;
  }

  /** Noise's HKDF with two outputs (HASHLEN = 32, so each output is a whole cipher key). */
  private static byte[][] hkdf(byte[] chainingKey, byte[] ikm) {
    byte[] temp = hmac(chainingKey, ikm);
    byte[] o1 = hmac(temp, new byte[] {1});
    byte[] o2 = hmac(temp, concat(o1, new byte[] {2}));
    return new byte[][] {o1, o2};
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException("HmacSHA256 missing from the JDK", ex);
    }
  }

  private static byte[] sha256(byte[] a, byte[] b) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(a);
      md.update(b);
      return md.digest();
    } catch (GeneralSecurityException ex) {
      throw new IllegalStateException("SHA-256 missing from the JDK", ex);
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
