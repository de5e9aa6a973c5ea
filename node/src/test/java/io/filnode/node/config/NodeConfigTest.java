package io.filnode.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeConfigTest {
  private static final Path FILE = Path.of("/repo/config.toml");

  @Test
  void emptyFileMeansDefaults() throws Exception {
    NodeConfig c = NodeConfigFile.parse("", FILE);
    assertThat(c).isEqualTo(NodeConfig.defaults());
    assertThat(c.api().listenAddress()).isEqualTo(new ListenAddress("127.0.0.1", 1234));
    assertThat(c.api().maxRequestBytes()).isEqualTo(16 << 20);
    assertThat(c.api().maxNestingDepth()).isEqualTo(64);
    assertThat(c.chainstore().blockCacheBytes()).isEqualTo(256L << 20);
    assertThat(c.rpcServer().port()).isEqualTo(1234);
  }

  @Test
  void fullFile() throws Exception {
    NodeConfig c =
        NodeConfigFile.parse(
            """
            [API]
            ListenAddress = "/ip6/::1/tcp/4321/http"
            MaxRequestBytes = 1000
            MaxNestingDepth = 7
            [Chainstore]
            BlockCacheBytes = 0
            """,
            FILE);
    assertThat(c)
        .isEqualTo(
            new NodeConfig(
                new NodeConfig.Api(new ListenAddress("::1", 4321), 1000, 7),
                new NodeConfig.Chainstore(0)));
    assertThat(c.rpcServer().host()).isEqualTo("::1");
    assertThat(c.rpcServer().maxRequestBytes()).isEqualTo(1000);
    assertThat(c.rpcServer().maxNestingDepth()).isEqualTo(7);
  }

  @Test
  void hostPortFormAndPartialSection() throws Exception {
    NodeConfig c = NodeConfigFile.parse("[API]\nListenAddress = \"0.0.0.0:0\"\n", FILE);
    assertThat(c.api().listenAddress()).isEqualTo(new ListenAddress("0.0.0.0", 0));
    assertThat(c.api().maxRequestBytes()).isEqualTo(NodeConfig.defaults().api().maxRequestBytes());
  }

  @Test
  void flagOverridesFileAddressAndKeepsTheRest() throws Exception {
    NodeConfig file =
        NodeConfigFile.parse(
            "[API]\nListenAddress = \"127.0.0.1:9000\"\nMaxNestingDepth = 9\n", FILE);
    NodeConfig c = file.withListenAddress(ListenAddress.parse("[::1]:0"));
    assertThat(c.api().listenAddress()).isEqualTo(new ListenAddress("::1", 0));
    assertThat(c.api().maxNestingDepth()).isEqualTo(9);
  }

  @Test
  void unknownKeyNamesKeyAndFile() {
    assertThatThrownBy(() -> NodeConfigFile.parse("[API]\nListenAdress = \"x\"\n", FILE))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("/repo/config.toml")
        .hasMessageContaining("unknown key [API] ListenAdress");
    assertThatThrownBy(() -> NodeConfigFile.parse("[Pubsub]\nBootstrapper = true\n", FILE))
        .hasMessageContaining("unknown key Pubsub");
  }

  @Test
  void wrongTypeNamesKeyAndFile() {
    assertThatThrownBy(() -> NodeConfigFile.parse("[API]\nMaxRequestBytes = \"16MiB\"\n", FILE))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("/repo/config.toml: [API] MaxRequestBytes: expected an integer");
    assertThatThrownBy(() -> NodeConfigFile.parse("[API]\nListenAddress = 1234\n", FILE))
        .hasMessageContaining("[API] ListenAddress: expected a string");
    assertThatThrownBy(() -> NodeConfigFile.parse("API = 1\n", FILE))
        .hasMessageContaining("[API]: expected a table");
    assertThatThrownBy(() -> NodeConfigFile.parse("[Chainstore]\nBlockCacheBytes = -1\n", FILE))
        .hasMessageContaining("[Chainstore] BlockCacheBytes = -1: must be between 0 and");
    assertThatThrownBy(() -> NodeConfigFile.parse("[API]\nMaxNestingDepth = 3000000000\n", FILE))
        .hasMessageContaining("[API] MaxNestingDepth = 3000000000: must be between 1 and");
  }

  @Test
  void badTomlNamesFile() {
    assertThatThrownBy(() -> NodeConfigFile.parse("[API\n", FILE))
        .isInstanceOf(NodeConfigException.class)
        .hasMessageContaining("/repo/config.toml: not valid TOML");
  }

  @Test
  void badAddress() {
    for (String bad :
        new String[] {
          "/ip4/127.0.0.1/udp/1234", "/ip4/127.0.0.1/tcp/99999/http", "localhost", "h:x", ":1"
        }) {
      assertThatThrownBy(
              () -> NodeConfigFile.parse("[API]\nListenAddress = \"" + bad + "\"\n", FILE))
          .as(bad)
          .isInstanceOf(NodeConfigException.class)
          .hasMessageContaining("[API] ListenAddress '" + bad + "'");
    }
  }

  @Test
  void multiaddrRoundTrips() {
    for (ListenAddress a :
        new ListenAddress[] {
          new ListenAddress("127.0.0.1", 1234),
          new ListenAddress("::1", 0),
          new ListenAddress("node.example", 80)
        }) {
      assertThat(ListenAddress.parse(a.toMultiaddr())).isEqualTo(a);
    }
  }

  @Test
  void firstLoadWritesCommentedDefaultsThatParseBack(@TempDir Path dir) throws Exception {
    Path repo = dir.resolve("repo");
    assertThat(NodeConfigFile.load(repo)).isEqualTo(NodeConfig.defaults());
    Path file = repo.resolve(NodeConfigFile.NAME);
    String text = Files.readString(file);
    assertThat(text).isEqualTo(NodeConfigFile.defaultText());
    assertThat(Files.getPosixFilePermissions(file))
        .containsExactlyInAnyOrderElementsOf(
            Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    // every key is present but commented out
    String uncommented = text.replaceAll("(?m)^(\\s*)#(\\w+ = )", "$1$2");
    assertThat(uncommented).contains("\n  ListenAddress = ").contains("\n  BlockCacheBytes = ");
    assertThat(NodeConfigFile.parse(uncommented, file)).isEqualTo(NodeConfig.defaults());
    // a second load reads the file it wrote, and a user's edit is kept
    Files.writeString(file, uncommented.replace("= 64", "= 8"));
    assertThat(NodeConfigFile.load(repo).api().maxNestingDepth()).isEqualTo(8);
  }

  @Test
  void libp2pListenAddressesDefaultToLotusAndParse() throws Exception {
    assertThat(NodeConfig.defaults().libp2p().listenAddresses())
        .extracting(Object::toString)
        .containsExactly("/ip4/0.0.0.0/tcp/0", "/ip6/::/tcp/0");
    NodeConfig c =
        NodeConfigFile.parse(
            "[Libp2p]\nListenAddresses = [\"/ip4/127.0.0.1/tcp/0\", \"/ip6/::1/tcp/4001\"]\n",
            FILE);
    assertThat(c.libp2p().listenAddresses())
        .extracting(Object::toString)
        .containsExactly("/ip4/127.0.0.1/tcp/0", "/ip6/::1/tcp/4001");
    assertThat(c.api()).isEqualTo(NodeConfig.defaults().api());
    assertThat(NodeConfigFile.parse("[Libp2p]\nListenAddresses = []\n", FILE).libp2p())
        .isEqualTo(new NodeConfig.Libp2p(List.of()));
  }

  @Test
  void badLibp2pListenAddressesNameTheKey() {
    for (String bad :
        new String[] {
          "ListenAddresses = \"/ip4/127.0.0.1/tcp/0\"",
          "ListenAddresses = [1]",
          "ListenAddresses = [\"/ip4/127.0.0.1/udp/0\"]",
          "ListenAddresses = [\"/dns/localhost/tcp/0\"]",
          "ListenAddresses = [\"/ip4/1.2.3/tcp/0\"]",
          "ListenAddresses = [\"/ip4/127.0.0.1/tcp/0/p2p/x\"]",
          "Listen = []"
        }) {
      assertThatThrownBy(() -> NodeConfigFile.parse("[Libp2p]\n" + bad + "\n", FILE))
          .as(bad)
          .isInstanceOf(NodeConfigException.class)
          .hasMessageContaining("/repo/config.toml")
          .hasMessageContaining("Libp2p");
    }
  }
}
