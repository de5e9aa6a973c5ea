package io.filnode.chain.blockstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.cid.Cid;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksBlockstoreTest {
  @TempDir Path dir;

  private static Block block(String s) {
    return Block.ofDagCbor(new io.filnode.chain.cbor.CborWriter().writeText(s).toByteArray());
  }

  @Test
  void putGetHasDelete() {
    Block a = block("a");
    try (RocksBlockstore bs = RocksBlockstore.open(dir.resolve("db"), 1 << 20)) {
      assertThat(bs.has(a.cid())).isFalse();
      assertThat(bs.get(a.cid())).isNull();
      bs.put(a.cid(), a.data());
      assertThat(bs.has(a.cid())).isTrue();
      assertThat(bs.get(a.cid())).isEqualTo(a.data());
      bs.delete(a.cid());
      assertThat(bs.has(a.cid())).isFalse();
      assertThat(bs.get(a.cid())).isNull();
    }
  }

  @Test
  void putManyAndReopenKeepsBlocksAndMeta() {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      blocks.add(block("block " + i));
    }
    try (RocksBlockstore bs = RocksBlockstore.open(dir.resolve("db"), 1 << 20)) {
      bs.putMany(blocks);
      bs.putMeta("k", "v".getBytes(StandardCharsets.UTF_8));
      bs.flushToDisk();
    }
    try (RocksBlockstore bs = RocksBlockstore.open(dir.resolve("db"), 0)) {
      for (Block b : blocks) {
        assertThat(bs.get(b.cid())).isEqualTo(b.data());
      }
      assertThat(bs.countBlocks()).isEqualTo(500);
      assertThat(bs.getMeta("k")).isEqualTo("v".getBytes(StandardCharsets.UTF_8));
      assertThat(bs.getMeta("other")).isNull();
      bs.deleteMany(blocks.subList(0, 100).stream().map(Block::cid).toList());
      assertThat(bs.countBlocks()).isEqualTo(400);
      assertThat(bs.has(blocks.get(0).cid())).isFalse();
      assertThat(bs.has(blocks.get(100).cid())).isTrue();
    }
  }

  @Test
  void metaPrefixScanSeesOnlyItsPrefixAndSurvivesReopen() {
    try (RocksBlockstore bs = RocksBlockstore.open(dir.resolve("db"), 1 << 20)) {
      bs.putMetaSynced("p/b", bytes("2"));
      bs.putMetaSynced("p/a", bytes("1"));
      bs.putMeta("p/c", bytes("3"));
      bs.putMeta("q/a", bytes("x"));
      bs.putMeta("o", bytes("y"));
      bs.deleteMeta("p/c");
      bs.deleteMeta("p/none");
    }
    try (RocksBlockstore bs = RocksBlockstore.open(dir.resolve("db"), 0)) {
      var p = bs.metaWithPrefix("p/");
      assertThat(p.keySet()).containsExactly("p/a", "p/b");
      assertThat(p.get("p/b")).isEqualTo(bytes("2"));
      assertThat(bs.metaWithPrefix("z/")).isEmpty();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void useAfterCloseIsAClearError() {
    RocksBlockstore bs = RocksBlockstore.open(dir.resolve("db"), 1 << 20);
    bs.close();
    bs.close(); // idempotent
    Cid c = block("x").cid();
    assertThatThrownBy(() -> bs.get(c))
        .isInstanceOf(BlockstoreException.class)
        .hasMessageContaining("closed")
        .hasMessageContaining(dir.resolve("db").toString());
  }

  @Test
  void openFailureNamesThePath() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    assertThatThrownBy(() -> RocksBlockstore.open(file, 1 << 20))
        .isInstanceOf(BlockstoreException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void secondOpenOfTheSameDatabaseFailsWithTheLockError() {
    try (RocksBlockstore bs = RocksBlockstore.open(dir.resolve("db"), 1 << 20)) {
      assertThatThrownBy(() -> RocksBlockstore.open(dir.resolve("db"), 1 << 20))
          .isInstanceOf(BlockstoreException.class)
          .hasMessageContaining("opening the blockstore at " + dir.resolve("db"));
      assertThat(bs.has(block("y").cid())).isFalse();
    }
  }
}
