package io.filnode.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.chain.blockstore.Block;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.car.CarImporter;
import io.filnode.chain.car.CarReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.MemoryChainMetadata;
import io.filnode.chain.testing.SharedData;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.rpc.Args;
import io.filnode.rpc.CallContext;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.OutChannel;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.RpcMethod;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Filecoin.ChainExport} through the registry on the mainnet genesis: the channel carries the
 * CAR in chunks and ends with an empty chunk; the CAR reads back with the genesis as its root.
 */
class ChainExportStreamTest {
  private static final CallContext READ = new CallContext(List.of("read"));

  private MemoryBlockstore blocks;
  private TipSet genesis;
  private RpcMethod export;

  @BeforeEach
  void setUp() throws Exception {
    blocks = new MemoryBlockstore();
    Path car = SharedData.require("genesis/mainnet.car.zst");
    CarImporter.Result res = CarImporter.importCar(CarImporter.Source.of(car), blocks, null);
    ChainStore chain = new ChainStore(blocks, new MemoryChainMetadata());
    chain.setGenesis(chain.getBlock(res.roots().get(0)));
    genesis = chain.head();
    MethodRegistry r = new MethodRegistry();
    new ChainApi(new ChainView(chain)).register(r);
    export = r.get("Filecoin.ChainExport");
  }

  /** An out channel that records what it is sent; refuses values after {@code accept} of them. */
  private static final class Recorder implements OutChannel {
    final List<byte[]> chunks = new CopyOnWriteArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);
    final int accept;

    Recorder(int accept) {
      this.accept = accept;
    }

    @Override
    public boolean send(Object value) {
      if (chunks.size() >= accept) {
        return false;
      }
      chunks.add((byte[]) value);
      return true;
    }

    @Override
    public void close() {
      closed.countDown();
    }

    @Override
    public boolean isClosed() {
      return closed.getCount() == 0;
    }

    @Override
    public void onCancel(Runnable action) {}

    void awaitClose() throws InterruptedException {
      assertThat(closed.await(60, TimeUnit.SECONDS)).as("channel closed").isTrue();
    }
  }

  private Recorder run(Recorder out, Object... args) throws Exception {
    export.channelHandler().open(READ, new Args(args), out);
    out.awaitClose();
    return out;
  }

  @Test
  void streamsTheGenesisCarAndEndsWithAnEmptyChunk() throws Exception {
    assertThat(export.permission().lotusName()).isEqualTo("read");
    Recorder out = run(new Recorder(Integer.MAX_VALUE), 0L, false, null); // null key: the head
    List<byte[]> chunks = out.chunks;
    assertThat(chunks.get(chunks.size() - 1)).isEmpty();
    ByteArrayOutputStream car = new ByteArrayOutputStream();
    for (byte[] c : chunks) {
      assertThat(c.length).isLessThanOrEqualTo(ChainExportStream.CHUNK_BYTES);
      car.write(c);
    }
    assertThat(chunks.size()).as("chunks of a multi-MiB CAR").isGreaterThan(2);
    Set<Cid> read = new HashSet<>();
    try (CarReader r = CarReader.open(new ByteArrayInputStream(car.toByteArray()))) {
      assertThat(r.header().roots()).isEqualTo(genesis.cids());
      for (Block b = r.next(); b != null; b = r.next()) {
        assertThat(read.add(b.cid())).as("each object once").isTrue();
      }
    }
    Cid g = genesis.cids().get(0);
    assertThat(read).contains(g, genesis.parentStateRoot());
    assertThat(read).allMatch(blocks::has);
  }

  @Test
  void aClientThatStopsReadingStopsTheExportWithoutTheEndMarker() throws Exception {
    Recorder out = run(new Recorder(1), 0L, false, genesis.key());
    assertThat(out.chunks).hasSize(1);
    assertThat(out.chunks.get(0)).hasSize(ChainExportStream.CHUNK_BYTES);
  }

  @Test
  void anUnknownTipSetFailsBeforeTheChannelOpens() {
    TipSetKey unknown = new TipSetKey(List.of(Cid.ofDagCbor(new byte[] {(byte) 0xf6})));
    Recorder out = new Recorder(Integer.MAX_VALUE);
    assertThatThrownBy(() -> export.channelHandler().open(READ, new Args(0L, false, unknown), out))
        .isInstanceOf(RpcException.class)
        .hasMessageContaining("loading tipset");
    assertThat(out.chunks).isEmpty();
  }
}
