package io.filnode.node.api;

import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.store.ChainExporter;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.types.TipSet;
import io.filnode.rpc.OutChannel;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * {@code ChainExport}'s channel, as Lotus streams it: the CAR in chunks of up to 1 MiB (base64 in
 * JSON), then one empty chunk that tells the client the export is complete. If the export fails the
 * channel closes without that empty chunk, so the client knows the file is incomplete. The export
 * runs on its own thread; a client that cancels or disconnects stops it at the next chunk.
 *
 * <p>The channel has no flow control: chunks queue in the connection's outbound buffer when the
 * client reads slower than the store is walked (fine for devnet chains; a mainnet-sized export
 * needs back-pressure from the RPC layer first).
 */
final class ChainExportStream extends OutputStream {
  /** Lotus's chunk size. */
  static final int CHUNK_BYTES = 1 << 20;

  private static final System.Logger LOG = System.getLogger(ChainExportStream.class.getName());

  private final OutChannel out;
  private final byte[] buf = new byte[CHUNK_BYTES];
  private int used;

  private ChainExportStream(OutChannel out) {
    this.out = out;
  }

  /** Starts exporting the chain ending at {@code ts} into {@code out}. */
  static void start(
      Blockstore store, TipSet ts, long recentRoots, boolean skipOldMsgs, OutChannel out) {
    Thread t =
        new Thread(
            () -> {
              ChainExportStream s = new ChainExportStream(out);
              try {
                ChainExporter.export(store, ts, recentRoots, skipOldMsgs, s);
                out.send(new byte[0]); // the end marker Lotus clients wait for
              } catch (IOException | ChainStoreException | RuntimeException e) {
                LOG.log(
                    System.Logger.Level.WARNING,
                    "chain export of " + ts.key() + " stopped: " + e.getMessage());
              } finally {
                out.close();
              }
            },
            "chain-export");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void write(int b) throws IOException {
    if (used == buf.length) {
      flush();
    }
    buf[used++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    while (len > 0) {
      if (used == buf.length) {
        flush();
      }
      int n = Math.min(len, buf.length - used);
      System.arraycopy(b, off, buf, used, n);
      used += n;
      off += n;
      len -= n;
    }
  }

  /** Sends what is buffered as one chunk. */
  @Override
  public void flush() throws IOException {
    if (used == 0) {
      return;
    }
    if (!out.send(Arrays.copyOf(buf, used))) {
      throw new IOException("the client closed the channel");
    }
    used = 0;
  }

  /** Sends the last chunk; the channel stays open for the end marker. */
  @Override
  public void close() throws IOException {
    flush();
  }
}
