package io.filnode.actors.v2.multisig;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.actors.builtin.Builtin.MethodsMultisig;
import io.filnode.actors.builtin.RawBytes;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.actors.runtime.Runtime;
import io.filnode.actors.testing.MockRuntime;
import io.filnode.actors.util.adt.AdtMap;
import io.filnode.chain.address.Address;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cbor.CborReader;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.ActorKind;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.types.TokenAmount;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A signer of a 1-of-n multisig proposes its own removal: the inner RemoveSigner call purges the
 * very transaction being executed. Before network version 6 the cleanup's delete then fails
 * (ErrIllegalState); from version 6 the missing transaction is skipped. The mock cannot run the
 * inner call, so a proxy applies its effect on the state when the actor sends.
 */
class MultisigSelfRemovalTest {
  private static final Cid ACCOUNT_CODE = BuiltinActors.codeCid(ActorKind.ACCOUNT, 2);
  private static final Cid MULTISIG_CODE = BuiltinActors.codeCid(ActorKind.MULTISIG, 2);
  private static final Address RECEIVER = Address.newId(100);
  private static final Address ANNE = Address.newId(101);
  private static final Address BOB = Address.newId(102);

  private final MultisigActor actor = new MultisigActor();

  @Test
  void beforeVersion6TheCleanupFails() {
    MockRuntime rt = walletWithSelfRemovalProposal(5);
    rt.expectAbort(ExitCode.ERR_ILLEGAL_STATE, () -> proposeRemovalOfAnne(rt));
    assertThat(rt.getState(MultisigState::decode).signers()).containsExactly(ANNE, BOB);
  }

  @Test
  void fromVersion6TheMissingTransactionIsSkipped() {
    MockRuntime rt = walletWithSelfRemovalProposal(6);
    ProposeReturn ret = proposeRemovalOfAnne(rt);
    assertThat(ret).isEqualTo(new ProposeReturn(0, true, ExitCode.OK, new byte[0]));
    MultisigState st = rt.getState(MultisigState::decode);
    assertThat(st.signers()).containsExactly(BOB);
    List<byte[]> remaining = new ArrayList<>();
    MultisigState.loadPending(rt.store(), st.pendingTxns()).forEach((k, v) -> remaining.add(k));
    assertThat(remaining).isEmpty();
  }

  private MockRuntime walletWithSelfRemovalProposal(int networkVersion) {
    MockRuntime rt = new MockRuntime(RECEIVER);
    rt.setNetworkVersion(networkVersion);
    // The state is set directly: the proposal below is this mock's only call, invoked through
    // the proxy rather than MockRuntime.call.
    Cid empty = AdtMap.create(rt.store(), BuiltinActors.hamtOptions(2)).flush();
    rt.replaceState(new MultisigState(List.of(ANNE, BOB), 1, 0, TokenAmount.ZERO, 0, 0, empty));
    rt.setCaller(ANNE, ACCOUNT_CODE);
    rt.expectValidateCallerType(ACCOUNT_CODE, MULTISIG_CODE);
    rt.expectSend(
        RECEIVER,
        MethodsMultisig.REMOVE_SIGNER,
        new RawBytes(removeAnne()),
        TokenAmount.ZERO,
        null,
        ExitCode.OK);
    return rt;
  }

  private static byte[] removeAnne() {
    return new RemoveSignerParams(ANNE, false).toCbor();
  }

  /** Proposes RemoveSigner(Anne) as Anne; the send applies the removal as the inner call would. */
  private ProposeReturn proposeRemovalOfAnne(MockRuntime mock) {
    Runtime rt = removingAnneOnSend(mock);
    byte[] ret =
        actor.invoke(
            rt,
            MethodsMultisig.PROPOSE,
            new ProposeParams(
                    RECEIVER, TokenAmount.ZERO, MethodsMultisig.REMOVE_SIGNER, removeAnne())
                .toCbor());
    mock.verify();
    try {
      return CborReader.decodeWhole(ret, "ProposeReturn", ProposeReturn::decode);
    } catch (CborException e) {
      throw new AssertionError(e);
    }
  }

  private static Runtime removingAnneOnSend(MockRuntime mock) {
    return (Runtime)
        Proxy.newProxyInstance(
            Runtime.class.getClassLoader(),
            new Class<?>[] {Runtime.class},
            (proxy, method, args) -> {
              Object result;
              try {
                result = method.invoke(mock, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
              if (method.getName().equals("send")) {
                MultisigState st = mock.getState(MultisigState::decode);
                st.purgeApprovals(mock.store(), ANNE);
                st.setSigners(List.of(BOB));
                mock.replaceState(st);
              }
              return result;
            });
  }
}
