package io.filnode.node.daemon;

import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.RocksBlockstore;
import io.filnode.chain.car.CarException;
import io.filnode.chain.car.CarImporter;
import io.filnode.chain.car.CarReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.store.RocksChainMetadata;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TokenAmount;
import io.filnode.mpool.MessagePool;
import io.filnode.node.api.ChainApi;
import io.filnode.node.api.ChainView;
import io.filnode.node.api.CommonApi;
import io.filnode.node.api.StateApi;
import io.filnode.node.api.WalletApi;
import io.filnode.node.keystore.FsKeyStore;
import io.filnode.node.keystore.KeyStoreException;
import io.filnode.node.metrics.NodeMetrics;
import io.filnode.node.mpool.NodeMpool;
import io.filnode.node.p2p.NodeHost;
import io.filnode.node.wallet.Wallet;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Permission;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.auth.AuthApi;
import io.filnode.rpc.auth.Jwt;
import io.filnode.rpc.json.LotusJson;
import io.filnode.rpc.server.RpcServer;
import io.filnode.vm.ActorRegistry;
import io.filnode.vm.ProofVerifier;
import io.filnode.vm.stmgr.MockBeacon;
import io.filnode.vm.stmgr.StateManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
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
  private final NodeMpool mpool;
  private final NodeHost host;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final AtomicBoolean stopping = new AtomicBoolean();
  private volatile DevnetMining mining;

  private Daemon(
      RocksBlockstore blocks,
      ChainStore chain,
      CommonApi common,
      RpcServer server,
      NodeMetrics metrics,
      NodeMpool mpool,
      NodeHost host) {
    this.blocks = blocks;
    this.metrics = metrics;
    this.chain = chain;
    this.common = common;
    this.server = server;
    this.mpool = mpool;
    this.host = host;
  }

  /**
   * Opens the repo, sets up the chain (mainnet: imports the genesis CAR if the store has no head;
   * devnet: builds the repo's own genesis on first start), and starts the API; on a devnet, also
   * mining. Progress lines go to {@code out}.
   */
  public static Daemon start(DaemonConfig config, PrintWriter out)
      throws IOException, DaemonException {
    NodeRepo repo = config.repo();
    if (config.network().isDevnet()
        && config.devnet() == null
        && DevnetSettings.read(repo).isEmpty()) {
      throw new DaemonException(
          "no devnet in "
              + repo.root()
              + ": create one with `filnode devnet --repo "
              + repo.root()
              + "`");
    }
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
    Daemon d = null;
    NodeHost host = null;
    try {
      ChainStore chain = new ChainStore(blocks, new RocksChainMetadata(blocks));
      Wallet wallet = new Wallet(keys, random);
      NetworkParams network = config.network();
      DevnetSettings devnet = null;
      if (network.isDevnet()) {
        devnet = openDevnet(config, chain, wallet, out);
        network = NetworkParams.devnet(devnet.blockDelaySecs());
      } else {
        initChain(chain, blocks, config, out);
      }
      StateManager sm =
          new StateManager(
              chain,
              network.versions(),
              network.isDevnet() ? new MockBeacon() : new UnavailableBeacon(network.name()),
              ProofVerifier.acceptAll(),
              ActorRegistry.builtin());
      try {
        host =
            NodeHost.start(
                keys,
                config.node().libp2p().listenAddresses(),
                "filnode/" + config.version(),
                random);
      } catch (KeyStoreException e) {
        throw new DaemonException("libp2p host key: " + e.getMessage(), e);
      }
      NodeMpool mpool = NodeMpool.start(sm, blocks);
      MessagePool pool = mpool.pool();
      Jwt jwt = new Jwt(secret);
      Daemon[] self = new Daemon[1];
      CommonApi common =
          new CommonApi(config.version(), network.blockDelaySecs(), () -> self[0].shutdownAsync());
      NodeApis apis = NodeApis.of(common, sm, network.versions(), wallet, pool, random, host);
      apis.mpool().persistConfigWith(mpool::saveConfig);
      ChainView view = apis.view();
      UUID session = UUID.randomUUID();
      NodeMetrics metrics =
          new NodeMetrics()
              .chain(chain)
              .gauge("filnode.mpool.size", "messages pending in the pool", pool, p -> p.size());
      RpcServer server =
          RpcServer.builder(config.node().rpcServer())
              .mapper(LotusJson.objectMapper(network.addressNetwork()))
              .tokens(jwt)
              .observer(metrics)
              .route(NodeMetrics.PATH, metrics.route())
              .api(RpcServer.V1, apis.registry(jwt, session, false))
              .api(RpcServer.V0, apis.registry(jwt, session, true))
              .build();
      d = new Daemon(blocks, chain, common, server, metrics, mpool, host);
      self[0] = d; // before the server starts, so that Shutdown always finds it
      if (devnet != null) {
        // before the API too: a Shutdown that comes at once finds the miner to stop
        DevnetMining m = DevnetMining.start(sm, mpool, wallet, apis.mpool(), devnet);
        d.mining = m;
        metrics.gauge("filnode.miner.blocks", "blocks mined since start", m, x -> x.blocksMined());
      }
      server.start();
      repo.writeToken(jwt.signUpTo(Permission.ADMIN));
      repo.writeApi(server.address());
      server.setReady(true);
      out.println("API listening on " + NodeRepo.multiaddr(server.address()));
      out.println("admin token in " + repo.tokenFile());
      for (var a : host.listenAddrs()) {
        out.println("libp2p listening on " + a + "/p2p/" + host.peerId());
      }
      if (devnet != null) {
        printDevnetWelcome(devnet, view, repo, out);
      }
      out.flush();
      return d;
    } catch (IOException | DaemonException | RuntimeException e) {
      if (d != null) {
        d.close();
      } else {
        if (host != null) {
          host.close();
        }
        blocks.close();
      }
      throw e;
    }
  }

  /**
   * A devnet's chain: created on the first start when the config says how ({@code filnode devnet});
   * {@code filnode daemon --network devnet} only reopens one.
   */
  private static DevnetSettings openDevnet(
      DaemonConfig config, ChainStore chain, Wallet wallet, PrintWriter out)
      throws IOException, DaemonException {
    try {
      chain.load();
    } catch (ChainStoreException e) {
      throw new DaemonException("chain store: " + e.getMessage(), e);
    }
    DevnetOptions create = config.devnet();
    int miners = create != null ? create.miners() : 0;
    long delay = create != null ? create.blockDelaySecs() : NetworkParams.DEVNET_BLOCK_DELAY_SECS;
    return DevnetChain.open(
        config.repo(), chain, wallet, miners, delay, System.currentTimeMillis() / 1000, out);
  }

  /** What a devnet user needs first: the funded address and how to use it. */
  private static void printDevnetWelcome(
      DevnetSettings s, ChainView view, NodeRepo repo, PrintWriter out) {
    String balance;
    try {
      TipSet head = view.head();
      Actor a = ChainView.actorOrNull(view.parentState(head), Address.parse(s.defaultAddress()));
      balance = (a == null ? TokenAmount.ZERO : a.balance()).toString();
    } catch (RpcException e) {
      balance = "unknown (" + e.getMessage() + ")";
    }
    String repoFlag = repo.equals(NodeRepo.at(null)) ? "" : " --repo " + repo.root();
    out.println("devnet " + s.networkName() + ", genesis " + s.genesisCid());
    out.println("block time " + s.blockDelaySecs() + " s, miners " + minerIds(s));
    out.println("default address " + s.defaultAddress() + ": " + balance);
    out.println("try:");
    out.println("  ./filnode wallet balance" + repoFlag + " " + s.defaultAddress());
    out.println("  ./filnode send" + repoFlag + " <TO-ADDRESS> 10");
  }

  private static List<String> minerIds(DevnetSettings s) {
    List<String> ids = new ArrayList<>();
    for (DevnetSettings.Miner m : s.miners()) {
      ids.add(m.id());
    }
    return ids;
  }

  /**
   * The methods that need neither the VM nor the pool (auth, common, chain, state reads, wallet),
   * on a fresh registry; {@link NodeApis#registry} adds the rest.
   */
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
      DevnetMining m = mining;
      if (m != null) {
        m.close(); // first: no block is half made when the store closes
      }
      server.close();
      host.close();
      mpool.close();
      metrics.close();
      blocks.close();
    } finally {
      stopped.countDown();
    }
  }
}
