package io.filnode.node.daemon;

import io.filnode.chain.address.Network;
import io.filnode.chain.cid.Cid;
import java.util.List;
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
    NetworkVersionSchedule versions) {

  /**
   * Mainnet as Lotus v1.10.0 defines it: the upgrade heights of {@code build/params_mainnet.go},
   * each with the network version it introduces (refuel, liftoff and claus change no version).
   */
  public static final NetworkParams MAINNET =
      new NetworkParams(
          "mainnet",
          Network.MAINNET,
          Cid.parse("bafy2bzacecnamqgqmifpluoeldx7zzglxcljo6oja4vrmtj7432rphldpdmm2"),
          30,
          new NetworkVersionSchedule(
              0,
              List.of(
                  new NetworkVersionSchedule.Upgrade("breeze", 41_280, 1),
                  new NetworkVersionSchedule.Upgrade("smoke", 51_000, 2),
                  new NetworkVersionSchedule.Upgrade("ignition", 94_000, 3),
                  new NetworkVersionSchedule.Upgrade("refuel", 130_800, 3),
                  new NetworkVersionSchedule.Upgrade("assembly", 138_720, 4),
                  new NetworkVersionSchedule.Upgrade("tape", 140_760, 5),
                  new NetworkVersionSchedule.Upgrade("liftoff", 148_888, 5),
                  new NetworkVersionSchedule.Upgrade("kumquat", 170_000, 6),
                  new NetworkVersionSchedule.Upgrade("calico", 265_200, 7),
                  new NetworkVersionSchedule.Upgrade("persian", 272_400, 8),
                  new NetworkVersionSchedule.Upgrade("orange", 336_458, 9),
                  new NetworkVersionSchedule.Upgrade("claus", 343_200, 9),
                  new NetworkVersionSchedule.Upgrade("trust", 550_321, 10),
                  new NetworkVersionSchedule.Upgrade("norwegian", 665_280, 11),
                  new NetworkVersionSchedule.Upgrade("turbo", 712_320, 12),
                  new NetworkVersionSchedule.Upgrade("hyperdrive", 892_800, 13))));

  /** The network called {@code name}. */
  public static NetworkParams forName(String name) {
    if (MAINNET.name.equals(name.toLowerCase(Locale.ROOT))) {
      return MAINNET;
    }
    throw new IllegalArgumentException("unknown network '" + name + "' (known: mainnet)");
  }
}
