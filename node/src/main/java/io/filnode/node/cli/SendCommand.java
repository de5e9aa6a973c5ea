package io.filnode.node.cli;

import io.filnode.chain.address.Address;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.rpc.client.HttpRpcClient;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code filnode send TO AMOUNT}: sends FIL as {@code lotus send} does. The gas fields left out are
 * estimated by the daemon; without {@code --nonce} the daemon also picks the nonce and signs
 * ({@code MpoolPushMessage}), with it the wallet signs and the message is pushed as it is. Unless
 * {@code --force}, a sender whose balance cannot cover value plus fee cap × gas limit is refused.
 */
@Command(name = "send", description = "Send funds between accounts.")
public final class SendCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ApiOptions api;

  @Parameters(index = "0", paramLabel = "TO", description = "the recipient's address")
  String to;

  @Parameters(
      index = "1",
      paramLabel = "AMOUNT",
      description = "FIL as Lotus reads it: 1.5, 1.5FIL or 100attoFIL")
  String amount;

  @Option(names = "--from", paramLabel = "ADDR", description = "the sender (default: the wallet's)")
  String from;

  @Option(names = "--gas-premium", paramLabel = "ATTO", description = "gas premium in attoFIL")
  String gasPremium;

  @Option(names = "--gas-feecap", paramLabel = "ATTO", description = "gas fee cap in attoFIL")
  String gasFeeCap;

  @Option(names = "--gas-limit", paramLabel = "GAS", description = "gas limit")
  Long gasLimit;

  @Option(names = "--nonce", paramLabel = "N", description = "the nonce to use")
  Long nonce;

  @Option(
      names = "--method",
      paramLabel = "N",
      defaultValue = "0",
      description = "the method to invoke (default: ${DEFAULT-VALUE}, a plain send)")
  long method;

  @Option(names = "--params-hex", paramLabel = "HEX", description = "method parameters, in hex")
  String paramsHex;

  @Option(names = "--force", description = "send even if the balance looks too low")
  boolean force;

  @Override
  public Integer call() throws Exception {
    UnsignedMessage m = message(null);
    try (HttpRpcClient c = api.connect()) {
      Address sender =
          from != null
              ? m.from()
              : WalletCommand.parseAddress(
                  ApiOptions.call(c, "Filecoin.WalletDefaultAddress", String.class));
      m = message(sender);
      if (!force) {
        TokenAmount balance =
            ApiOptions.call(c, "Filecoin.WalletBalance", TokenAmount.class, m.from());
        TokenAmount cost =
            TokenAmount.ofAtto(
                m.gasFeeCap()
                    .atto()
                    .multiply(BigInteger.valueOf(m.gasLimit()))
                    .add(m.value().atto()));
        if (balance.compareTo(cost) < 0) {
          throw new IllegalStateException(
              "--force must be specified for this action to have an effect; you have been warned:"
                  + " From balance "
                  + balance
                  + " less than total cost "
                  + cost
                  + ": balance too low");
        }
      }
      Cid cid;
      if (nonce != null) {
        SignedMessage s =
            ApiOptions.call(c, "Filecoin.WalletSignMessage", SignedMessage.class, m.from(), m);
        ApiOptions.call(c, "Filecoin.MpoolPush", Cid.class, s);
        cid = s.cid();
      } else {
        cid = ApiOptions.call(c, "Filecoin.MpoolPushMessage", SignedMessage.class, m, null).cid();
      }
      spec.commandLine().getOut().println(cid);
    }
    return 0;
  }

  /**
   * The message the flags describe, from {@code sender} (or {@code --from}; a placeholder when both
   * are missing, so that bad flags are reported before the daemon is called).
   */
  UnsignedMessage message(Address sender) {
    Address toAddr = WalletCommand.parseAddress(to);
    TokenAmount value = TokenAmount.parse(amount);
    Address fromAddr =
        sender != null ? sender : from != null ? WalletCommand.parseAddress(from) : toAddr;
    byte[] params = new byte[0];
    if (paramsHex != null) {
      try {
        params = HexFormat.of().parseHex(paramsHex);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("failed to decode hex params: " + e.getMessage(), e);
      }
    }
    if (gasLimit != null && gasLimit < 0) {
      throw new IllegalArgumentException("--gas-limit cannot be negative");
    }
    return new UnsignedMessage(
        0,
        toAddr,
        fromAddr,
        nonce == null ? 0 : nonce,
        value,
        gasLimit == null ? 0 : gasLimit,
        atto("--gas-feecap", gasFeeCap),
        atto("--gas-premium", gasPremium),
        method,
        params);
  }

  private static TokenAmount atto(String flag, String text) {
    if (text == null) {
      return TokenAmount.ZERO;
    }
    try {
      return TokenAmount.ofAtto(new BigInteger(text.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " '" + text + "' is not a whole number of attoFIL");
    }
  }
}
