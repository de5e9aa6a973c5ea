package io.filnode.node.mpool;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.blockstore.RocksBlockstore;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSet;
import io.filnode.mpool.MessagePool;
import io.filnode.mpool.MessageSelector;
import io.filnode.mpool.MpoolConfig;
import io.filnode.mpool.MpoolException;
import io.filnode.rpc.json.LotusJson;
import io.filnode.vm.stmgr.StateManager;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * The daemon's message pool: built on the chain's head over a {@link ChainMpoolProvider}, with its
 * local messages in the repo's RocksDB ({@link RocksLocalMessageStore}, re-added on start), its
 * config persisted there as Lotus persists {@code /mpool/config}, and subscribed to head changes
 * until {@link #close()}.
 */
public final class NodeMpool implements AutoCloseable {
  static final String CONFIG_KEY = "mpool/config";
  private static final System.Logger LOG = System.getLogger(NodeMpool.class.getName());
  private static final ObjectMapper JSON = LotusJson.objectMapper();

  private final MessagePool pool;
  private final ChainMpoolProvider provider;
  private final RocksBlockstore datastore;
  private final Runnable unsubscribe;

  private NodeMpool(
      MessagePool pool,
      ChainMpoolProvider provider,
      RocksBlockstore datastore,
      Runnable unsubscribe) {
    this.pool = pool;
    this.provider = provider;
    this.datastore = datastore;
    this.unsubscribe = unsubscribe;
  }

  /**
   * Builds the pool on the current head of {@code stateManager}'s chain and starts following it.
   *
   * @param datastore the repo's RocksDB, where local messages and the config live
   */
  public static NodeMpool start(StateManager stateManager, RocksBlockstore datastore) {
    TipSet head = stateManager.chain().head();
    if (head == null) {
      throw new IllegalStateException("the message pool needs a chain with a head");
    }
    ChainMpoolProvider provider = new ChainMpoolProvider(stateManager);
    MessagePool pool =
        new MessagePool(
            provider,
            new RocksLocalMessageStore(datastore),
            loadConfig(datastore),
            head,
            System::currentTimeMillis);
    Runnable unsubscribe = MpoolHeadChanges.wire(stateManager.chain(), pool);
    return new NodeMpool(pool, provider, datastore, unsubscribe);
  }

  /** The stored config, or Lotus's defaults when there is none or it does not read. */
  static MpoolConfig loadConfig(RocksBlockstore datastore) {
    byte[] stored = datastore.getMeta(CONFIG_KEY);
    if (stored == null) {
      return MpoolConfig.defaults();
    }
    try {
      return JSON.readValue(stored, MpoolConfigJson.class).toConfig().validate();
    } catch (IOException | IllegalArgumentException e) {
      LOG.log(Level.WARNING, "ignoring the stored mpool config: " + e.getMessage());
      return MpoolConfig.defaults();
    }
  }

  /** Persists {@code config} (already applied to the pool), as Lotus's SetConfig does. */
  public void saveConfig(MpoolConfig config) {
    saveConfig(datastore, config);
  }

  static void saveConfig(RocksBlockstore datastore, MpoolConfig config) {
    try {
      datastore.putMetaSynced(CONFIG_KEY, JSON.writeValueAsBytes(MpoolConfigJson.of(config)));
    } catch (IOException e) {
      throw new IllegalStateException("encoding the mpool config", e);
    }
  }

  public MessagePool pool() {
    return pool;
  }

  /**
   * The messages for a block on {@code base} (the miner's message source). A failure is logged and
   * gives an empty block, so a devnet keeps its chain going (Lotus's miner skips the round).
   */
  public List<SignedMessage> selectForBlock(TipSet base) {
    try {
      return new MessageSelector(pool).selectMessages(base);
    } catch (MpoolException e) {
      LOG.log(
          Level.ERROR, "selecting messages for a block on " + base.key() + ": " + e.getMessage());
      return List.of();
    }
  }

  /** The provider, whose publisher the daemon sets once gossip is wired. */
  public ChainMpoolProvider provider() {
    return provider;
  }

  /** Stops following the chain. */
  @Override
  public void close() {
    unsubscribe.run();
  }
}
