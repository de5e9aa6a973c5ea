/**
 * The specs-actors v2 storage miner actor: its state (info, sectors, deadlines, partitions,
 * expiration queues, vesting table), the pledge and penalty arithmetic, and the actor methods.
 */
package io.filnode.actors.v2.miner;
