package io.filnode.chain.car;

import io.filnode.chain.blockstore.Block;
import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.blockstore.BulkLoad;
import io.filnode.chain.cid.Cid;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Imports a CAR into a {@link Blockstore} so that a bad file leaves nothing behind.
 *
 * <p>One pass over the CAR: this thread reads and frames the blocks and hands them, in batches of
 * about {@link #BATCH_BYTES}, to a second thread that checks every block's hash; checked batches
 * come back in order and their blocks that the store does not have yet are staged in a {@link
 * BulkLoad}. At most {@link #MAX_PENDING_BATCHES} batches wait for checking, which bounds the
 * memory the reader can run ahead by. Only when the whole CAR has been read and checked is the load
 * committed, making its blocks visible together (for the RocksDB store, one atomic ingestion of
 * table files; a crash before it leaves no block behind). A bad hash, bad framing or a failed store
 * stops the import with a {@link CarException} (naming the section and CID where there is one) or
 * the store's exception, and the load is discarded: no block from a CAR that fails is ever visible.
 * Blocks that were already present are never touched. The caller marks the import complete (for the
 * RocksDB store, a record in its {@code meta} family) only after {@link #importCar} returns.
 */
public final class CarImporter {
  /** Blocks are handed to the checking thread in batches of about this many bytes. */
  public static final int BATCH_BYTES = 1 << 20;

  /** How many batches may wait for the checking thread before the reader waits. */
  static final int MAX_PENDING_BATCHES = 8;

  /** Progress is reported about every this many bytes of blocks. */
  private static final long PROGRESS_BYTES = 4 << 20;

  private CarImporter() {}

  /** Opens the CAR (once per import). */
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

  /**
   * What is running: {@code VERIFY} while blocks are read, checked and staged; {@code WRITE} once,
   * when the staged blocks have been committed to the store.
   */
  public enum Phase {
    VERIFY,
    WRITE
  }

  /**
   * Told of progress every few MiB of blocks and at the end of each phase ({@code passDone});
   * implementations print bars or log lines.
   */
  @FunctionalInterface
  public interface Progress {
    void update(Phase phase, long blocks, long blockBytes, boolean passDone);

    Progress NONE = (phase, blocks, bytes, done) -> {};
  }

  /**
   * What an import did: the CAR's roots, its blocks and bytes, and how many blocks were new (a
   * block that the CAR holds more than once and the store did not have counts each time).
   */
  public record Result(List<Cid> roots, long blocks, long blockBytes, long newBlocks) {
    public Result {
      roots = List.copyOf(roots);
    }
  }

  /**
   * Checks the CAR and writes its blocks into {@code store}, all of them or none.
   *
   * @throws CarException when the CAR is bad; nothing from it is then left in {@code store}
   */
  public static Result importCar(Source source, Blockstore store, Progress progress)
      throws CarException {
    Progress p = progress == null ? Progress.NONE : progress;
    InputStream raw;
    try {
      raw = source.open();
    } catch (IOException e) {
      throw new CarException("cannot open the CAR: " + e.getMessage(), e);
    }
    ExecutorService checker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "car-import-check");
              t.setDaemon(true);
              return t;
            });
    try (CarReader reader = CarReader.open(raw, false);
        BulkLoad load = store.bulkLoad()) {
      Stager stager = new Stager(store, load, p);
      ArrayDeque<Future<Batch>> pending = new ArrayDeque<>();
      Batch batch = new Batch();
      for (Block b = reader.next(); b != null; b = reader.next()) {
        batch.add(b, reader.blocks(), reader.sectionOffset());
        if (batch.bytes >= BATCH_BYTES) {
          pending.add(checker.submit(batch::check));
          batch = new Batch();
          if (pending.size() > MAX_PENDING_BATCHES) {
            stager.stage(await(pending.poll()));
          }
        }
      }
      pending.add(checker.submit(batch::check));
      while (!pending.isEmpty()) {
        stager.stage(await(pending.poll()));
      }
      p.update(Phase.VERIFY, stager.blocks, stager.bytes, true);
      load.commit();
      p.update(Phase.WRITE, stager.blocks, stager.bytes, true);
      return new Result(reader.header().roots(), stager.blocks, stager.bytes, stager.newBlocks);
    } finally {
      checker.shutdownNow();
    }
  }

  /** The checked batch, or the failure of its check rethrown here. */
  private static Batch await(Future<Batch> f) throws CarException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof CarException ce) {
        throw ce;
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("checking blocks failed", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CarException("the CAR import was interrupted", e);
    }
  }

  /** Blocks in CAR order with where their sections were, for the checking thread. */
  private static final class Batch {
    private final List<Block> blocks = new ArrayList<>();
    private final List<long[]> sections = new ArrayList<>();
    private long bytes;

    void add(Block b, long section, long offset) {
      blocks.add(b);
      sections.add(new long[] {section, offset});
      bytes += b.data().length;
    }

    /** Checks every block's hash (on the checking thread); the first mismatch fails the batch. */
    Batch check() throws CarException {
      for (int i = 0; i < blocks.size(); i++) {
        Block b = blocks.get(i);
        long[] s = sections.get(i);
        CarReader.check(b.cid(), b.data(), s[0], s[1]);
      }
      return this;
    }
  }

  /** Stages checked blocks that the store lacks, counting, and reports progress. */
  private static final class Stager {
    private final Blockstore store;
    private final BulkLoad load;
    private final Progress progress;
    private long blocks;
    private long bytes;
    private long newBlocks;
    private long reported;

    Stager(Blockstore store, BulkLoad load, Progress progress) {
      this.store = store;
      this.load = load;
      this.progress = progress;
    }

    void stage(Batch batch) {
      for (Block b : batch.blocks) {
        if (!store.has(b.cid())) {
          load.add(b);
          newBlocks++;
        }
        blocks++;
        bytes += b.data().length;
      }
      if (bytes - reported >= PROGRESS_BYTES) {
        reported = bytes;
        progress.update(Phase.VERIFY, blocks, bytes, false);
      }
    }
  }
}
