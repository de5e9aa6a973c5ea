package io.filnode.node.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TipSetKey;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.rpc.Params;
import io.filnode.rpc.client.HttpRpcClient;
import io.filnode.rpc.json.LotusJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code filnode mpool …}: the daemon's message pool, like {@code lotus mpool}. */
@Command(
    name = "mpool",
    description = "Manage the message pool.",
    subcommands = {MpoolCommand.Pending.class, MpoolCommand.Push.class})
public final class MpoolCommand implements Runnable {
  private static final JavaType SIGNED_MESSAGES =
      Params.type(new TypeReference<List<SignedMessage>>() {});
  private static final JavaType ADDRESSES = Params.type(new TypeReference<List<Address>>() {});

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code mpool pending [--local] [--cids] [--from ADDR] [--to ADDR] [--json]}. */
  @Command(name = "pending", description = "Print the pending messages.")
  static final class Pending implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--local", description = "only messages from addresses in the local wallet")
    boolean local;

    @Option(names = "--cids", description = "only print the messages' CIDs")
    boolean cids;

    @Option(names = "--from", paramLabel = "ADDR", description = "only messages from ADDR")
    String from;

    @Option(names = "--to", paramLabel = "ADDR", description = "only messages to ADDR")
    String to;

    @Option(names = "--json", description = "print the messages as Lotus JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      Address fromAddr = from == null ? null : WalletCommand.parseAddress(from);
      Address toAddr = to == null ? null : WalletCommand.parseAddress(to);
      PrintWriter out = spec.commandLine().getOut();
      try (HttpRpcClient c = api.connect()) {
        Set<Address> wallet =
            local ? new HashSet<>(ApiOptions.call(c, "Filecoin.WalletList", ADDRESSES)) : null;
        List<SignedMessage> msgs =
            ApiOptions.call(c, "Filecoin.MpoolPending", SIGNED_MESSAGES, TipSetKey.EMPTY);
        List<SignedMessage> shown =
            msgs.stream()
                .filter(m -> wallet == null || wallet.contains(m.message().from()))
                .filter(m -> fromAddr == null || m.message().from().equals(fromAddr))
                .filter(m -> toAddr == null || m.message().to().equals(toAddr))
                .toList();
        if (cids) {
          shown.forEach(m -> out.println(m.cid()));
        } else if (json) {
          ApiOptions.printJson(out, shown);
        } else {
          shown.forEach(m -> out.println(line(m)));
        }
      }
      return 0;
    }

    static String line(SignedMessage s) {
      UnsignedMessage m = s.message();
      return s.cid()
          + "  "
          + m.from()
          + " #"
          + Long.toUnsignedString(m.nonce())
          + " -> "
          + m.to()
          + "  "
          + m.value()
          + "  method "
          + m.method()
          + "  gas "
          + m.gasLimit()
          + " premium "
          + m.gasPremium().toAttoString()
          + " feecap "
          + m.gasFeeCap().toAttoString();
    }
  }

  /** {@code mpool push FILE|-}: a signed message in Lotus JSON. */
  @Command(name = "push", description = "Push a signed message (Lotus JSON) to the pool.")
  static final class Push implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(paramLabel = "FILE", description = "the signed message's JSON file, or - for stdin")
    String file;

    @Option(names = "--untrusted", description = "push as an untrusted client (MpoolPushUntrusted)")
    boolean untrusted;

    @Override
    public Integer call() throws Exception {
      SignedMessage m = read(file);
      try (HttpRpcClient c = api.connect()) {
        String method = untrusted ? "Filecoin.MpoolPushUntrusted" : "Filecoin.MpoolPush";
        spec.commandLine().getOut().println(ApiOptions.call(c, method, Cid.class, m));
      }
      return 0;
    }

    static SignedMessage read(String file) throws IOException {
      String text =
          file.equals("-")
              ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
              : Files.readString(CarCommand.requireFile(Path.of(file)), StandardCharsets.UTF_8);
      try {
        SignedMessage m = LotusJson.objectMapper().readValue(text, SignedMessage.class);
        if (m == null) {
          throw new IllegalArgumentException("no signed message in " + file);
        }
        return m;
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "'" + file + "' is not a signed message in Lotus JSON: " + e.getMessage(), e);
      }
    }
  }
}
