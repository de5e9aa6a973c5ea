package io.filnode.vm;

import io.filnode.chain.types.MessageReceipt;

/**
 * The result of applying a message: its receipt, where its gas funds went (null for implicit
 * messages), the error text of a failed execution (null on success) and, when tracing, the call
 * tree (else null).
 */
public record ApplyRet(
    MessageReceipt receipt, GasOutputs gasOutputs, String error, CallTrace trace) {}
