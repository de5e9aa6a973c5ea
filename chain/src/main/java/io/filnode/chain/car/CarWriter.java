package io.filnode.chain.car;

import com.github.luben.zstd.ZstdOutputStream;
import io.filnode.chain.blockstore.Block;
import io.filnode.chain.cid.Varint;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a CAR v1 stream: the header, then one section per block. The caller chooses the order of
 * blocks (Lotus writes a depth-first walk from the roots). Closing the writer closes the stream.
 */
public final class CarWriter implements AutoCloseable {
  private final OutputStream out;
  private final byte[] varint = new byte[Varint.MAX_BYTES];
  private long blocks;

  /** Writes {@code header} to {@code out} (buffered here). */
  public CarWriter(OutputStream out, CarHeader header) throws IOException {
    this.out = new BufferedOutputStream(out, 1 << 16);
    byte[] h = header.encode();
    writeVarint(h.length);
    this.out.write(h);
  }

  /** A writer whose output is zstd-compressed (as Lotus's {@code .car.zst} snapshots). */
  public static CarWriter zstd(OutputStream out, CarHeader header) throws IOException {
    return new CarWriter(new ZstdOutputStream(out, 3), header);
  }

  public void write(Block block) throws IOException {
    byte[] cid = block.cid().bytes();
    writeVarint((long) cid.length + block.data().length);
    out.write(cid);
    out.write(block.data());
    blocks++;
  }

  /** Blocks written so far. */
  public long blocks() {
    return blocks;
  }

  private void writeVarint(long v) throws IOException {
    int n = Varint.write(v, varint, 0);
    out.write(varint, 0, n);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
