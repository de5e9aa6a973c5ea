package io.filnode.chain.testing;

import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.cid.Varint;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The parts of a conformance test vector that the IPLD structure tests use: the blocks of its
 * embedded CAR (gzip, CAR v1) and a few fields found by pattern, so that the tests need no JSON
 * library. Not a general CAR reader.
 */
public final class ConformanceVector {
  private static final Pattern CAR = Pattern.compile("\"car\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern STATE_ROOT =
      Pattern.compile(
          "\"state_tree\"\\s*:\\s*\\{\\s*\"root_cid\"\\s*:\\s*\\{\\s*\"/\"\\s*:\\s*\"([^\"]+)\"");

  public final Path path;
  public final String json;
  public final MemoryBlockstore blocks = new MemoryBlockstore();
  public final List<Cid> order = new ArrayList<>();

  private ConformanceVector(Path path) throws IOException {
    this.path = path;
    this.json = Files.readString(path, StandardCharsets.UTF_8);
    Matcher m = CAR.matcher(json);
    if (!m.find()) {
      throw new IOException("no car in " + path);
    }
    byte[] gz = Base64.getDecoder().decode(m.group(1));
    byte[] car;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      car = in.readAllBytes();
    }
    readCar(car);
  }

  /** Every vector under {@code ../shared/vectors/conformance}, skipping when the data is absent. */
  public static List<ConformanceVector> all() {
    Path dir = SharedData.require("vectors/conformance");
    try (Stream<Path> files = Files.walk(dir)) {
      List<ConformanceVector> out = new ArrayList<>();
      for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        out.add(new ConformanceVector(p));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The state roots named in the vector (pre and post) whose blocks the CAR holds. */
  public List<Cid> stateRootsPresent() {
    List<Cid> out = new ArrayList<>();
    Matcher m = STATE_ROOT.matcher(json);
    while (m.find()) {
      Cid c = Cid.parse(m.group(1));
      if (blocks.has(c) && !out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  private void readCar(byte[] car) throws IOException {
    int[] pos = {0};
    long headerLen = readVarint(car, pos);
    pos[0] += (int) headerLen;
    while (pos[0] < car.length) {
      long len = readVarint(car, pos);
      int start = pos[0];
      int end = Math.addExact(start, (int) len);
      int cidLen = cidLength(car, start, end);
      Cid cid = Cid.fromBytes(car, start, cidLen);
      byte[] data = Arrays.copyOfRange(car, start + cidLen, end);
      blocks.put(cid, data);
      order.add(cid);
      pos[0] = end;
    }
  }

  private static long readVarint(byte[] b, int[] pos) {
    long v = Varint.read(b, pos[0], b.length);
    pos[0] += Varint.size(v);
    return v;
  }

  private static int cidLength(byte[] b, int start, int end) throws IOException {
    if (b[start] == 0x12 && b[start + 1] == 0x20) {
      return 34;
    }
    int[] p = {start};
    for (int i = 0; i < 3; i++) {
      long v = Varint.read(b, p[0], end);
      p[0] += Varint.size(v);
    }
    long digestLen = Varint.read(b, p[0], end);
    p[0] += Varint.size(digestLen);
    if (p[0] + digestLen > end) {
      throw new IOException("CID runs past its section");
    }
    return (int) (p[0] + digestLen - start);
  }

  @Override
  public String toString() {
    return path.getFileName().toString();
  }
}
