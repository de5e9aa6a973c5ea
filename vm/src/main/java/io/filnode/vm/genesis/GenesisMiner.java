package io.filnode.vm.genesis;

import io.filnode.chain.address.Address;

/**
 * A storage miner created at genesis with {@code sectors} mock committed-capacity sectors (numbered
 * 0 to sectors-1). {@code owner} and {@code worker} are key addresses that must be among the spec's
 * accounts; the worker must be a BLS address; the owner may equal the worker and pays the sectors'
 * pre-commit deposits and initial pledge.
 */
public record GenesisMiner(Address owner, Address worker, long sealProofType, int sectors) {
  public GenesisMiner {
    if (owner == null || worker == null) {
      throw new IllegalArgumentException("genesis miner needs an owner and a worker");
    }
    if (sectors < 0) {
      throw new IllegalArgumentException("negative sector count " + sectors);
    }
  }
}
