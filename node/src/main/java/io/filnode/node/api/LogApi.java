package io.filnode.node.api;

import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Params;
import io.filnode.rpc.Permission;
import io.filnode.rpc.RpcException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code LogList} and {@code LogSetLevel}, as Lotus's CommonAPI serves them over go-log. filnode
 * logs through {@link System.Logger}, which the JDK backs with {@code java.util.logging}; each
 * module's classes log under the module's package. The log systems are therefore the modules:
 * system {@code rpc} is the logger {@code io.filnode.rpc}, whose level every logger below it
 * inherits unless one was given its own.
 */
public final class LogApi {
  /** The log systems, one per module, in the order {@code LogList} answers them. */
  public static final List<String> SYSTEMS =
      List.of("actors", "chain", "markets", "mpool", "net", "node", "rpc", "sync", "vm");

  /** The package under which a module's classes log. */
  private static final String BASE = "io.filnode.";

  /**
   * The module loggers, held here because {@code java.util.logging} keeps loggers only weakly: a
   * level set on a logger nobody holds would vanish with it.
   */
  private final Map<String, Logger> loggers = new LinkedHashMap<>();

  public LogApi() {
    for (String s : SYSTEMS) {
      loggers.put(s, Logger.getLogger(BASE + s));
    }
  }

  /** Registers the methods on {@code r} (write permission, as Lotus). */
  public void register(MethodRegistry r) {
    r.register("Filecoin.LogList", Permission.WRITE, Params.none(), (ctx, a) -> list());
    r.register(
        "Filecoin.LogSetLevel",
        Permission.WRITE,
        Params.of(String.class, String.class),
        (ctx, a) -> {
          setLevel(a.get(0, String.class), a.get(1, String.class));
          return null;
        });
  }

  /** The log systems. */
  public List<String> list() {
    return List.copyOf(loggers.keySet());
  }

  /**
   * Sets the level of {@code system} ({@code *}: every system, as go-log allows) to one of Lotus's
   * level names.
   */
  public void setLevel(String system, String level) throws RpcException {
    Level l = parseLevel(level);
    List<Logger> targets;
    if ("*".equals(system)) {
      targets = List.copyOf(loggers.values());
    } else {
      Logger one = system == null ? null : loggers.get(system);
      if (one == null) {
        throw new RpcException(
            "no such log system '" + system + "' (known: " + String.join(", ", SYSTEMS) + ")");
      }
      targets = List.of(one);
    }
    for (Logger t : targets) {
      t.setLevel(l);
    }
    letHandlersPass(l);
  }

  /**
   * go-log's level names (zap's, in either case) as {@code java.util.logging} levels. The three
   * levels beyond error exist in Go to panic or exit; here they only log, at the top level.
   */
  public static Level parseLevel(String level) throws RpcException {
    String l = level == null ? "" : level.toLowerCase(Locale.ROOT);
    return switch (l) {
      case "debug" -> Level.FINE;
      case "info" -> Level.INFO;
      case "warn" -> Level.WARNING;
      case "error", "dpanic", "panic", "fatal" -> Level.SEVERE;
      default ->
          throw new RpcException(
              "unrecognized level: \"" + level + "\" (use debug, info, warn or error)");
    };
  }

  /**
   * The JDK's console handler drops everything below INFO whatever the logger allows; lowering a
   * system to debug must make its debug lines appear, so the root handlers are opened down to the
   * new level. Loggers still filter by their own levels.
   */
  private static void letHandlersPass(Level l) {
    for (Handler h : Logger.getLogger("").getHandlers()) {
      if (h.getLevel().intValue() > l.intValue()) {
        h.setLevel(l);
      }
    }
  }
}
