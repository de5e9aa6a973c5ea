package io.filnode.node.daemon;

import java.util.List;

/**
 * Which network version holds at a height (Lotus's {@code StateManager.GetNtwkVersion}): an upgrade
 * at height H runs at the end of epoch H, so H itself still has the previous version and the new
 * one starts at H + 1.
 *
 * @param genesisVersion the version before the first upgrade
 * @param upgrades ordered by height
 */
public record NetworkVersionSchedule(int genesisVersion, List<Upgrade> upgrades) {
  /** One upgrade: its name, its height, and the network version after it. */
  public record Upgrade(String name, long height, int version) {}

  public NetworkVersionSchedule {
    upgrades = List.copyOf(upgrades);
    for (int i = 1; i < upgrades.size(); i++) {
      if (upgrades.get(i).height() <= upgrades.get(i - 1).height()) {
        throw new IllegalArgumentException("upgrade heights must increase: " + upgrades.get(i));
      }
    }
  }

  /** The network version at {@code height}. */
  public int versionAt(long height) {
    int v = genesisVersion;
    for (Upgrade u : upgrades) {
      if (height <= u.height()) {
        return v;
      }
      v = u.version();
    }
    return v;
  }
}
