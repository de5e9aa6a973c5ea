package io.filnode.node.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import io.filnode.net.multiaddr.Multiaddr;
import io.filnode.net.multiaddr.Protocol;
import io.filnode.net.wire.DecodeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code <repo>/config.toml} into a {@link NodeConfig}, and writes the commented-out default
 * file on the first start, as Lotus does. Unknown keys are errors, so a typo cannot silently leave
 * a default in force.
 */
public final class NodeConfigFile {
  /** The file's name inside the repo. */
  public static final String NAME = "config.toml";

  private static final TomlMapper TOML = new TomlMapper();
  private static final Set<String> SECTIONS = Set.of("API", "Chainstore", "Libp2p");
  private static final Set<String> API_KEYS =
      Set.of("ListenAddress", "MaxRequestBytes", "MaxNestingDepth");
  private static final Set<String> CHAINSTORE_KEYS = Set.of("BlockCacheBytes");
  private static final Set<String> LIBP2P_KEYS = Set.of("ListenAddresses");

  private NodeConfigFile() {}

  /**
   * The config of the repo at {@code repoRoot}: parsed from its {@code config.toml}, or the
   * defaults after writing that file (mode 0600) when it does not exist yet.
   */
  public static NodeConfig load(Path repoRoot) throws IOException, NodeConfigException {
    Path file = repoRoot.resolve(NAME);
    if (!Files.exists(file)) {
      Files.createDirectories(repoRoot);
      writeDefault(file);
      return NodeConfig.defaults();
    }
    return parse(Files.readString(file, StandardCharsets.UTF_8), file);
  }

  /** Parses TOML text; {@code file} only names the source in error messages. */
  public static NodeConfig parse(String text, Path file) throws NodeConfigException {
    JsonNode root;
    try {
      root = TOML.readTree(text);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      String line = at == null || at.getLineNr() < 1 ? "" : " (line " + at.getLineNr() + ")";
      throw new NodeConfigException(file + ": not valid TOML: " + e.getOriginalMessage() + line, e);
    }
    NodeConfig d = NodeConfig.defaults();
    if (root == null || root.isMissingNode()) {
      return d;
    }
    checkKeys(root, SECTIONS, "", file);
    JsonNode api = section(root, "API", API_KEYS, file);
    JsonNode store = section(root, "Chainstore", CHAINSTORE_KEYS, file);
    JsonNode libp2p = section(root, "Libp2p", LIBP2P_KEYS, file);

    ListenAddress listen = d.api().listenAddress();
    JsonNode la = api.get("ListenAddress");
    if (la != null) {
      if (!la.isTextual()) {
        throw wrongType(file, "[API] ListenAddress", "a string", la);
      }
      try {
        listen = ListenAddress.parse(la.textValue());
      } catch (IllegalArgumentException e) {
        throw new NodeConfigException(file + ": [API] ListenAddress " + e.getMessage(), e);
      }
    }
    int maxRequest =
        (int)
            integer(
                api,
                "API",
                "MaxRequestBytes",
                d.api().maxRequestBytes(),
                1,
                Integer.MAX_VALUE,
                file);
    int maxDepth =
        (int)
            integer(
                api,
                "API",
                "MaxNestingDepth",
                d.api().maxNestingDepth(),
                1,
                Integer.MAX_VALUE,
                file);
    long cache =
        integer(
            store,
            "Chainstore",
            "BlockCacheBytes",
            d.chainstore().blockCacheBytes(),
            0,
            Long.MAX_VALUE,
            file);
    return new NodeConfig(
        new NodeConfig.Api(listen, maxRequest, maxDepth),
        new NodeConfig.Chainstore(cache),
        libp2p(libp2p, d.libp2p(), file));
  }

