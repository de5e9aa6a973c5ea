package io.filnode.chain.car;

import io.filnode.chain.blockstore.Block;
import io.filnode.chain.cbor.CborWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Small synthetic CARs for tests: DAG-CBOR byte-string blocks from a seeded generator. */
final class SmallCars {
  private SmallCars() {}

  static List<Block> blocks(int count, int size) {
    SplittableRandom rnd = new SplittableRandom(count * 31L + size);
    List<Block> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] data = new byte[size];
      rnd.nextBytes(data);
      out.add(Block.ofDagCbor(new CborWriter().writeBytes(data).toByteArray()));
    }
    return out;
  }

  /** A CAR of {@code count} blocks whose root is the first block (no roots when empty). */
  static byte[] car(int count, int size) {
    return car(blocks(count, size));
  }

  static byte[] car(List<Block> blocks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CarHeader header = new CarHeader(blocks.isEmpty() ? List.of() : List.of(blocks.get(0).cid()));
    try (CarWriter w = new CarWriter(out, header)) {
      for (Block b : blocks) {
        w.write(b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
