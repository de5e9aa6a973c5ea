package io.filnode.net.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.net.wire.DecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The published {@code Noise_XX_25519_ChaChaPoly_SHA256} vectors (noise-xx-vectors.txt names their
 * sources): every handshake message byte for byte, the handshake hash, and the transport messages
 * through the split cipher states.
 */
class XxHandshakeTest {
  private static final HexFormat HEX = HexFormat.of();

  /** One vector: named hex fields, and the (payload, ciphertext) messages in order. */
  record Vector(String name, Map<String, String> fields, List<byte[][]> messages) {
    byte[] bytes(String field) {
      return HEX.parseHex(fields.get(field));
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static List<Vector> vectors() throws IOException {
    List<Vector> out = new ArrayList<>();
    try (InputStream in = XxHandshakeTest.class.getResourceAsStream("noise-xx-vectors.txt");
        BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
      Map<String, String> fields = new LinkedHashMap<>();
      List<byte[][]> messages = new ArrayList<>();
      byte[] payload = null;
      for (String line = r.readLine(); ; line = r.readLine()) {
        if (line == null || line.isBlank()) {
          if (!fields.isEmpty()) {
            out.add(new Vector(fields.get("name"), fields, messages));
            fields = new LinkedHashMap<>();
            messages = new ArrayList<>();
          }
          if (line == null) {
            break;
          }
          continue;
        }
        if (line.startsWith("#")) {
          continue;
        }
        String[] kv = line.split(" ", 2);
        String value = kv.length > 1 ? kv[1] : "";
        switch (kv[0]) {
          case "payload" -> payload = HEX.parseHex(value);
          case "ciphertext" -> messages.add(new byte[][] {payload, HEX.parseHex(value)});
          default -> fields.put(kv[0], value);
        }
      }
    }
    assertThat(out).hasSize(2);
    return out;
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void handshakeAndTransportMessagesMatchTheVector(Vector v) throws DecodeException {
    assertThat(v.fields().get("protocol_name")).isEqualTo("Noise_XX_25519_ChaChaPoly_SHA256");
    XxHandshake init =
        new XxHandshake(
            true, v.bytes("init_static"), v.bytes("init_ephemeral"), v.bytes("init_prologue"));
    XxHandshake resp =
        new XxHandshake(
            false, v.bytes("resp_static"), v.bytes("resp_ephemeral"), v.bytes("resp_prologue"));
    List<byte[][]> m = v.messages();

    byte[] msg1 = init.writeMessage1(m.get(0)[0]);
    assertThat(msg1).as("message 1").isEqualTo(m.get(0)[1]);
    assertThat(resp.readMessage1(msg1)).isEqualTo(m.get(0)[0]);

    byte[] msg2 = resp.writeMessage2(m.get(1)[0]);
    assertThat(msg2).as("message 2").isEqualTo(m.get(1)[1]);
    assertThat(init.readMessage2(msg2)).isEqualTo(m.get(1)[0]);

    byte[] msg3 = init.writeMessage3(m.get(2)[0]);
    assertThat(msg3).as("message 3").isEqualTo(m.get(2)[1]);
    assertThat(resp.readMessage3(msg3)).isEqualTo(m.get(2)[0]);

    assertThat(init.remoteStaticKey()).isEqualTo(resp.staticPublicKey());
    assertThat(resp.remoteStaticKey()).isEqualTo(init.staticPublicKey());
    assertThat(init.handshakeHash()).isEqualTo(resp.handshakeHash());
    if (v.fields().containsKey("handshake_hash")) {
      assertThat(init.handshakeHash()).as("handshake hash").isEqualTo(v.bytes("handshake_hash"));
    }

    // transport messages go through the ByteBuf path the Noise codec uses
    CipherState[] initCs = init.split();
    CipherState[] respCs = resp.split();
    for (int i = 3; i < m.size(); i++) {
      boolean fromInitiator = i % 2 == 0;
      CipherState sender = fromInitiator ? initCs[0] : respCs[0];
      CipherState receiver = fromInitiator ? respCs[1] : initCs[1];
      byte[] payload = m.get(i)[0];
      ByteBuf out = Unpooled.buffer();
      sender.encrypt(Unpooled.wrappedBuffer(payload), payload.length, out);
      byte[] ct = new byte[out.readableBytes()];
      out.readBytes(ct);
      assertThat(ct).as("transport message %d", i).isEqualTo(m.get(i)[1]);

      ByteBuf in = Unpooled.directBuffer().writeBytes(ct); // as frames come from the socket
      ByteBuf plain = Unpooled.buffer();
      assertThat(receiver.decrypt(in, plain)).isTrue();
      byte[] got = new byte[plain.readableBytes()];
      plain.readBytes(got);
      assertThat(got).isEqualTo(payload);
      in.release();
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void aTamperedMessage2FailsAuthentication(Vector v) throws DecodeException {
    XxHandshake init =
        new XxHandshake(
            true, v.bytes("init_static"), v.bytes("init_ephemeral"), v.bytes("init_prologue"));
    init.writeMessage1(v.messages().get(0)[0]);
    byte[] msg2 = v.messages().get(1)[1].clone();
    msg2[msg2.length - 1] ^= 1; // last byte of the payload's tag
    assertThatThrownBy(() -> init.readMessage2(msg2)).isInstanceOf(DecodeException.class);
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void aDifferentPrologueChangesMessage2(Vector v) throws DecodeException {
    XxHandshake resp =
        new XxHandshake(false, v.bytes("resp_static"), v.bytes("resp_ephemeral"), new byte[0]);
    resp.readMessage1(v.messages().get(0)[1]);
    assertThat(resp.writeMessage2(v.messages().get(1)[0])).isNotEqualTo(v.messages().get(1)[1]);
  }
}
