package io.filnode.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionTest {
  @Test
  void upToListsEveryWeakerLevelAsLotusCreateTokenDoes() {
    assertThat(Permission.upTo(Permission.READ)).containsExactly(Permission.READ);
    assertThat(Permission.upTo(Permission.SIGN))
        .containsExactly(Permission.READ, Permission.WRITE, Permission.SIGN);
  }

  @Test
  void grantIsMembershipAsInGoJsonrpc() {
    assertThat(Permission.READ.grantedBy(List.of("admin"))).isFalse();
    assertThat(Permission.ADMIN.grantedBy(List.of("admin"))).isTrue();
    assertThat(Permission.WRITE.grantedBy(List.of("read", "write"))).isTrue();
    assertThat(Permission.WRITE.grantedBy(List.of("Write"))).isFalse();
  }

  @Test
  void wireNames() {
    assertThat(Permission.SIGN.lotusName()).isEqualTo("sign");
    assertThat(Permission.fromLotusName("admin")).isEqualTo(Permission.ADMIN);
    assertThat(Permission.fromLotusName("root")).isNull();
  }
}
