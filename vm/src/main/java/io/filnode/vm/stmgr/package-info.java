/**
 * The state manager: tipset states computed by the VM, chain and beacon randomness, base fee,
 * circulating supply, and calls and replays against a tipset's state (Lotus's {@code chain/stmgr}).
 */
package io.filnode.vm.stmgr;
