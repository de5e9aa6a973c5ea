/**
 * The v2 reward actor (specs-actors v2.3.6 {@code builtin/reward}): {@link
 * io.filnode.actors.v2.reward.RewardActor} pays block rewards and recomputes the reward each epoch,
 * {@link io.filnode.actors.v2.reward.RewardState} is its state and {@link
 * io.filnode.actors.v2.reward.RewardLogic} the baseline and minting functions.
 */
package io.filnode.actors.v2.reward;
