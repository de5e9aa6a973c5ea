package io.filnode.node.daemon;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a devnet repo was created with, kept in {@code <repo>/devnet.json} so that a restart reopens
 * the same chain and keys. Written twice on the first start: before the genesis is built (the
 * inputs, which make the genesis deterministic) and after it is stored ({@code genesisCid} and the
 * miners' ID addresses). A repo killed in between rebuilds the same genesis from the inputs.
 *
 * <p>Addresses are kept as strings with the {@code t} prefix, as the devnet prints them.
 *
 * @param networkName the name in the init actor's state (Lotus devnets: {@code localnet-<uuid>})
 * @param genesisTimestamp the genesis block's timestamp, Unix seconds
 * @param blockDelaySecs the epoch duration
 * @param defaultAddress the funded secp256k1 key made the wallet's default
 * @param miners the miners, in genesis order
 * @param genesisCid the stored genesis block's CID; null until it is stored
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DevnetSettings(
    String networkName,
    long genesisTimestamp,
    long blockDelaySecs,
    String defaultAddress,
    List<Miner> miners,
    String genesisCid) {

  /** The file's name in the repo. */
  public static final String FILE = "devnet.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * One genesis miner.
   *
   * @param worker its BLS worker key, also its owner
   * @param id its ID address; null until the genesis is stored
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Miner(String worker, String id) {}

  public DevnetSettings {
    miners = List.copyOf(miners);
  }

  /** These settings once the genesis is stored. */
  public DevnetSettings withGenesis(String cid, List<String> minerIds) {
    if (minerIds.size() != miners.size()) {
      throw new IllegalArgumentException(
          "genesis made " + minerIds.size() + " miners, expected " + miners.size());
    }
    List<Miner> ms = new ArrayList<>();
    for (int i = 0; i < miners.size(); i++) {
      ms.add(new Miner(miners.get(i).worker(), minerIds.get(i)));
    }
    return new DevnetSettings(
        networkName, genesisTimestamp, blockDelaySecs, defaultAddress, ms, cid);
  }

  /** The settings in {@code repo}, if it is a devnet repo. */
  public static Optional<DevnetSettings> read(NodeRepo repo) throws DaemonException {
    Path f = repo.root().resolve(FILE);
    if (!Files.exists(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          JSON.readValue(Files.readString(f, StandardCharsets.UTF_8), DevnetSettings.class));
    } catch (JsonProcessingException e) {
      throw new DaemonException(f + " is not valid: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new DaemonException("reading " + f + ": " + e.getMessage(), e);
    }
  }

  /** Writes the settings to {@code repo}, replacing the file atomically (and durably). */
  public void write(NodeRepo repo) throws IOException {
    Path f = repo.root().resolve(FILE);
    Path tmp = f.resolveSibling("." + FILE + ".tmp");
    Files.writeString(tmp, JSON.writeValueAsString(this), StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
