package io.filnode.chain.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.cid.Cid;
import org.junit.jupiter.api.Test;

class BuiltinActorsTest {
  @Test
  void codeCidsAreIdentityCidsOfTheirNames() {
    // as printed by Lotus for builtin0.AccountActorCodeID and builtin2.StorageMinerActorCodeID
    assertThat(BuiltinActors.codeCid(ActorKind.ACCOUNT, 0))
        .isEqualTo(Cid.parse("bafkqadlgnfwc6mjpmfrwg33vnz2a"));
    assertThat(BuiltinActors.lookup(Cid.parse("bafkqadlgnfwc6mjpmfrwg33vnz2a")))
        .contains(new BuiltinActors.Code(ActorKind.ACCOUNT, 0));
    assertThat(BuiltinActors.lookup(BuiltinActors.codeCid(ActorKind.STORAGE_MINER, 4)))
        .contains(new BuiltinActors.Code(ActorKind.STORAGE_MINER, 4));
    assertThat(BuiltinActors.all()).hasSize(4 * 11 + 1);
    assertThat(BuiltinActors.lookup(Cid.ofDagCbor(new byte[] {0}))).isEmpty();
  }
}
