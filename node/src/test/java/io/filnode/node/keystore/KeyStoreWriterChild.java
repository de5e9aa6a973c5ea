package io.filnode.node.keystore;

import io.filnode.chain.crypto.Blake2b;
import io.filnode.chain.types.SignatureType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/** Child JVM for {@link KeyStoreCrashIT}: writes keys 0..count-1 that are not there yet. */
public final class KeyStoreWriterChild {
  private KeyStoreWriterChild() {}

  static String name(int i) {
    return "wallet-key-" + i;
  }

  static KeyInfo key(int i) {
    SignatureType t = i % 2 == 0 ? SignatureType.SECP256K1 : SignatureType.BLS;
    return new KeyInfo(t, Blake2b.sum256(("crash-test-" + i).getBytes(StandardCharsets.UTF_8)));
  }

  public static void main(String[] args) throws Exception {
    FsKeyStore ks = FsKeyStore.open(Path.of(args[0]), Optional.empty());
    int count = Integer.parseInt(args[1]);
    // load the JSON and UUID machinery first, so that the parent's kill lands among the writes
    key(0).toJson();
    java.util.UUID.randomUUID();
    System.out.println("ready");
    System.out.flush();
    for (int i = 0; i < count; i++) {
      if (!ks.has(name(i))) {
        ks.put(name(i), key(i));
      }
    }
    System.out.println("done");
  }
}
