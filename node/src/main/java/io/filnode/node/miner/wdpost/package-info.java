/**
 * Window PoSt for the node's miners: each proving deadline, a SubmitWindowedPoSt (mock proof) for
 * every partition with sectors to prove, as Lotus's {@code storage/wdpost_*.go}, so that the
 * miners' sectors are not marked faulty and keep their power.
 */
package io.filnode.node.miner.wdpost;
