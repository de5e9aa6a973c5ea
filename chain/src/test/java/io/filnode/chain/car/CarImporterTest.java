package io.filnode.chain.car;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.blockstore.Block;
import io.filnode.chain.blockstore.BlockstoreException;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.blockstore.RocksBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Multihash;
import io.filnode.chain.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarImporterTest {
  private static final long RAW = 0x55;

  @TempDir Path dir;

  @Test
  void importsMainnetGenesisIntoRocksDb() throws Exception {
    Path genesis = SharedData.require("genesis/mainnet.car.zst");
    Map<Cid, byte[]> expected;
    try (CarReader r = CarReader.open(genesis)) {
      expected = CarReaderTest.readAll(r);
    }
    List<long[]> updates = new ArrayList<>();
    try (RocksBlockstore bs = RocksBlockstore.open(dir.resolve("db"), 8 << 20)) {
      CarImporter.Result res =
          CarImporter.importCar(
              CarImporter.Source.of(genesis),
              bs,
              (phase, blocks, bytes, done) ->
                  updates.add(new long[] {phase.ordinal(), blocks, bytes}));
      assertThat(res.blocks()).isEqualTo(1222);
      assertThat(res.newBlocks()).isEqualTo(1222);
      assertThat(bs.countBlocks()).isEqualTo(1222);
      for (Map.Entry<Cid, byte[]> e : expected.entrySet()) {
        assertThat(bs.get(e.getKey())).isEqualTo(e.getValue());
      }
      // a second import finds everything present already
      assertThat(CarImporter.importCar(CarImporter.Source.of(genesis), bs, null).newBlocks())
          .isZero();
    }
    assertThat(updates).isNotEmpty();
    assertThat(updates.get(updates.size() - 1)[1]).isEqualTo(1222);
  }

  @Test
  void aBadBlockLeavesNothingBehindAndKeepsWhatWasThere() throws Exception {
    List<Block> blocks = SmallCars.blocks(50, 200_000); // several write batches
    byte[] car = SmallCars.car(blocks);
    car[car.length - 1] ^= 1;
    MemoryBlockstore store = new MemoryBlockstore();
    store.put(blocks.get(3).cid(), blocks.get(3).data());
    assertThatThrownBy(() -> CarImporter.importCar(CarImporter.Source.of(car), store, null))
        .isInstanceOf(CarException.class)
        .hasMessageContaining("does not match");
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.has(blocks.get(3).cid())).isTrue();
  }

  @Test
  void aBadBlockMidwayNamesItsCidAndLeavesNothingInRocksDb() throws Exception {
    List<Block> blocks = new ArrayList<>(SmallCars.blocks(300, 20_000)); // several check batches
    Block good = blocks.get(150);
    byte[] tampered = good.data().clone();
    tampered[tampered.length / 2] ^= 1;
    blocks.set(150, new Block(good.cid(), tampered));
    byte[] car = SmallCars.car(blocks);
    try (RocksBlockstore bs = RocksBlockstore.open(dir.resolve("db"), 1 << 20)) {
      bs.put(blocks.get(3).cid(), blocks.get(3).data());
      assertThatThrownBy(() -> CarImporter.importCar(CarImporter.Source.of(car), bs, null))
          .isInstanceOf(CarException.class)
          .hasMessageContaining("section 151 ")
          .hasMessageContaining("does not match its CID " + good.cid());
      assertThat(bs.countBlocks()).isEqualTo(1);
      assertThat(bs.has(blocks.get(3).cid())).isTrue();
      // and the same CAR without the tampering imports whole
      blocks.set(150, good);
      CarImporter.Result res =
          CarImporter.importCar(CarImporter.Source.of(SmallCars.car(blocks)), bs, null);
      assertThat(res.newBlocks()).isEqualTo(299);
      assertThat(bs.countBlocks()).isEqualTo(300);
    }
  }

  @Test
  void checksSha256BlocksBesideBlake2bOnes() throws Exception {
    List<Block> blocks = new ArrayList<>();
    for (Block b : SmallCars.blocks(40, 3_000)) {
      blocks.add(b);
      blocks.add(new Block(Cid.of(RAW, Multihash.SHA2_256, b.data()), b.data()));
    }
    try (RocksBlockstore bs = RocksBlockstore.open(dir.resolve("db"), 1 << 20)) {
      List<Block> tampered = new ArrayList<>(blocks);
      Block sha = blocks.get(41);
      byte[] bad = sha.data().clone();
      bad[0] ^= 1;
      tampered.set(41, new Block(sha.cid(), bad));
      assertThatThrownBy(
              () -> CarImporter.importCar(CarImporter.Source.of(SmallCars.car(tampered)), bs, null))
          .isInstanceOf(CarException.class)
          .hasMessageContaining("does not match its CID " + sha.cid());
      assertThat(bs.countBlocks()).isZero();
      CarImporter.Result res =
          CarImporter.importCar(CarImporter.Source.of(SmallCars.car(blocks)), bs, null);
      assertThat(res.newBlocks()).isEqualTo(80);
      assertThat(bs.get(sha.cid())).isEqualTo(sha.data());
    }
  }

  @Test
  void aStoreFailureInTheWritePassRollsBackTheNewBlocks() {
    List<Block> blocks = SmallCars.blocks(50, 200_000);
    byte[] car = SmallCars.car(blocks);
    MemoryBlockstore inner = new MemoryBlockstore();
    Block kept = blocks.get(0);
    inner.put(kept.cid(), kept.data());
    // fails on the third batch
    io.filnode.chain.blockstore.Blockstore failing =
        new io.filnode.chain.blockstore.Blockstore() {
          int batches;

          @Override
          public byte[] get(Cid cid) {
            return inner.get(cid);
          }

          @Override
          public boolean has(Cid cid) {
            return inner.has(cid);
          }

          @Override
          public void put(Cid cid, byte[] data) {
            inner.put(cid, data);
          }

          @Override
          public void putMany(Collection<Block> bs) {
            if (++batches == 3) {
              throw new BlockstoreException("disk full (simulated)");
            }
            bs.forEach(b -> inner.put(b.cid(), b.data()));
          }

          @Override
          public void delete(Cid cid) {
            inner.delete(cid);
          }
        };
    assertThatThrownBy(() -> CarImporter.importCar(CarImporter.Source.of(car), failing, null))
        .isInstanceOf(BlockstoreException.class)
        .hasMessageContaining("disk full");
    assertThat(inner.size()).isEqualTo(1);
    assertThat(inner.has(kept.cid())).isTrue();
  }
}
