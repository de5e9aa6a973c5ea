package io.filnode.node.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.address.Address;
import io.filnode.chain.types.TokenAmount;
import io.filnode.node.keystore.KeyInfo;
import io.filnode.rpc.Params;
import io.filnode.rpc.client.HttpRpcClient;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code filnode wallet …}: the daemon's wallet, like {@code lotus wallet}. */
@Command(
    name = "wallet",
    description = "Manage the daemon's wallet.",
    subcommands = {
      WalletCommand.New.class,
      WalletCommand.ListKeys.class,
      WalletCommand.Balance.class,
      WalletCommand.Default.class,
      WalletCommand.SetDefault.class,
      WalletCommand.Export.class,
      WalletCommand.Import.class,
      WalletCommand.Delete.class
    })
public final class WalletCommand implements Runnable {
  private static final JavaType ADDRESSES = Params.type(new TypeReference<List<Address>>() {});

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Address parseAddress(String s) {
    try {
      return Address.parse(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + s + "' is not an address: " + e.getMessage(), e);
    }
  }

  /** {@code wallet new [secp256k1|bls]}. */
  @Command(name = "new", description = "Make a new key (secp256k1 by default, as Lotus).")
  static final class New implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "TYPE", defaultValue = "secp256k1", description = "secp256k1 or bls")
    String type;

    @Override
    public Integer call() throws Exception {
      try (HttpRpcClient c = api.connect()) {
        spec.commandLine()
            .getOut()
            .println(ApiOptions.call(c, "Filecoin.WalletNew", Address.class, type));
      }
      return 0;
    }
  }

  /** {@code wallet list}. */
  @Command(name = "list", description = "List the wallet's addresses.")
  static final class ListKeys implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (HttpRpcClient c = api.connect()) {
        List<Address> list = ApiOptions.call(c, "Filecoin.WalletList", ADDRESSES);
        if (json) {
          ApiOptions.printJson(out, list);
        } else {
          list.forEach(out::println);
        }
      }
      return 0;
    }
  }

  /** {@code wallet balance [ADDR]}: of the default address when none is given. */
  @Command(name = "balance", description = "Print an address's balance at the head.")
  static final class Balance implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "ADDR", arity = "0..1")
    String address;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (HttpRpcClient c = api.connect()) {
        Address a =
            address != null
                ? parseAddress(address)
                : parseAddress(ApiOptions.call(c, "Filecoin.WalletDefaultAddress", String.class));
        TokenAmount b = ApiOptions.call(c, "Filecoin.WalletBalance", TokenAmount.class, a);
        if (json) {
          ApiOptions.printJson(out, Map.of("Address", a, "Balance", b));
        } else {
          out.println(b);
        }
      }
      return 0;
    }
  }

  /** {@code wallet default}. */
  @Command(name = "default", description = "Print the default address.")
  static final class Default implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Override
    public Integer call() throws Exception {
      try (HttpRpcClient c = api.connect()) {
        String a = ApiOptions.call(c, "Filecoin.WalletDefaultAddress", String.class);
        if ("<empty>".equals(a)) {
          throw new IllegalStateException("no default address set");
        }
        spec.commandLine().getOut().println(a);
      }
      return 0;
    }
  }

  /** {@code wallet set-default ADDR}. */
  @Command(name = "set-default", description = "Make an address the default.")
  static final class SetDefault implements Callable<Integer> {
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "ADDR")
    String address;

    @Override
    public Integer call() throws Exception {
      try (HttpRpcClient c = api.connect()) {
        ApiOptions.call(c, "Filecoin.WalletSetDefault", JsonNode.class, parseAddress(address));
      }
      return 0;
    }
  }

  /** {@code wallet export ADDR}: Lotus's hex-encoded KeyInfo JSON. */
  @Command(
      name = "export",
      description = "Print a private key (hex of the KeyInfo JSON, as Lotus).")
  static final class Export implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "ADDR")
    String address;

    @Override
    public Integer call() throws Exception {
      try (HttpRpcClient c = api.connect()) {
        JsonNode ki =
            ApiOptions.call(c, "Filecoin.WalletExport", JsonNode.class, parseAddress(address));
        byte[] json = new ObjectMapper().writeValueAsBytes(ki);
        spec.commandLine().getOut().println(KeyInfo.fromJson(json).toLotusHex());
      }
      return 0;
    }
  }

  /**
   * {@code wallet import [FILE]}: a key as {@code wallet export} prints it (stdin without FILE).
   */
  @Command(name = "import", description = "Import a key exported by 'wallet export' or Lotus.")
  static final class Import implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "FILE", arity = "0..1")
    Path file;

    @Override
    public Integer call() throws Exception {
      String hex =
          file != null
              ? Files.readString(CarCommand.requireFile(file), StandardCharsets.UTF_8)
              : new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
      JsonNode ki = new ObjectMapper().readTree(KeyInfo.fromLotusHex(hex).toJson());
      try (HttpRpcClient c = api.connect()) {
        spec.commandLine()
            .getOut()
            .println(ApiOptions.call(c, "Filecoin.WalletImport", Address.class, ki));
      }
      return 0;
    }
  }

  /** {@code wallet delete ADDR}. */
  @Command(name = "delete", description = "Delete a key (moved to the keystore's trash, as Lotus).")
  static final class Delete implements Callable<Integer> {
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "ADDR")
    String address;

    @Override
    public Integer call() throws Exception {
      try (HttpRpcClient c = api.connect()) {
        ApiOptions.call(c, "Filecoin.WalletDelete", JsonNode.class, parseAddress(address));
      }
      return 0;
    }
  }
}
