package io.filnode.net.noise;

import io.filnode.net.identity.KeyCodec;
import io.filnode.net.identity.PrivKey;
import io.filnode.net.identity.PubKey;
import io.filnode.net.wire.DecodeException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * The Noise XX handshake {@code Noise_XX_25519_ChaChaPoly_SHA256} with the libp2p payloads: the
 * responder's identity travels in message 2, the initiator's in message 3, each signing {@code
 * "noise-libp2p-static-key:" || static public key}. Pure state: the Netty handler moves the bytes;
 * {@link XxHandshake} does the Noise part.
 */
public final class NoiseHandshake {
  private static final byte[] SIG_PREFIX =
      "noise-libp2p-static-key:".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EMPTY = new byte[0];

  /** Largest handshake message (one Noise frame). */
  public static final int MAX_MESSAGE = 65535;

  private final PrivKey identity;
  private final XxHandshake xx;
  private PubKey remoteIdentity;

  public NoiseHandshake(boolean initiator, PrivKey identity, SecureRandom random) {
    this(identity, new XxHandshake(initiator, x25519Key(random), x25519Key(random), EMPTY));
  }

  /** With a given Noise state: fixed keys or a prologue, for tests. */
  NoiseHandshake(PrivKey identity, XxHandshake xx) {
    this.identity = identity;
    this.xx = xx;
  }

  private static byte[] x25519Key(SecureRandom random) {
    byte[] k = new byte[XxHandshake.DH_LEN];
    X25519.generatePrivateKey(random, k);
    return k;
  }

  public boolean isInitiator() {
    return xx.isInitiator();
  }

  /** The peer's identity key, known after message 2 (initiator) or 3 (responder). */
  public PubKey remoteIdentity() {
    return remoteIdentity;
  }

  // ---- initiator ----

  /** -> e */
  public byte[] writeMessage1() {
    return xx.writeMessage1(EMPTY);
  }

  /** <- e, ee, s, es, payload */
  public void readMessage2(byte[] msg) throws DecodeException {
    remoteIdentity = verifyPayload(xx.readMessage2(msg));
  }

  /** -> s, se, payload */
  public byte[] writeMessage3() throws DecodeException {
    return xx.writeMessage3(payload());
  }

  // ---- responder ----

  /** -> e (read) */
  public void readMessage1(byte[] msg) throws DecodeException {
    xx.readMessage1(msg); // libp2p sends no payload here; one that comes is hashed and ignored
  }

  /** <- e, ee, s, es, payload */
  public byte[] writeMessage2() throws DecodeException {
    return xx.writeMessage2(payload());
  }

  /** -> s, se, payload (read) */
  public void readMessage3(byte[] msg) throws DecodeException {
    remoteIdentity = verifyPayload(xx.readMessage3(msg));
  }

  /** The transport ciphers: [0] for sending, [1] for receiving. */
  public CipherState[] split() {
    return xx.split();
  }

  // ---- libp2p payload ----

  private byte[] payload() {
    byte[] sig = identity.sign(XxHandshake.concat(SIG_PREFIX, xx.staticPublicKey()));
    return new NoisePayload(identity.publicKey().bytes(), sig, List.of()).encode();
  }

  private PubKey verifyPayload(byte[] payload) throws DecodeException {
    NoisePayload p = NoisePayload.decode(payload);
    PubKey key = KeyCodec.decodePublic(p.identityKey());
    if (!key.verify(XxHandshake.concat(SIG_PREFIX, xx.remoteStaticKey()), p.identitySig())) {
      throw new DecodeException("Noise identity signature does not verify");
    }
    return key;
  }
}
