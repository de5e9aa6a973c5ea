package io.filnode.net.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.net.identity.Ed25519Keys;
import io.filnode.net.identity.PrivKey;
import io.filnode.net.wire.DecodeException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The libp2p payloads on top of the XX handshake, with fixed keys. */
class NoiseHandshakeTest {
  private static final PrivKey ALICE = Ed25519Keys.fromSeed(filled(32, 1));
  private static final PrivKey BOB = Ed25519Keys.fromSeed(filled(32, 2));

  private static byte[] filled(int n, int v) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) v);
    return b;
  }

  private static NoiseHandshake peer(boolean initiator, PrivKey id, int seed, byte[] prologue) {
    return new NoiseHandshake(
        id, new XxHandshake(initiator, filled(32, seed), filled(32, seed + 1), prologue));
  }

  @Test
  void bothSidesLearnTheOthersIdentityAndShareTransportKeys() throws DecodeException {
    NoiseHandshake a = peer(true, ALICE, 10, new byte[0]);
    NoiseHandshake b = peer(false, BOB, 20, new byte[0]);
    b.readMessage1(a.writeMessage1());
    a.readMessage2(b.writeMessage2());
    b.readMessage3(a.writeMessage3());
    assertThat(a.remoteIdentity()).isEqualTo(BOB.publicKey());
    assertThat(b.remoteIdentity()).isEqualTo(ALICE.publicKey());

    CipherState[] ca = a.split();
    CipherState[] cb = b.split();
    byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
    assertThat(cb[1].decrypt(null, ca[0].encrypt(null, hello))).isEqualTo(hello);
    assertThat(ca[1].decrypt(null, cb[0].encrypt(null, hello))).isEqualTo(hello);
  }

  @Test
  void differentProloguesFailAtMessage2() throws DecodeException {
    NoiseHandshake a = peer(true, ALICE, 10, new byte[] {1});
    NoiseHandshake b = peer(false, BOB, 20, new byte[] {2});
    b.readMessage1(a.writeMessage1());
    byte[] msg2 = b.writeMessage2();
    assertThatThrownBy(() -> a.readMessage2(msg2)).isInstanceOf(DecodeException.class);
  }
}
