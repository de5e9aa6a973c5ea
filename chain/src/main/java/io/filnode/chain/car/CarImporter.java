package io.filnode.chain.car;

import io.filnode.chain.blockstore.Block;
import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.cid.Cid;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * Imports a CAR into a {@link Blockstore} so that a bad file leaves nothing behind.
 *
 * <p>"Nothing half-written becomes visible" means here: no block from a CAR that fails to read is
 * left in the store by the import. The importer gets there in two passes. The first pass reads the
 * whole CAR and checks its framing, limits and every block's hash, writing nothing; a bad file
 * fails there. The second pass reads it again (without re-hashing) and writes the blocks in atomic
 * batches (bulk writes, durable once {@link Blockstore#syncBulk()} returns, before this method
 * does), remembering which CIDs were new to the store; if this pass fails (the store fails, or the
 * file changed between passes, which a CRC-32C over the whole decompressed stream detects), the new
 * blocks are deleted again and the error is rethrown. Blocks that were already present are never
 * touched. The caller marks the import complete (for the RocksDB store, a record in its {@code
 * meta} family) only after {@link #importCar} returns. A crash during the second pass can leave
 * orphaned blocks, each valid and hash-checked, that no completed import references.
 */
public final class CarImporter {
  /** Blocks go to the store in write batches of about this many bytes. */
  public static final int BATCH_BYTES = 4 << 20;

  private CarImporter() {}

  /** Opens the CAR afresh for each pass (it is read twice). */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;

    static Source of(Path file) {
      return () -> Files.newInputStream(file);
    }

    static Source of(byte[] bytes) {
      return () -> new ByteArrayInputStream(bytes);
    }
  }

  /** Which pass is running. */
  public enum Phase {
    VERIFY,
    WRITE
  }

  /**
   * Told of progress after each batch of blocks and at the end of each pass ({@code passDone});
   * implementations print bars or log lines.
   */
  @FunctionalInterface
  public interface Progress {
    void update(Phase phase, long blocks, long blockBytes, boolean passDone);

    Progress NONE = (phase, blocks, bytes, done) -> {};
  }

  /** What an import did: the CAR's roots, its blocks and bytes, and how many blocks were new. */
  public record Result(List<Cid> roots, long blocks, long blockBytes, long newBlocks) {
    public Result {
      roots = List.copyOf(roots);
    }
  }

  /** A pass over the whole CAR: its header, counts and a checksum of the stream. */
  private record Scan(CarHeader header, long blocks, long blockBytes, long checksum) {}

  /**
   * Checks the whole CAR, then writes its blocks into {@code store}.
   *
   * @throws CarException when the CAR is bad; nothing from it is then left in {@code store}
   */
  public static Result importCar(Source source, Blockstore store, Progress progress)
      throws CarException {
    Scan checked = pass(source, true, null, progress);
    Set<Cid> added = new LinkedHashSet<>();
    try {
      Scan written = pass(source, false, new Writer(store, added), progress);
      if (written.checksum() != checked.checksum() || written.blocks() != checked.blocks()) {
        throw new CarException("the CAR changed while it was being imported");
      }
      store.syncBulk();
      return new Result(
          checked.header().roots(), checked.blocks(), checked.blockBytes(), added.size());
    } catch (CarException | RuntimeException e) {
      rollback(store, added, e);
      throw e;
    }
  }

  private static Scan pass(Source source, boolean verify, Writer writer, Progress progress)
      throws CarException {
    Phase phase = writer == null ? Phase.VERIFY : Phase.WRITE;
    if (progress == null) {
      progress = Progress.NONE;
    }
    InputStream raw;
    try {
      raw = source.open();
    } catch (IOException e) {
      throw new CarException("cannot open the CAR: " + e.getMessage(), e);
    }
    CRC32C crc = new CRC32C();
    try (CarReader r = CarReader.open(raw, verify)) {
      long reported = 0;
      for (Block b = r.next(); b != null; b = r.next()) {
        crc.update(b.cid().bytes());
        crc.update(b.data());
        if (writer != null) {
          writer.add(b);
        }
        if (r.blockBytes() - reported >= BATCH_BYTES) {
          reported = r.blockBytes();
          progress.update(phase, r.blocks(), r.blockBytes(), false);
        }
      }
      if (writer != null) {
        writer.flush();
      }
      progress.update(phase, r.blocks(), r.blockBytes(), true);
      return new Scan(r.header(), r.blocks(), r.blockBytes(), crc.getValue());
    }
  }

  private static void rollback(Blockstore store, Set<Cid> added, Exception cause) {
    try {
      for (Cid c : added) {
        store.delete(c);
      }
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /** Batches new blocks into atomic {@code putMany} calls and records which ones were new. */
  private static final class Writer {
    private final Blockstore store;
    private final Set<Cid> added;
    private final List<Block> batch = new ArrayList<>();
    private long batchBytes;

    Writer(Blockstore store, Set<Cid> added) {
      this.store = store;
      this.added = added;
    }

    void add(Block b) {
      if (store.has(b.cid())) {
        return;
      }
      batch.add(b);
      batchBytes += b.data().length;
      if (batchBytes >= BATCH_BYTES) {
        flush();
      }
    }

    void flush() {
      if (batch.isEmpty()) {
        return;
      }
      store.putManyBulk(batch);
      for (Block b : batch) {
        added.add(b.cid());
      }
      batch.clear();
      batchBytes = 0;
    }
  }
}
