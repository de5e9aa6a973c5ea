package io.filnode.net.noise;

import io.filnode.net.wire.DecodeException;
import io.filnode.net.wire.ProtoReader;
import io.filnode.net.wire.ProtoWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The libp2p {@code NoiseHandshakePayload}: identity_key (1), identity_sig (2) and extensions (4,
 * whose stream_muxers is field 2). We send no muxer list, so the muxer is negotiated with
 * multistream-select afterwards; a received list is parsed and kept for information only.
 */
public record NoisePayload(byte[] identityKey, byte[] identitySig, List<String> streamMuxers) {
  public NoisePayload {
    identityKey = identityKey.clone();
    identitySig = identitySig.clone();
    streamMuxers = List.copyOf(streamMuxers);
  }

  @Override
  public byte[] identityKey() {
    return identityKey.clone();
  }

  @Override
  public byte[] identitySig() {
    return identitySig.clone();
  }

  public byte[] encode() {
    ProtoWriter w = new ProtoWriter().bytes(1, identityKey).bytes(2, identitySig);
    if (!streamMuxers.isEmpty()) {
      ProtoWriter ext = new ProtoWriter();
      for (String m : streamMuxers) {
        ext.string(2, m);
      }
      w.bytes(4, ext.toByteArray());
    }
    return w.toByteArray();
  }

  public static NoisePayload decode(byte[] bytes) throws DecodeException {
    ProtoReader r = new ProtoReader(bytes);
    byte[] key = null;
    byte[] sig = null;
    List<String> muxers = new ArrayList<>();
    while (r.next()) {
      switch (r.field()) {
        case 1 -> key = r.readBytes();
        case 2 -> sig = r.readBytes();
        case 4 -> {
          ProtoReader ext = new ProtoReader(r.readBytes());
          while (ext.next()) {
            if (ext.field() == 2 && muxers.size() < 16) {
              muxers.add(ext.readString());
            } else {
              ext.skip();
            }
          }
        }
        default -> r.skip();
      }
    }
    if (key == null || sig == null) {
      throw new DecodeException("Noise handshake payload lacks identity key or signature");
    }
    return new NoisePayload(key, sig, muxers);
  }
}
