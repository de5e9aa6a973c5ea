/**
 * The v2 storage power actor (specs-actors v2.3.6 {@code builtin/power}): {@link
 * io.filnode.actors.v2.power.PowerActor} creates miners and tracks their claimed power, runs the
 * end-of-epoch batch PoRep verification and miner callbacks, and reports the network power to the
 * reward actor; {@link io.filnode.actors.v2.power.PowerState} is its state and {@link
 * io.filnode.actors.v2.power.PowerPolicy} the consensus minimum power rules.
 */
package io.filnode.actors.v2.power;
