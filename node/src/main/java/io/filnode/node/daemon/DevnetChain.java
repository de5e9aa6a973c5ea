package io.filnode.node.daemon;

import io.filnode.actors.builtin.SealProofs;
import io.filnode.chain.address.Address;
import io.filnode.chain.address.Network;
import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.store.ChainStore;
import io.filnode.chain.store.ChainStoreException;
import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.TokenAmount;
import io.filnode.node.wallet.Wallet;
import io.filnode.node.wallet.WalletException;
import io.filnode.vm.genesis.GenesisAccount;
import io.filnode.vm.genesis.GenesisBuilder;
import io.filnode.vm.genesis.GenesisException;
import io.filnode.vm.genesis.GenesisMiner;
import io.filnode.vm.genesis.GenesisResult;
import io.filnode.vm.genesis.GenesisSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A devnet's chain on its first start and after: makes the keys (a funded secp256k1 default address
 * and one BLS worker per miner), records the inputs in {@link DevnetSettings}, builds the genesis
 * with {@link GenesisBuilder} and sets it as the chain store's genesis. On later starts it checks
 * that the stored genesis is the recorded one.
 */
final class DevnetChain {
  /**
   * What each genesis account gets, as {@code lotus-seed genesis add-miner} funds a miner's owner.
   */
  static final TokenAmount ACCOUNT_BALANCE = TokenAmount.ofFil(50_000_000);

  /**
   * Committed-capacity 32 GiB sectors per genesis miner: 320 make 10 TiB, the consensus minimum
   * power of mainnet policy (which the devnet keeps: consensus is byte-exact), below which a
   * miner's power does not count in the network total and it cannot win blocks. Lotus devnets
   * pre-seal 2 sectors of 2 KiB instead, on a build that lowers that minimum.
   */
  static final int SECTORS_PER_MINER = 320;

  private DevnetChain() {}

  /**
   * The devnet settings of {@code repo}, making a new devnet with {@code miners} miners and {@code
   * blockDelaySecs} when the repo has none; its genesis is stored in {@code chain} on return.
   */
  static DevnetSettings open(
      NodeRepo repo,
      ChainStore chain,
      Wallet wallet,
      int miners,
      long blockDelaySecs,
      long nowSecs,
      PrintWriter out)
      throws DaemonException, IOException {
    Optional<DevnetSettings> stored = DevnetSettings.read(repo);
    DevnetSettings s;
    if (stored.isPresent()) {
      s = stored.get();
    } else {
      if (chain.head() != null) {
        throw new DaemonException(
            "the repo at " + repo.root() + " holds a chain that is not a devnet");
      }
      s = plan(wallet, miners, blockDelaySecs, nowSecs);
      s.write(repo);
      out.println("new devnet " + s.networkName() + " in " + repo.root());
    }
    try {
      // no CID yet: killed before it was recorded, or a new devnet; the build is deterministic
      if (chain.head() == null || s.genesisCid() == null) {
        s = build(repo, chain, s, out);
      } else {
        check(chain, s);
      }
    } catch (ChainStoreException e) {
      throw new DaemonException("chain store: " + e.getMessage(), e);
    }
    return s;
  }

  /** Makes the keys and fixes the genesis inputs. */
  private static DevnetSettings plan(Wallet wallet, int miners, long blockDelaySecs, long nowSecs)
      throws DaemonException {
    try {
      Address def = wallet.newKey(SignatureType.SECP256K1);
      wallet.setDefault(def);
      List<DevnetSettings.Miner> ms = new ArrayList<>();
      for (int i = 0; i < miners; i++) {
        ms.add(new DevnetSettings.Miner(text(wallet.newKey(SignatureType.BLS)), null));
      }
      return new DevnetSettings(
          "localnet-" + UUID.randomUUID(), nowSecs, blockDelaySecs, text(def), ms, null);
    } catch (WalletException e) {
      throw new DaemonException("wallet: " + e.getMessage(), e);
    }
  }

  /** Builds the genesis from the recorded inputs (deterministic), stores it and records its CID. */
  private static DevnetSettings build(
      NodeRepo repo, ChainStore chain, DevnetSettings s, PrintWriter out)
      throws DaemonException, ChainStoreException, IOException {
    List<GenesisAccount> accounts = new ArrayList<>();
    accounts.add(new GenesisAccount(Address.parse(s.defaultAddress()), ACCOUNT_BALANCE));
    List<GenesisMiner> miners = new ArrayList<>();
    for (DevnetSettings.Miner m : s.miners()) {
      Address worker = Address.parse(m.worker());
      accounts.add(new GenesisAccount(worker, ACCOUNT_BALANCE));
      miners.add(
          new GenesisMiner(worker, worker, SealProofs.STACKED_DRG_32GIB_V1_1, SECTORS_PER_MINER));
    }
    GenesisSpec spec =
        new GenesisSpec(
            s.networkName(),
            s.genesisTimestamp(),
            NetworkParams.DEVNET_NETWORK_VERSION,
            accounts,
            miners);
    Blockstore store = chain.blockstore();
    GenesisResult g;
    try {
      g = GenesisBuilder.build(store, spec);
    } catch (GenesisException e) {
      throw new DaemonException("building the devnet genesis: " + e.getMessage(), e);
    }
    if (s.genesisCid() != null && !s.genesisCid().equals(g.genesisCid().toString())) {
      throw new DaemonException(
          "rebuilt genesis " + g.genesisCid() + " is not the recorded " + s.genesisCid());
    }
    chain.setGenesis(g.genesis());
    List<String> ids = new ArrayList<>();
    for (Address id : g.minerIds()) {
      ids.add(text(id));
    }
    DevnetSettings done = s.withGenesis(g.genesisCid().toString(), ids);
    done.write(repo);
    out.println("genesis " + g.genesisCid() + " with miners " + ids);
    return done;
  }

  /** A reopened devnet: the stored genesis must be the one recorded. */
  private static void check(ChainStore chain, DevnetSettings s)
      throws DaemonException, ChainStoreException {
    BlockHeader genesis = chain.genesis();
    Cid cid = Cid.ofDagCbor(genesis.toCbor());
    if (s.genesisCid() == null || !s.genesisCid().equals(cid.toString())) {
      throw new DaemonException(
          "the repo's genesis " + cid + " is not the devnet's recorded " + s.genesisCid());
    }
  }

  private static String text(Address a) {
    return a.toString(Network.TESTNET);
  }
}
