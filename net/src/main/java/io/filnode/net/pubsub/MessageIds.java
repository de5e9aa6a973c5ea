package io.filnode.net.pubsub;

import java.util.Arrays;
import java.util.function.Function;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/** Message ID functions. */
public final class MessageIds {
  private MessageIds() {}

  /** The libp2p default: the author's peer ID bytes followed by the seqno. */
  public static final Function<Message, byte[]> FROM_AND_SEQNO =
      m -> {
        byte[] from = m.from() == null ? new byte[0] : m.from();
        byte[] seq = m.seqno() == null ? new byte[0] : m.seqno();
        byte[] out = Arrays.copyOf(from, from.length + seq.length);
        System.arraycopy(seq, 0, out, from.length, seq.length);
        return out;
      };

  /** blake2b-256 of the data, as Lotus identifies block and message gossip. */
  public static final Function<Message, byte[]> BLAKE2B_256_OF_DATA =
      m -> {
        byte[] data = m.data() == null ? new byte[0] : m.data();
        Blake2bDigest d = new Blake2bDigest(256);
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
      };
}
