package io.filnode.vm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which network version applies at an epoch: the one table of upgrade heights per network. As in
 * Lotus, an upgrade at height H takes effect after H: epoch H still runs the old version.
 */
public final class NetworkSchedule {
  /** One upgrade: after {@code height}, the network runs {@code version}. */
  public record Upgrade(String name, long height, int version) {}

  private final List<Upgrade> upgrades;
  private final int genesisVersion;

  public NetworkSchedule(int genesisVersion, List<Upgrade> upgrades) {
    List<Upgrade> sorted = new ArrayList<>(upgrades);
    sorted.sort(Comparator.comparingLong(Upgrade::height));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).version() < sorted.get(i - 1).version()) {
        throw new IllegalArgumentException("network versions must not go down: " + sorted);
      }
    }
    this.genesisVersion = genesisVersion;
    this.upgrades = List.copyOf(sorted);
  }

  /** Mainnet's upgrades as Lotus v1.10.0 schedules them (build/params_mainnet.go). */
  public static NetworkSchedule mainnet() {
    long calico = 265_200;
    return new NetworkSchedule(
        0,
        List.of(
            new Upgrade("breeze", 41_280, 1),
            new Upgrade("smoke", 51_000, 2),
            new Upgrade("ignition", 94_000, 3),
            new Upgrade("refuel", 130_800, 3),
            new Upgrade("assembly", 138_720, 4),
            new Upgrade("tape", 140_760, 5),
            new Upgrade("liftoff", 148_888, 5),
            new Upgrade("kumquat", 170_000, 6),
            new Upgrade("calico", calico, 7),
            new Upgrade("persian", calico + 120 * 60, 8),
            new Upgrade("orange", 336_458, 9),
            new Upgrade("claus", 343_200, 9),
            new Upgrade("trust", 550_321, 10),
            new Upgrade("norwegian", 665_280, 11),
            new Upgrade("turbo", 712_320, 12),
            new Upgrade("hyperdrive", 892_800, 13)));
  }

  /** A devnet that starts at {@code version} and never upgrades. */
  public static NetworkSchedule fixed(int version) {
    return new NetworkSchedule(version, List.of());
  }

  public int versionAt(long epoch) {
    int v = genesisVersion;
    for (Upgrade u : upgrades) {
      if (epoch <= u.height()) {
        return v;
      }
      v = u.version();
    }
    return v;
  }

  public List<Upgrade> upgrades() {
    return upgrades;
  }
}
