package io.filnode.vm.stmgr;

import io.filnode.chain.cid.Cid;

/**
 * What executing a tipset gave: the state root after it and the root of its receipts AMT. The next
 * tipset's blocks carry these as {@code ParentStateRoot} and {@code ParentMessageReceipts}.
 */
public record TipSetState(Cid stateRoot, Cid receiptsRoot) {}
