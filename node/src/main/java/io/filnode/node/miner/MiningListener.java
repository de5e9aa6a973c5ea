package io.filnode.node.miner;

import io.filnode.chain.types.BlockHeader;
import io.filnode.chain.types.TipSet;
import java.util.List;

/** Told about every tipset the mining loop produced and made the head. */
@FunctionalInterface
public interface MiningListener {
  void mined(TipSet ts, List<BlockHeader> blocks);

  /** A listener that does nothing. */
  static MiningListener none() {
    return (ts, blocks) -> {};
  }
}
