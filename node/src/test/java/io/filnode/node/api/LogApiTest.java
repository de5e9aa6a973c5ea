package io.filnode.node.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.filnode.rpc.Args;
import io.filnode.rpc.CallContext;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.RpcMethod;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code LogList} and {@code LogSetLevel} through the registry, on the JDK's real loggers. */
class LogApiTest {
  private static final CallContext WRITE = new CallContext(List.of("read", "write"));

  /** A class logger below the rpc system, as the RPC server's classes create theirs. */
  private final Logger rpcClass = Logger.getLogger("io.filnode.rpc.server.SomeHandler");

  private final Logger vmClass = Logger.getLogger("io.filnode.vm.SomeClass");
  private MethodRegistry registry;

  @BeforeEach
  void setUp() {
    registry = new MethodRegistry();
    new CommonApi("test", 30, () -> {}).register(registry);
  }

  @AfterEach
  void restoreLevels() {
    for (String s : LogApi.SYSTEMS) {
      Logger.getLogger("io.filnode." + s).setLevel(null);
    }
  }

  private Object call(String method, Object... args) throws RpcException {
    RpcMethod m = registry.get("Filecoin." + method);
    assertThat(m).as(method).isNotNull();
    assertThat(m.permission().lotusName()).isEqualTo("write");
    return m.handler().call(WRITE, new Args(args));
  }

  @Test
  void listsOneSystemPerModule() throws Exception {
    assertThat(call("LogList"))
        .isEqualTo(
            List.of("actors", "chain", "markets", "mpool", "net", "node", "rpc", "sync", "vm"));
  }

  @Test
  void aSystemsLevelReachesTheLoggersBelowItOnly() throws Exception {
    call("LogSetLevel", "rpc", "debug");
    assertThat(rpcClass.isLoggable(Level.FINE)).isTrue();
    assertThat(vmClass.isLoggable(Level.FINE)).isFalse();
    // the root handlers let the debug lines through
    for (var h : Logger.getLogger("").getHandlers()) {
      assertThat(h.getLevel().intValue()).isLessThanOrEqualTo(Level.FINE.intValue());
    }
    call("LogSetLevel", "rpc", "ERROR");
    assertThat(rpcClass.isLoggable(Level.WARNING)).isFalse();
    assertThat(rpcClass.isLoggable(Level.SEVERE)).isTrue();
    call("LogSetLevel", "rpc", "warn");
    assertThat(rpcClass.isLoggable(Level.WARNING)).isTrue();
    assertThat(rpcClass.isLoggable(Level.INFO)).isFalse();
  }

  @Test
  void starSetsEverySystem() throws Exception {
    call("LogSetLevel", "*", "error");
    assertThat(rpcClass.isLoggable(Level.WARNING)).isFalse();
    assertThat(vmClass.isLoggable(Level.WARNING)).isFalse();
    call("LogSetLevel", "*", "info");
    assertThat(vmClass.isLoggable(Level.INFO)).isTrue();
    assertThat(vmClass.isLoggable(Level.FINE)).isFalse();
  }

  @Test
  void unknownSystemsAndLevelsAreErrorsAndChangeNothing() throws Exception {
    call("LogSetLevel", "vm", "warn");
    assertThatThrownBy(() -> call("LogSetLevel", "chainxchg", "debug"))
        .isInstanceOf(RpcException.class)
        .hasMessageContaining("no such log system 'chainxchg'")
        .hasMessageContaining("known: actors, chain");
    assertThatThrownBy(() -> call("LogSetLevel", "vm", "verbose"))
        .isInstanceOf(RpcException.class)
        .hasMessageContaining("unrecognized level: \"verbose\"");
    assertThatThrownBy(() -> call("LogSetLevel", "vm", null)).isInstanceOf(RpcException.class);
    assertThat(vmClass.isLoggable(Level.WARNING)).isTrue();
    assertThat(vmClass.isLoggable(Level.INFO)).isFalse();
  }
}
