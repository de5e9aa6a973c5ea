package io.filnode.net.noise;

import io.filnode.net.identity.KeyCodec;
import io.filnode.net.identity.PrivKey;
import io.filnode.net.identity.PubKey;
import io.filnode.net.wire.DecodeException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The Noise XX handshake {@code Noise_XX_25519_ChaChaPoly_SHA256} with the libp2p payloads: the
 * responder's identity travels in message 2, the initiator's in message 3, each signing {@code
 * "noise-libp2p-static-key:" || static public key}. Pure state: the Netty handler moves the bytes.
 */
public final class NoiseHandshake {
  private static final byte[] PROTOCOL_NAME =
      "Noise_XX_25519_ChaChaPoly_SHA256".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SIG_PREFIX =
      "noise-libp2p-static-key:".getBytes(StandardCharsets.US_ASCII);
  static final int DH_LEN = 32;

  /** Largest handshake message (one Noise frame). */
  public static final int MAX_MESSAGE = 65535;

  private final boolean initiator;
  private final PrivKey identity;
  private final byte[] s = new byte[DH_LEN];
  private final byte[] sPub = new byte[DH_LEN];
  private final byte[] e = new byte[DH_LEN];
  private final byte[] ePub = new byte[DH_LEN];
  private byte[] re;
  private byte[] rs;
  private byte[] h;
  private byte[] ck;
  private CipherState k;
  private PubKey remoteIdentity;

  public NoiseHandshake(boolean initiator, PrivKey identity, SecureRandom random) {
    this.initiator = initiator;
    this.identity = identity;
    X25519.generatePrivateKey(random, s);
    X25519.generatePublicKey(s, 0, sPub, 0);
    X25519.generatePrivateKey(random, e);
    X25519.generatePublicKey(e, 0, ePub, 0);
    h = PROTOCOL_NAME.clone(); // exactly 32 bytes: used as is
    ck = h.clone();
    mixHash(new byte[0]); // empty prologue
  }

  public boolean isInitiator() {
    return initiator;
  }

  /** The peer's identity key, known after message 2 (initiator) or 3 (responder). */
  public PubKey remoteIdentity() {
    return remoteIdentity;
  }

  // ---- initiator ----

  /** -> e */
  public byte[] writeMessage1() {
    mixHash(ePub);
    mixHash(new byte[0]); // empty payload, no key yet
    return ePub.clone();
  }

  /** <- e, ee, s, es, payload */
  public void readMessage2(byte[] msg) throws DecodeException {
    if (msg.length < DH_LEN + DH_LEN + CipherState.TAG + CipherState.TAG) {
      throw new DecodeException("Noise message 2 too short");
    }
    re = Arrays.copyOfRange(msg, 0, DH_LEN);
    mixHash(re);
    mixKey(dh(e, re));
    rs = decryptAndHash(Arrays.copyOfRange(msg, DH_LEN, 2 * DH_LEN + CipherState.TAG));
    mixKey(dh(e, rs));
    byte[] payload =
        decryptAndHash(Arrays.copyOfRange(msg, 2 * DH_LEN + CipherState.TAG, msg.length));
    remoteIdentity = verifyPayload(payload);
  }

  /** -> s, se, payload */
  public byte[] writeMessage3() throws DecodeException {
    byte[] encS = encryptAndHash(sPub);
    mixKey(dh(s, re));
    byte[] encP = encryptAndHash(payload());
    return concat(encS, encP);
  }

  // ---- responder ----

  /** -> e (read) */
  public void readMessage1(byte[] msg) throws DecodeException {
    if (msg.length < DH_LEN) {
      throw new DecodeException("Noise message 1 too short");
    }
    re = Arrays.copyOfRange(msg, 0, DH_LEN);
    mixHash(re);
    mixHash(Arrays.copyOfRange(msg, DH_LEN, msg.length)); // plaintext payload, ignored
  }

  /** <- e, ee, s, es, payload */
  public byte[] writeMessage2() throws DecodeException {
    mixHash(ePub);
    mixKey(dh(e, re));
    byte[] encS = encryptAndHash(sPub);
    mixKey(dh(s, re));
    byte[] encP = encryptAndHash(payload());
    return concat(ePub, concat(encS, encP));
  }

  /** -> s, se, payload (read) */
  public void readMessage3(byte[] msg) throws DecodeException {
    if (msg.length < DH_LEN + CipherState.TAG + CipherState.TAG) {
      throw new DecodeException("Noise message 3 too short");
    }
    rs = decryptAndHash(Arrays.copyOfRange(msg, 0, DH_LEN + CipherState.TAG));
    mixKey(dh(e, rs));
    byte[] payload = decryptAndHash(Arrays.copyOfRange(msg, DH_LEN + CipherState.TAG, msg.length));
    remoteIdentity = verifyPayload(payload);
  }

  /** The transport ciphers: [0] for sending, [1] for receiving. */
  public CipherState[] split() {
    byte[][] keys = hkdf(ck, new byte[0]);
    CipherState c1 = new CipherState(Arrays.copyOf(keys[0], 32));
    CipherState c2 = new CipherState(Arrays.copyOf(keys[1], 32));
    return initiator ? new CipherState[] {c1, c2} : new CipherState[] {c2, c1};
  }

  // ---- libp2p payload ----

  private byte[] payload() {
    byte[] sig = identity.sign(concat(SIG_PREFIX, sPub));
    return new NoisePayload(identity.publicKey().bytes(), sig, List.of()).encode();
  }

  private PubKey verifyPayload(byte[] payload) throws DecodeException {
    NoisePayload p = NoisePayload.decode(payload);
    PubKey key = KeyCodec.decodePublic(p.identityKey());
    if (!key.verify(concat(SIG_PREFIX, rs), p.identitySig())) {
      throw new DecodeException("Noise identity signature does not verify");
    }
    return key;
  }

  // ---- symmetric state ----

  private void mixHash(byte[] data) {
    h = sha256(h, data);
  }

  private void mixKey(byte[] ikm) {
    byte[][] out = hkdf(ck, ikm);
    ck = out[0];
    k = new CipherState(Arrays.copyOf(out[1], 32));
  }

  private byte[] encryptAndHash(byte[] plaintext) {
    byte[] c = k == null ? plaintext : k.encrypt(h, plaintext);
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
