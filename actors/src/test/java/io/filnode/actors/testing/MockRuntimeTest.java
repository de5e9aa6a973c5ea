package io.filnode.actors.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.actors.runtime.ActorCode;
import io.filnode.actors.runtime.ActorException;
import io.filnode.actors.runtime.ExitCode;
import io.filnode.chain.address.Address;
import io.filnode.chain.types.TokenAmount;
import org.junit.jupiter.api.Test;

class MockRuntimeTest {
  private static final Address SELF = Address.newId(1000);
  private static final Address OTHER = Address.newId(1001);

  /** Method 2 pays 10 attoFIL to OTHER; method 3 aborts; method 4 forgets to validate. */
  private static final ActorCode ACTOR =
      (rt, method, params) -> {
        if (method == 4) {
          return new byte[0];
        }
        rt.validateImmediateCallerAcceptAny();
        if (method == 3) {
          throw new ActorException(ExitCode.ERR_FORBIDDEN, "no");
        }
        rt.send(OTHER, 0, null, TokenAmount.ofAtto(10)).requireSuccess("pay");
        return new byte[0];
      };

  @Test
  void checksSendsAndValidation() {
    MockRuntime rt = new MockRuntime(SELF).setBalance(TokenAmount.ofAtto(100));
    rt.expectValidateCallerAny();
    rt.expectSend(OTHER, 0, null, TokenAmount.ofAtto(10), null, ExitCode.OK);
    rt.call(ACTOR, 2, null);
    rt.verify();
    assertThat(rt.balance()).isEqualTo(TokenAmount.ofAtto(90));
  }

  @Test
  void anUnexpectedSendFailsTheTest() {
    MockRuntime rt = new MockRuntime(SELF).setBalance(TokenAmount.ofAtto(100));
    rt.expectValidateCallerAny();
    assertThatThrownBy(() -> rt.call(ACTOR, 2, null)).isInstanceOf(AssertionError.class);
  }

  @Test
  void anUnmetExpectationFailsVerify() {
    MockRuntime rt = new MockRuntime(SELF).setBalance(TokenAmount.ofAtto(100));
    rt.expectValidateCallerAny();
    rt.expectSend(OTHER, 0, null, TokenAmount.ofAtto(10), null, ExitCode.OK);
    rt.expectSend(OTHER, 0, null, TokenAmount.ofAtto(10), null, ExitCode.OK);
    rt.call(ACTOR, 2, null);
    assertThatThrownBy(rt::verify).isInstanceOf(AssertionError.class);
  }

  @Test
  void abortsAreCheckedByExitCode() {
    MockRuntime rt = new MockRuntime(SELF);
    rt.expectValidateCallerAny();
    rt.expectAbort(ExitCode.ERR_FORBIDDEN, () -> rt.call(ACTOR, 3, null));
    rt.verify();
    rt.expectValidateCallerAny();
    assertThatThrownBy(() -> rt.expectAbort(ExitCode.ERR_NOT_FOUND, () -> rt.call(ACTOR, 3, null)))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aMethodThatDoesNotValidateItsCallerFails() {
    MockRuntime rt = new MockRuntime(SELF);
    assertThatThrownBy(() -> rt.call(ACTOR, 4, null)).isInstanceOf(AssertionError.class);
  }
}
