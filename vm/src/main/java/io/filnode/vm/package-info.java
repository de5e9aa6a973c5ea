/**
 * The interpreter that implements the actors' {@code Runtime}, as Lotus v1.10.0's legacy VM ({@code
 * chain/vm}) for network versions 4 to 9: {@link io.filnode.vm.Vm} applies explicit and implicit
 * messages over a snapshot-layered {@link io.filnode.vm.VmStateTree}, {@code VmRuntime} is one
 * call's runtime (caller validation, sends, state, the gas-charging store, priced syscalls), {@link
 * io.filnode.vm.ActorRegistry} maps code CIDs to actor code, {@link io.filnode.vm.TipsetExecutor}
 * is {@code ApplyBlocks}, and {@link io.filnode.vm.NetworkSchedule} gives the network version per
 * epoch. Gas prices are in {@code io.filnode.vm.gas}; the conformance vector runner is in {@code
 * io.filnode.vm.conformance}.
 */
package io.filnode.vm;