  /** {@code [Libp2p] ListenAddresses}: an array of TCP multiaddrs. */
  private static NodeConfig.Libp2p libp2p(JsonNode section, NodeConfig.Libp2p dflt, Path file)
      throws NodeConfigException {
    JsonNode v = section.get("ListenAddresses");
    if (v == null) {
      return dflt;
    }
    String key = "[Libp2p] ListenAddresses";
    if (!v.isArray()) {
      throw wrongType(file, key, "an array of strings", v);
    }
    List<Multiaddr> out = new ArrayList<>();
    for (JsonNode a : v) {
      if (!a.isTextual()) {
        throw wrongType(file, key, "an array of strings", a);
      }
      Multiaddr m;
      try {
        m = Multiaddr.fromString(a.textValue());
      } catch (DecodeException e) {
        throw new NodeConfigException(
            file + ": " + key + ": bad multiaddr \"" + a.textValue() + "\": " + e.getMessage(), e);
      }
      Multiaddr.HostPort hp = m.tcpHostPort();
      if (hp == null
          || (hp.hostProtocol() != Protocol.IP4 && hp.hostProtocol() != Protocol.IP6)
          || m.components().size() != 2) {
        throw new NodeConfigException(
            file + ": " + key + ": \"" + a.textValue() + "\" is not /ip4|ip6/HOST/tcp/PORT");
      }
      out.add(m);
    }
    return new NodeConfig.Libp2p(out);
  }

  /**
   * The file written on the first start: every key commented out with its default and meaning, so
   * uncommenting a line is all it takes to change it.
   */
  public static String defaultText() {
    NodeConfig d = NodeConfig.defaults();
    return String.join(
        "\n",
        "# filnode daemon configuration. Every key is optional: a commented-out line shows the",
        "# default. Command-line flags (--api) override this file.",
        "",
        "[API]",
        "  # Where the JSON-RPC API listens: a multiaddr (/ip4|ip6|dns/HOST/tcp/PORT/http) or",
        "  # HOST:PORT. Port 0 picks a free port.",
        "  #ListenAddress = \"" + d.api().listenAddress().toMultiaddr() + "\"",
        "",
        "  # The largest request body the API accepts, in bytes.",
        "  #MaxRequestBytes = " + d.api().maxRequestBytes(),
        "",
        "  # The deepest JSON nesting the API accepts in a request.",
        "  #MaxNestingDepth = " + d.api().maxNestingDepth(),
        "",
        "[Chainstore]",
        "  # The RocksDB block cache of the block store, in bytes (0: none).",
        "  #BlockCacheBytes = " + d.chainstore().blockCacheBytes(),
        "",
        "[Libp2p]",
        "  # The TCP multiaddrs the libp2p host listens on. Port 0 picks a free port.",
        "  #ListenAddresses = " + tomlStrings(NodeConfig.Libp2p.DEFAULT_LISTEN),
        "");
  }

  private static String tomlStrings(List<String> values) {
    return "[" + String.join(", ", values.stream().map(v -> "\"" + v + "\"").toList()) + "]";
  }

  private static void writeDefault(Path file) throws IOException {
    try {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException raced) {
      return;
    } catch (UnsupportedOperationException noPosix) {
      Files.createFile(file);
    }
    Files.writeString(
        file, defaultText(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
  }

  private static JsonNode section(JsonNode root, String name, Set<String> keys, Path file)
      throws NodeConfigException {
    JsonNode s = root.get(name);
    if (s == null) {
      return TOML.createObjectNode();
    }
    if (!s.isObject()) {
      throw wrongType(file, "[" + name + "]", "a table", s);
    }
    checkKeys(s, keys, "[" + name + "] ", file);
    return s;
  }

  private static void checkKeys(JsonNode node, Set<String> known, String prefix, Path file)
      throws NodeConfigException {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      String key = it.next().getKey();
      if (!known.contains(key)) {
        throw new NodeConfigException(
            file
                + ": unknown key "
                + prefix
                + key
                + " (known: "
                + String.join(", ", known.stream().sorted().toList())
                + ")");
      }
    }
  }

  private static long integer(
      JsonNode section, String sec, String key, long dflt, long min, long max, Path file)
      throws NodeConfigException {
    JsonNode v = section.get(key);
    if (v == null) {
      return dflt;
    }
    String name = "[" + sec + "] " + key;
    if (!v.isIntegralNumber()) {
      throw wrongType(file, name, "an integer", v);
    }
    if (!v.canConvertToLong() || v.longValue() < min || v.longValue() > max) {
      throw new NodeConfigException(
          file + ": " + name + " = " + v.asText() + ": must be between " + min + " and " + max);
    }
    return v.longValue();
  }

  private static NodeConfigException wrongType(Path file, String key, String want, JsonNode got) {
    return new NodeConfigException(
        file
            + ": "
            + key
            + ": expected "
            + want
            + ", got "
            + got.getNodeType().name().toLowerCase(Locale.ROOT)
            + " "
            + got);
  }
}
