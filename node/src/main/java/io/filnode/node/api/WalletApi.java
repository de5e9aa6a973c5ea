package io.filnode.node.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.filnode.chain.address.Address;
import io.filnode.chain.crypto.SignatureVerifier;
import io.filnode.chain.state.Actor;
import io.filnode.chain.types.Signature;
import io.filnode.chain.types.SignatureType;
import io.filnode.chain.types.SignedMessage;
import io.filnode.chain.types.TokenAmount;
import io.filnode.chain.types.UnsignedMessage;
import io.filnode.node.keystore.KeyInfo;
import io.filnode.node.keystore.KeyStoreException;
import io.filnode.node.wallet.Wallet;
import io.filnode.node.wallet.WalletException;
import io.filnode.rpc.MethodRegistry;
import io.filnode.rpc.Params;
import io.filnode.rpc.Permission;
import io.filnode.rpc.RpcException;
import java.io.IOException;

/**
 * The {@code Wallet*} methods over the local {@link Wallet}. As Lotus's full node, signing and
 * verifying first resolve an ID address to its key address in the head state.
 */
public final class WalletApi {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Wallet wallet;
  private final StateApi state;

  public WalletApi(Wallet wallet, StateApi state) {
    this.wallet = wallet;
    this.state = state;
  }

  /** Registers the methods on {@code r}. */
  public void register(MethodRegistry r) {
    r.register(
        "Filecoin.WalletNew",
        Permission.WRITE,
        Params.raw(1),
        (ctx, a) -> call(() -> wallet.newKey(keyType(a.get(0, JsonNode.class)))));
    r.register(
        "Filecoin.WalletHas",
        Permission.WRITE,
        Params.of(Address.class),
        (ctx, a) -> wallet.has(required(a.get(0, Address.class))));
    r.register(
        "Filecoin.WalletList", Permission.WRITE, Params.none(), (ctx, a) -> call(wallet::list));
    r.register(
        "Filecoin.WalletDefaultAddress",
        Permission.WRITE,
        Params.none(),
        // Lotus answers the undefined address when no default is set; an address goes through the
        // mapper, which prints the network's prefix (t on a devnet)
        (ctx, a) -> call(() -> wallet.defaultAddress().<Object>map(x -> x).orElse("<empty>")));
    r.register(
        "Filecoin.WalletSetDefault",
        Permission.WRITE,
        Params.of(Address.class),
        (ctx, a) -> {
          Address addr = required(a.get(0, Address.class));
          call(
              () -> {
                wallet.setDefault(addr);
                return null;
              });
          return null;
        });
    r.register(
        "Filecoin.WalletSign",
        Permission.SIGN,
        Params.of(Address.class, byte[].class),
        (ctx, a) -> {
          Address key = keyAddress(required(a.get(0, Address.class)));
          byte[] data = a.get(1, byte[].class);
          return call(() -> wallet.sign(key, data == null ? new byte[0] : data));
        });
    r.register(
        "Filecoin.WalletSignMessage",
        Permission.SIGN,
        Params.of(Address.class, UnsignedMessage.class),
        (ctx, a) -> {
          Address key = keyAddress(required(a.get(0, Address.class)));
          UnsignedMessage m = a.get(1, UnsignedMessage.class);
          if (m == null) {
            throw new RpcException("no message given");
          }
          Signature sig = call(() -> wallet.sign(key, m.cid().bytes()));
          return new SignedMessage(m, sig);
        });
    r.register(
        "Filecoin.WalletVerify",
        Permission.READ,
        Params.of(Address.class, byte[].class, Signature.class),
        (ctx, a) -> {
          Address key = keyAddress(required(a.get(0, Address.class)));
          byte[] data = a.get(1, byte[].class);
          Signature sig = a.get(2, Signature.class);
          return sig != null
              && SignatureVerifier.verify(sig, key, data == null ? new byte[0] : data);
        });
    r.register(
        "Filecoin.WalletExport",
        Permission.ADMIN,
        Params.of(Address.class),
        (ctx, a) -> {
          Address addr = required(a.get(0, Address.class));
          KeyInfo k = call(() -> wallet.export(addr));
          return readTree(k.toJson());
        });
    r.register(
        "Filecoin.WalletImport",
        Permission.ADMIN,
        Params.raw(1),
        (ctx, a) -> {
          KeyInfo k;
          try {
            k = KeyInfo.fromJson(JSON.writeValueAsBytes(a.get(0, JsonNode.class)));
          } catch (KeyStoreException | IOException e) {
            throw new RpcException("importing key: " + e.getMessage());
          }
          return call(() -> wallet.importKey(k));
        });
    r.register(
        "Filecoin.WalletDelete",
        Permission.ADMIN,
        Params.of(Address.class),
        (ctx, a) -> {
          Address addr = required(a.get(0, Address.class));
          call(
              () -> {
                wallet.delete(addr);
                return null;
              });
          return null;
        });
    r.register(
        "Filecoin.WalletValidateAddress",
        Permission.READ,
        Params.of(String.class),
        (ctx, a) -> {
          try {
            return Address.parse(String.valueOf(a.get(0, String.class)));
          } catch (IllegalArgumentException e) {
            throw new RpcException(e.getMessage());
          }
        });
    r.register(
        "Filecoin.WalletBalance",
        Permission.READ,
        Params.of(Address.class),
        (ctx, a) -> {
          Actor act = ChainView.actorOrNull(state.state(null), required(a.get(0, Address.class)));
          // an address the state does not know has balance zero, as in Lotus
          return act == null ? TokenAmount.ZERO : act.balance();
        });
  }

  private Address keyAddress(Address a) throws RpcException {
    return state.accountKey(state.state(null), a);
  }

  private static Address required(Address a) throws RpcException {
    if (a == null) {
      throw new RpcException("no address given");
    }
    return a;
  }

  /** Lotus's {@code KeyType}: "secp256k1" or "bls" (and the deprecated numbers 1 and 2). */
  private static SignatureType keyType(JsonNode node) throws WalletException {
    try {
      return KeyInfo.parseType(node);
    } catch (KeyStoreException e) {
      throw new WalletException(e.getMessage(), e);
    }
  }

  private static JsonNode readTree(byte[] json) throws RpcException {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new RpcException("encoding key: " + e.getMessage());
    }
  }

  /** A wallet operation whose failure answers the caller (code 1). */
  @FunctionalInterface
  private interface WalletCall<T> {
    T run() throws WalletException;
  }

  private static <T> T call(WalletCall<T> c) throws RpcException {
    try {
      return c.run();
    } catch (WalletException e) {
      throw new RpcException(e.getMessage());
    }
  }
}
