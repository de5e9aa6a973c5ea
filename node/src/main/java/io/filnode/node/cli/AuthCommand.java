package io.filnode.node.cli;

import io.filnode.rpc.Permission;
import io.filnode.rpc.client.HttpRpcClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code filnode auth …}: API tokens, like {@code lotus auth}. */
@Command(
    name = "auth",
    description = "Manage API tokens.",
    subcommands = {AuthCommand.CreateToken.class})
public final class AuthCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code auth create-token --perm P}: a token with P and every weaker permission. */
  @Command(name = "create-token", description = "Create a token (needs an admin token).")
  static final class CreateToken implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(
        names = "--perm",
        required = true,
        paramLabel = "PERM",
        description = "read, write, sign or admin")
    String perm;

    @Override
    public Integer call() throws Exception {
      List<String> allow = new ArrayList<>();
      boolean found = false;
      for (Permission p : Permission.values()) {
        allow.add(p.lotusName());
        if (p.lotusName().equals(perm)) {
          found = true;
          break;
        }
      }
      if (!found) {
        throw new IllegalArgumentException(
            "--perm '" + perm + "': expected one of read, write, sign, admin");
      }
      try (HttpRpcClient c = api.connect()) {
        byte[] token = ApiOptions.call(c, "Filecoin.AuthNew", byte[].class, allow);
        spec.commandLine().getOut().println(new String(token, StandardCharsets.US_ASCII));
      }
      return 0;
    }
  }
}
