package io.filnode.vm.stmgr;

import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.vm.ApplyRet;

/**
 * What executing one message outside block production gave (Lotus's {@code api.InvocResult} before
 * JSON): the CID the caller knows the message by, the message as executed, the VM's result (with
 * its call trace) and how long the execution took in wall-clock nanoseconds.
 */
public record InvocResult(Cid msgCid, UnsignedMessage msg, ApplyRet ret, long durationNanos) {}
