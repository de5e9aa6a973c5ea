/**
 * The interpreter that implements the actors' {@code Runtime}: gas price lists per network version,
 * syscalls, explicit and implicit message application, {@code ApplyBlocks}, the actor registry by
 * code CID, randomness, circulating supply, and the network-version schedule with its upgrade
 * hooks. So far only the network-version schedule ({@link io.filnode.vm.NetworkSchedule}).
 */
package io.filnode.vm;
