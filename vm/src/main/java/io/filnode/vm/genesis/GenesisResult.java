package io.filnode.vm.genesis;

import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.BlockHeader;
import java.util.List;

/** The genesis block (stored), its CID, and the ID addresses of the spec's miners in order. */
public record GenesisResult(BlockHeader genesis, Cid genesisCid, List<Address> minerIds) {
  public GenesisResult {
    minerIds = List.copyOf(minerIds);
  }
}
