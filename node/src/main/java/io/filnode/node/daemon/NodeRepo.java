package io.filnode.node.daemon;

import io.filnode.node.keystore.FsKeyStore;
import io.filnode.node.keystore.KeyStoreException;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * A node's directory ({@code --repo}, default {@code ~/.filnode}), laid out as DESIGN.md says:
 * {@code keystore/} (0700, one file per key), {@code datastore/} (RocksDB), {@code token} (the
 * admin JWT, 0600) and {@code api} (the multiaddr of the JSON-RPC endpoint). Lotus's names, so
 * tools that read a Lotus repo's {@code api} and {@code token} files work.
 */
public record NodeRepo(Path root) {
  /** The keystore name of the API's JWT secret, as Lotus's {@code modules.JWTSecretName}. */
  public static final String JWT_SECRET_NAME = "auth-jwt-private";

  /** The KeyInfo type Lotus gives that secret ({@code KTJwtHmacSecret}). */
  public static final String JWT_SECRET_TYPE = "jwt-hmac-secret";

  private static final int JWT_SECRET_BYTES = 32;

  /** {@code repo}, or {@code ~/.filnode} when null. */
  public static NodeRepo at(Path repo) {
    return new NodeRepo(repo != null ? repo : Path.of(System.getProperty("user.home"), ".filnode"));
  }

  public Path datastore() {
    return root.resolve("datastore");
  }

  public Path keystore() {
    return root.resolve("keystore");
  }

  public Path tokenFile() {
    return root.resolve("token");
  }

  public Path apiFile() {
    return root.resolve("api");
  }

  /** Opens (creating, 0700) the keystore. Keys are stored unencrypted, as Lotus stores them. */
  public FsKeyStore openKeyStore() throws KeyStoreException {
    return FsKeyStore.open(keystore(), Optional.empty());
  }

  /** The API's JWT secret, made (32 random bytes) and stored on first use, as Lotus does. */
  public static byte[] jwtSecret(FsKeyStore keys, SecureRandom random) throws KeyStoreException {
    if (keys.has(JWT_SECRET_NAME)) {
      return keys.getSecret(JWT_SECRET_NAME, JWT_SECRET_TYPE);
    }
    byte[] secret = new byte[JWT_SECRET_BYTES];
    random.nextBytes(secret);
    keys.putSecret(JWT_SECRET_NAME, JWT_SECRET_TYPE, secret);
    return secret;
  }

  /** Writes the admin token (0600). */
  public void writeToken(String token) throws IOException {
    writePrivate(tokenFile(), token);
  }

  /** Writes the API endpoint's multiaddr. */
  public void writeApi(InetSocketAddress address) throws IOException {
    writePrivate(apiFile(), multiaddr(address));
  }

  /** The token in {@code token}, trimmed. */
  public String readToken() throws IOException {
    return Files.readString(tokenFile(), StandardCharsets.UTF_8).strip();
  }

  /** The multiaddr in {@code api}, trimmed. */
  public String readApi() throws IOException {
    return Files.readString(apiFile(), StandardCharsets.UTF_8).strip();
  }

  /** {@code /ip4/127.0.0.1/tcp/1234/http} for a bound address, as Lotus writes its api file. */
  public static String multiaddr(InetSocketAddress a) {
    InetAddress ip = a.getAddress();
    String host =
        ip instanceof Inet6Address ? "/ip6/" + ip.getHostAddress() : "/ip4/" + ip.getHostAddress();
    return host + "/tcp/" + a.getPort() + "/http";
  }

  /** Writes a file readable by the owner only, replacing it atomically. */
  private static void writePrivate(Path file, String content) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.deleteIfExists(tmp);
    Files.createFile(
        tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(tmp, content, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
