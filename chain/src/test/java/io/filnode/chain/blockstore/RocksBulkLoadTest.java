package io.filnode.chain.blockstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.cbor.CborWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksBulkLoadTest {
  @TempDir Path dir;

  private static List<Block> blocks(int n) {
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Block.ofDagCbor(new CborWriter().writeText("block " + i).toByteArray()));
    }
    return out;
  }

  private static List<Path> loadDirs(Path db) throws IOException {
    try (Stream<Path> s = Files.list(db)) {
      return s.filter(p -> p.getFileName().toString().startsWith(RocksBulkLoad.DIR_PREFIX))
          .toList();
    }
  }

  @Test
  void committedChunksWithOverlappingKeysAllBecomeVisible() throws IOException {
    List<Block> blocks = blocks(2_000);
    Path db = dir.resolve("db");
    try (RocksBlockstore bs = RocksBlockstore.open(db, 1 << 20)) {
      bs.put(blocks.get(7).cid(), blocks.get(7).data());
      // ~2 KiB chunks: a dozen table files, each spanning most of the key space
      try (BulkLoad load = bs.bulkLoad(2 << 10)) {
        for (Block b : blocks) {
          load.add(b);
        }
        load.add(blocks.get(3)); // a repeat, in a later chunk
        assertThat(bs.has(blocks.get(0).cid())).isFalse();
        load.commit();
      }
      assertThat(bs.countBlocks()).isEqualTo(2_000);
      assertThat(loadDirs(db)).isEmpty();
    }
    try (RocksBlockstore bs = RocksBlockstore.open(db, 0)) {
      for (Block b : blocks) {
        assertThat(bs.get(b.cid())).isEqualTo(b.data());
      }
    }
  }

  @Test
  void anUncommittedLoadLeavesNothing() throws IOException {
    List<Block> blocks = blocks(1_000);
    Path db = dir.resolve("db");
    try (RocksBlockstore bs = RocksBlockstore.open(db, 1 << 20)) {
      try (BulkLoad load = bs.bulkLoad(2 << 10)) {
        blocks.forEach(load::add);
        assertThat(loadDirs(db)).hasSize(1);
      }
      assertThat(bs.countBlocks()).isZero();
      assertThat(loadDirs(db)).isEmpty();
    }
  }

  @Test
  void tablesOfALoadInterruptedByACrashAreRemovedOnOpen() throws IOException {
    Path db = dir.resolve("db");
    try (RocksBlockstore bs = RocksBlockstore.open(db, 1 << 20)) {
      bs.put(blocks(1).get(0).cid(), blocks(1).get(0).data());
    }
    Path stale = Files.createDirectory(db.resolve(RocksBulkLoad.DIR_PREFIX + "123"));
    Files.write(stale.resolve("000000.sst"), new byte[] {1, 2, 3});
    try (RocksBlockstore bs = RocksBlockstore.open(db, 1 << 20)) {
      assertThat(loadDirs(db)).isEmpty();
      assertThat(bs.countBlocks()).isEqualTo(1);
    }
  }
}
