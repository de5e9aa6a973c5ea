package io.filnode.node.daemon;

import io.filnode.chain.blockstore.RocksBlockstore;
import io.filnode.chain.car.CarException;
import io.filnode.chain.car.CarImporter;
import io.filnode.chain.car.CarReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.store.RocksChainMetadata;
import io.filnode.chain.types.BlockHeader;
import io.filnode.node.api.ChainApi;
import io.filnode.node.api.ChainView;
import io.filnode.node.api.CommonApi;
import io.filnode.node.api.StateApi;
import io.filnode.node.api.WalletApi;
import io.filnode.node.keystore.FsKeyStore;
import io.filnode.node.keystore.KeyStoreException;
import io.filnode.node.metrics.NodeMetrics;
import io.filnode.node.wallet.Wallet;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Permission;
import io.filnode.rpc.auth.AuthApi;
import io.filnode.rpc.auth.Jwt;
import io.filnode.rpc.json.LotusJson;
import io.filnode.rpc.server.RpcServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running node: the repo's blockstore and chain store (the genesis imported on first start), the
 * wallet, and the JSON-RPC server. {@link #start} returns once the API listens; {@link #shutdown}
 * (also reached through {@code Filecoin.Shutdown} and SIGTERM) closes the server, then the store.
 */
public final class Daemon implements AutoCloseable {
  /**
   * How long {@code Filecoin.Shutdown} waits before closing the server, so that its own answer
   * reaches the caller first (the server closes connections when it stops).
   */
  private static final long SHUTDOWN_GRACE_MILLIS = 200;

  private final RocksBlockstore blocks;
  private final ChainStore chain;
  private final CommonApi common;
  private final RpcServer server;
  private final NodeMetrics metrics;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean stopping = new AtomicBoolean();

  private Daemon(
      RocksBlockstore blocks,
      ChainStore chain,
      CommonApi common,
      RpcServer server,
      NodeMetrics metrics) {
    this.blocks = blocks;
    this.metrics = metrics;
    this.chain = chain;
    this.common = common;
    this.server = server;
  }

  /**
   * Opens the repo, imports the genesis if the store has no head, and starts the API. Progress
   * lines go to {@code out}.
   */
  public static Daemon start(DaemonConfig config, PrintWriter out)
      throws IOException, DaemonException {
    NodeRepo repo = config.repo();
    Files.createDirectories(repo.root());
    SecureRandom random = new SecureRandom();
    FsKeyStore keys;
    byte[] secret;
    try {
      keys = repo.openKeyStore();
      secret = NodeRepo.jwtSecret(keys, random);
    } catch (KeyStoreException e) {
      throw new DaemonException("keystore: " + e.getMessage(), e);
    }
    RocksBlockstore blocks =
        RocksBlockstore.open(repo.datastore(), config.node().chainstore().blockCacheBytes());
    try {
      ChainStore chain = new ChainStore(blocks, new RocksChainMetadata(blocks));
      initChain(chain, blocks, config, out);
      Jwt jwt = new Jwt(secret);
      Daemon[] self = new Daemon[1];
      CommonApi common =
          new CommonApi(
              config.version(), config.network().blockDelaySecs(), () -> self[0].shutdownAsync());
      ChainView view = new ChainView(chain);
      StateApi state = new StateApi(view, config.network().versions());
      Wallet wallet = new Wallet(keys, random);
      UUID session = UUID.randomUUID();
      NodeMetrics metrics = new NodeMetrics().chain(chain);
      RpcServer.Builder b =
          RpcServer.builder(config.node().rpcServer())
              .mapper(LotusJson.objectMapper(config.network().addressNetwork()))
              .tokens(jwt)
              .observer(metrics)
              .route(NodeMetrics.PATH, metrics.route());
      for (String path : List.of(RpcServer.V1, RpcServer.V0)) {
        b.api(path, registry(jwt, session, common, view, state, wallet));
      }
      RpcServer server = b.build();
      Daemon d = new Daemon(blocks, chain, common, server, metrics);
      self[0] = d; // before the server starts, so that Shutdown always finds it
      server.start();
      repo.writeToken(jwt.signUpTo(Permission.ADMIN));
      repo.writeApi(server.address());
      server.setReady(true);
      out.println("API listening on " + NodeRepo.multiaddr(server.address()));
      out.println("admin token in " + repo.tokenFile());
      out.flush();
      return d;
    } catch (IOException | DaemonException | RuntimeException e) {
      blocks.close();
      throw e;
    }
  }

  /** Every method the node serves, on a fresh registry (v1 and v0 each get one). */
  public static MethodRegistry registry(
      Jwt jwt, UUID session, CommonApi common, ChainView view, StateApi state, Wallet wallet) {
    MethodRegistry r = new MethodRegistry();
    AuthApi.register(r, jwt, session);
    common.register(r);
    new ChainApi(view).register(r);
    state.register(r);
    new WalletApi(wallet, state).register(r);
    return r;
  }

  /** Sets genesis and head on first start; afterwards checks the stored genesis. */
  private static void initChain(
      ChainStore chain, RocksBlockstore blocks, DaemonConfig config, PrintWriter out)
      throws DaemonException {
    Cid expected = config.network().genesisCid();
    try {
      chain.load();
      if (chain.head() != null) {
        Cid stored = Cid.ofDagCbor(chain.genesis().toCbor());
        if (!stored.equals(expected)) {
          throw new DaemonException(
              "the repo's genesis "
                  + stored
                  + " is not "
                  + config.network().name()
                  + "'s ("
                  + expected
                  + ")");
        }
        out.println("chain head at height " + chain.head().height() + ": " + chain.head().key());
        return;
      }
      Path car = config.genesis();
      if (car == null) {
        throw new DaemonException(
            "the repo has no chain yet: give the genesis with --genesis FILE");
      }
      if (!Files.isRegularFile(car)) {
        throw new DaemonException("no such file: " + car);
      }
      List<Cid> roots;
      try (CarReader r = CarReader.open(car)) {
        roots = r.header().roots();
      }
      if (roots.size() != 1 || !roots.get(0).equals(expected)) {
        throw new DaemonException(
            "genesis CAR "
                + car
                + " has root "
                + roots
                + ", but "
                + config.network().name()
                + "'s genesis is "
                + expected);
      }
      out.println("importing genesis " + car + " ...");
      out.flush();
      CarImporter.importCar(CarImporter.Source.of(car), blocks, null);
      BlockHeader genesis = chain.getBlock(expected);
      if (!Cid.ofDagCbor(genesis.toCbor()).equals(expected)) {
        throw new DaemonException("genesis block does not re-encode to " + expected);
      }
      chain.setGenesis(genesis);
      out.println("genesis " + expected + " imported");
    } catch (CarException e) {
      throw new DaemonException("importing genesis: " + e.getMessage(), e);
    } catch (ChainStoreException e) {
      throw new DaemonException("chain store: " + e.getMessage(), e);
    }
  }

  /** The chain store (for tests and embedding). */
  public ChainStore chain() {
    return chain;
  }

  /** The API's bound port. */
  public int apiPort() {
    return server.port();
  }

  /** Starts the shutdown on its own thread and returns (for {@code Filecoin.Shutdown}). */
  void shutdownAsync() {
    Thread t =
        new Thread(
            () -> {
              try {
                Thread.sleep(SHUTDOWN_GRACE_MILLIS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              close();
            },
            "shutdown");
    t.start();
  }

  /** Blocks until the daemon has shut down. */
  public void awaitShutdown() throws InterruptedException {
    stopped.await();
  }

  /** Closes the API, then the store; later calls do nothing (beyond waiting for the first). */
  @Override
  public void close() {
    if (!stopping.compareAndSet(false, true)) {
      try {
        stopped.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    try {
      common.closing();
      server.close();
      metrics.close();
      blocks.close();
    } finally {
      stopped.countDown();
    }
  }
}
