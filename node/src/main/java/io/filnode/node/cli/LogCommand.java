package io.filnode.node.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import io.filnode.rpc.Params;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.client.HttpRpcClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code filnode log …}: the daemon's log levels, like {@code lotus log}. */
@Command(
    name = "log",
    description = "Manage the daemon's logging.",
    subcommands = {LogCommand.ListSystems.class, LogCommand.SetLevel.class})
public final class LogCommand implements Runnable {
  private static final JavaType STRINGS = Params.type(new TypeReference<List<String>>() {});

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code log list}: the log systems, one a line. */
  @Command(name = "list", description = "List the log systems.")
  static final class ListSystems implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Override
    public Integer call() throws Exception {
      try (HttpRpcClient c = api.connect()) {
        List<String> systems = ApiOptions.call(c, "Filecoin.LogList", STRINGS);
        systems.forEach(spec.commandLine().getOut()::println);
      }
      return 0;
    }
  }

  /** {@code log set-level [--system NAME]... LEVEL}: every system unless some are named. */
  @Command(
      name = "set-level",
      description = {
        "Set the log level of the named systems (all when none is named).",
        "Levels: debug, info, warn, error."
      })
  static final class SetLevel implements Callable<Integer> {
    @Mixin ApiOptions api;

    @Option(
        names = "--system",
        paramLabel = "NAME",
        description = "limit to this log system (repeatable)")
    List<String> systems = new ArrayList<>();

    @Parameters(paramLabel = "LEVEL", description = "debug, info, warn or error")
    String level;

    @Override
    public Integer call() throws Exception {
      try (HttpRpcClient c = api.connect()) {
        List<String> targets =
            systems.isEmpty() ? ApiOptions.call(c, "Filecoin.LogList", STRINGS) : systems;
        for (String s : targets) {
          try {
            c.call("Filecoin.LogSetLevel", Void.class, s, level);
          } catch (RpcException e) {
            throw new IllegalStateException("setting log level on " + s + ": " + e.getMessage(), e);
          }
        }
      }
      return 0;
    }
  }
}
