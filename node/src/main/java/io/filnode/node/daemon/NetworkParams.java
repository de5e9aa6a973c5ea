package io.filnode.node.daemon;

import io.filnode.chain.address.Network;
import io.filnode.chain.cid.Cid;
import io.filnode.vm.NetworkSchedule;
import java.util.Locale;

/**
 * The parameters of a network the daemon can join (Lotus's {@code build/params_*.go}): the CID its
 * genesis block must have, the block delay, and the network-version upgrade schedule.
 *
 * <p>A devnet ({@link #DEVNET}) has no fixed genesis: each devnet repo builds its own on first
 * start, and its address prefix is {@code t}, as on Lotus's devnets.
 *
 * @param name the network's name on the command line ({@code --network})
 * @param addressNetwork which address prefix the API prints
 * @param genesisCid the CID of the genesis block the daemon accepts; null on a devnet, whose repo
 *     holds its own genesis
 * @param blockDelaySecs the epoch duration
 * @param versions the height → network version table
 */
public record NetworkParams(
    String name,
    Network addressNetwork,
    Cid genesisCid,
    long blockDelaySecs,
    NetworkSchedule versions) {

  /** Mainnet; its upgrade schedule is the vm module's table of Lotus v1.10.0's heights. */
  public static final NetworkParams MAINNET =
      new NetworkParams(
          "mainnet",
          Network.MAINNET,
          Cid.parse("bafy2bzacecnamqgqmifpluoeldx7zzglxcljo6oja4vrmtj7432rphldpdmm2"),
          30,
          NetworkSchedule.mainnet());

  /**
   * The network version a devnet runs from genesis on: the newest filnode executes (actors v2),
   * every upgrade done at genesis as on Lotus devnets built with {@code UpgradeXHeight = -1}.
   */
  public static final int DEVNET_NETWORK_VERSION = 9;

  /** The default block delay of a devnet, in seconds (Lotus's 2k build uses 4). */
  public static final long DEVNET_BLOCK_DELAY_SECS = 4;

  /** A devnet with the default block delay. */
  public static final NetworkParams DEVNET = devnet(DEVNET_BLOCK_DELAY_SECS);

  public NetworkParams {
    if (blockDelaySecs <= 0) {
      throw new IllegalArgumentException("block delay must be positive: " + blockDelaySecs);
    }
  }

  /** A devnet whose epochs last {@code blockDelaySecs}. */
  public static NetworkParams devnet(long blockDelaySecs) {
    return new NetworkParams(
        "devnet",
        Network.TESTNET,
        null,
        blockDelaySecs,
        NetworkSchedule.fixed(DEVNET_NETWORK_VERSION));
  }

  /** Whether this is a devnet: no fixed genesis, blocks mined by this node. */
  public boolean isDevnet() {
    return genesisCid == null;
  }

  /** The network called {@code name}. */
  public static NetworkParams forName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (MAINNET.name.equals(n)) {
      return MAINNET;
    }
    if (DEVNET.name.equals(n)) {
      return DEVNET;
    }
    throw new IllegalArgumentException("unknown network '" + name + "' (known: mainnet, devnet)");
  }
}
