package io.filnode.net.pubsub;

import io.filnode.net.wire.ProtoWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A pubsub message as carried in {@code RPC.publish}: from (1), data (2), seqno (3), topic (4),
 * signature (5), key (6). Fields other than the topic may be absent (null). Arrays are not copied:
 * treat them as read-only.
 */
public record Message(
    byte[] from, byte[] data, byte[] seqno, String topic, byte[] signature, byte[] key) {
  /** The prefix of the bytes a StrictSign signature covers. */
  static final byte[] SIGN_PREFIX = "libp2p-pubsub:".getBytes(StandardCharsets.US_ASCII);

  public Message {
    if (topic == null) {
      throw new IllegalArgumentException("a message needs a topic");
    }
  }

  /** The protobuf encoding, fields in number order. */
  public byte[] encode() {
    ProtoWriter w = new ProtoWriter();
    write(w, true);
    return w.toByteArray();
  }

  void write(ProtoWriter w, boolean withSignature) {
    if (from != null) {
      w.bytes(1, from);
    }
    if (data != null) {
      w.bytes(2, data);
    }
    if (seqno != null) {
      w.bytes(3, seqno);
    }
    w.string(4, topic);
    if (withSignature && signature != null) {
      w.bytes(5, signature);
    }
    if (withSignature && key != null) {
      w.bytes(6, key);
    }
  }

  /** What the signature covers: the prefix and the message encoded without signature and key. */
  public byte[] signedBytes() {
    ProtoWriter w = new ProtoWriter();
    write(w, false);
    byte[] body = w.toByteArray();
    byte[] out = Arrays.copyOf(SIGN_PREFIX, SIGN_PREFIX.length + body.length);
    System.arraycopy(body, 0, out, SIGN_PREFIX.length, body.length);
    return out;
  }

  /** This message with a signature and (optional) key set. */
  public Message withSignature(byte[] sig, byte[] pubKey) {
    return new Message(from, data, seqno, topic, sig, pubKey);
  }

  /** Encoded size, to budget RPCs. */
  public int size() {
    return encode().length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Message m
        && Arrays.equals(from, m.from)
        && Arrays.equals(data, m.data)
        && Arrays.equals(seqno, m.seqno)
        && topic.equals(m.topic)
        && Arrays.equals(signature, m.signature)
        && Arrays.equals(key, m.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data) * 31 + topic.hashCode();
  }

  @Override
  public String toString() {
    return "Message[topic=" + topic + ", " + (data == null ? 0 : data.length) + " bytes]";
  }
}
