package io.filnode.chain.car;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.blockstore.Block;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.testing.SharedData;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.TokenAmount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class CarReaderTest {
  static Map<Cid, byte[]> readAll(CarReader r) throws CarException {
    Map<Cid, byte[]> blocks = new LinkedHashMap<>();
    for (Block b = r.next(); b != null; b = r.next()) {
      blocks.put(b.cid(), b.data());
    }
    return blocks;
  }

  @Test
  void mainnetGenesisHashChecksAndDecodes() throws Exception {
    Path genesis = SharedData.require("genesis/mainnet.car.zst");
    try (CarReader r = CarReader.open(genesis)) {
      assertThat(r.header().roots())
          .containsExactly(
              Cid.parse("bafy2bzacecnamqgqmifpluoeldx7zzglxcljo6oja4vrmtj7432rphldpdmm2"));
      Map<Cid, byte[]> blocks = readAll(r);
      assertThat(blocks).hasSize(1222);
      assertThat(r.blocks()).isEqualTo(1222);

      BlockHeader h = BlockHeader.fromCbor(blocks.get(r.header().roots().get(0)));
      assertThat(h.height()).isZero();
      assertThat(h.timestamp()).isEqualTo(1598306400L);
      assertThat(h.parentBaseFee()).isEqualTo(TokenAmount.ofAtto(100_000_000L));
    }
  }

  @Test
  void genesisWrittenBackPlainZstdAndGzipReadsTheSameBlocks() throws Exception {
    Map<Cid, byte[]> original;
    List<Cid> roots;
    try (CarReader r = CarReader.open(SharedData.require("genesis/mainnet.car.zst"))) {
      roots = r.header().roots();
      original = readAll(r);
    }
    for (String kind : List.of("plain", "zstd", "gzip")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      CarHeader header = new CarHeader(roots);
      try (CarWriter w =
          switch (kind) {
            case "zstd" -> CarWriter.zstd(out, header);
            case "gzip" -> new CarWriter(new GZIPOutputStream(out), header);
            default -> new CarWriter(out, header);
          }) {
        for (Map.Entry<Cid, byte[]> e : original.entrySet()) {
          w.write(new Block(e.getKey(), e.getValue()));
        }
      }
      try (CarReader r = CarReader.open(new ByteArrayInputStream(out.toByteArray()))) {
        assertThat(r.header().roots()).as(kind).isEqualTo(roots);
        Map<Cid, byte[]> again = readAll(r);
        assertThat(again.keySet()).as(kind).containsExactlyElementsOf(original.keySet());
        for (Cid c : original.keySet()) {
          assertThat(again.get(c)).as(kind + " " + c).isEqualTo(original.get(c));
        }
      }
    }
  }

  @Test
  void aTamperedBlockIsNamedAndStopsReading() throws Exception {
    byte[] car = SmallCars.car(5, 100);
    byte[] bad = car.clone();
    bad[bad.length - 1] ^= 1; // last byte of the last block's data
    try (CarReader r = CarReader.open(new ByteArrayInputStream(bad))) {
      List<Block> got = new ArrayList<>();
      assertThatThrownBy(
              () -> {
                for (Block b = r.next(); b != null; b = r.next()) {
                  got.add(b);
                }
              })
          .isInstanceOf(CarException.class)
          .hasMessageContaining("section 5")
          .hasMessageContaining("does not match its CID b");
      assertThat(got).hasSize(4);
    }
  }

  @Test
  void forgedLengthsAreRefusedWithoutAllocating() throws Exception {
    // a header length of 2^62: refused before any read
    assertThatThrownBy(
            () ->
                CarReader.open(
                    new ByteArrayInputStream(
                        new byte[] {
                          (byte) 0x80,
                          (byte) 0x80,
                          (byte) 0x80,
                          (byte) 0x80,
                          (byte) 0x80,
                          (byte) 0x80,
                          (byte) 0x80,
                          (byte) 0x80,
                          0x40
                        })))
        .isInstanceOf(CarException.class)
        .hasMessageContaining("CAR header length");
    // a section claiming just under 8 MiB after a good header: truncated, not a huge buffer
    byte[] good = SmallCars.car(0, 0);
    byte[] forged = java.util.Arrays.copyOf(good, good.length + 5);
    io.filnode.chain.cid.Varint.write(CarReader.MAX_SECTION_BYTES - 1, forged, good.length);
    try (CarReader r = CarReader.open(new ByteArrayInputStream(forged))) {
      assertThatThrownBy(r::next)
          .isInstanceOf(CarException.class)
          .hasMessageContaining("truncated CAR");
    }
    // one past the limit is refused outright
    io.filnode.chain.cid.Varint.write(CarReader.MAX_SECTION_BYTES + 1, forged, good.length);
    try (CarReader r = CarReader.open(new ByteArrayInputStream(forged))) {
      assertThatThrownBy(r::next)
          .isInstanceOf(CarException.class)
          .hasMessageContaining("is outside 1..");
    }
  }

  @Test
  void carV2AndEmptyInputAreClearErrors() {
    CarHeader v1 = new CarHeader(List.of());
    byte[] h = v1.encode();
    h[h.length - 1] = 2; // version: 2
    byte[] v2 = new byte[h.length + 1];
    v2[0] = (byte) h.length;
    System.arraycopy(h, 0, v2, 1, h.length);
    assertThatThrownBy(() -> CarReader.open(new ByteArrayInputStream(v2)))
        .isInstanceOf(CarException.class)
        .hasMessageContaining("CAR version 2 is not supported");
    assertThatThrownBy(() -> CarReader.open(new ByteArrayInputStream(new byte[0])))
        .isInstanceOf(CarException.class)
        .hasMessageContaining("truncated CAR");
  }
}
