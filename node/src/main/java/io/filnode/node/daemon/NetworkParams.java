package io.filnode.node.daemon;

import io.filnode.chain.address.Network;
import io.filnode.chain.cid.Cid;
import io.filnode.vm.NetworkSchedule;
import java.util.Locale;

/**
 * The parameters of a network the daemon can join (Lotus's {@code build/params_*.go}): the CID its
 * genesis block must have, the block delay, and the network-version upgrade schedule. Only mainnet
 * exists so far.
 *
 * @param name the network's name on the command line ({@code --network})
 * @param addressNetwork which address prefix the API prints
 * @param genesisCid the CID of the genesis block the daemon accepts
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

  /** The network called {@code name}. */
  public static NetworkParams forName(String name) {
    if (MAINNET.name.equals(name.toLowerCase(Locale.ROOT))) {
      return MAINNET;
    }
    throw new IllegalArgumentException("unknown network '" + name + "' (known: mainnet)");
  }
}
