/**
 * Expected Consensus block production on devnets, as Lotus v1.10.0's {@code miner} and {@code
 * MinerCreateBlock} with mock proofs: the mining base info at the lookback state, tickets and
 * election proofs (worker BLS signatures as VRFs), the win count, a mock winning PoSt, block
 * assembly and signing, and the loop that mines one tipset per round.
 */
package io.filnode.node.miner;
