package io.filnode.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.chain.blockstore.Block;
import io.filnode.chain.blockstore.RocksBlockstore;
import io.filnode.chain.car.CarException;
import io.filnode.chain.car.CarImporter;
import io.filnode.chain.car.CarReader;
import io.filnode.chain.cid.Cid;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code filnode car …}: inspect and import CAR files (plain, zstd or gzip). */
@Command(
    name = "car",
    description = "Inspect and import CAR files.",
    subcommands = {CarCommand.Inspect.class, CarCommand.Import.class})
public final class CarCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static Path requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    return file;
  }

  static String joinCids(List<Cid> cids) {
    return cids.stream().map(Cid::toString).collect(Collectors.joining(" "));
  }

  /** {@code car inspect FILE}: roots, blocks, bytes, and whether every block matches its CID. */
  @Command(name = "inspect", description = "Read a CAR, check every block's hash, summarise it.")
  static final class Inspect implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the CAR file (.car, .car.zst, .car.gz)")
    Path file;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      try (CarReader r = CarReader.open(requireFile(file))) {
        for (Block b = r.next(); b != null; b = r.next()) {
          // each block is hash-checked as it is read
        }
        var out = spec.commandLine().getOut();
        if (json) {
          ObjectMapper m = new ObjectMapper();
          ObjectNode o = m.createObjectNode();
          ArrayNode roots = o.putArray("roots");
          r.header().roots().forEach(c -> roots.add(c.toString()));
          o.put("blocks", r.blocks());
          o.put("blockBytes", r.blockBytes());
          o.put("carBytes", r.offset());
          o.put("hashCheck", "ok");
          out.println(m.writeValueAsString(o));
        } else {
          out.println("roots:       " + joinCids(r.header().roots()));
          out.println("blocks:      " + r.blocks());
          out.println("block bytes: " + r.blockBytes());
          out.println("CAR bytes:   " + r.offset() + " (uncompressed)");
          out.println("hash check:  ok (every block matches its CID)");
        }
      }
      return 0;
    }
  }

  /** {@code car import FILE}: all of the CAR's blocks into the repo's blockstore, or none. */
  @Command(
      name = "import",
      description = "Import a CAR into the repo's blockstore (checked first; all or nothing).")
  static final class Import implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "the CAR file (.car, .car.zst, .car.gz)")
    Path file;

    @Option(names = "--repo", paramLabel = "DIR", description = "repo directory (~/.filnode)")
    Path repo;

    @Override
    public Integer call() throws CarException {
      requireFile(file);
      ProgressPrinter progress = ProgressPrinter.forConsole(spec.commandLine().getErr());
      CarImporter.Result res;
      try (RocksBlockstore store = Repo.openBlockstore(repo)) {
        try {
          res = CarImporter.importCar(CarImporter.Source.of(file), store, progress);
        } finally {
          progress.finish();
        }
        // recorded last, so that only a complete import is ever named
        store.putMeta(Repo.LAST_IMPORT_KEY, joinCids(res.roots()).getBytes(StandardCharsets.UTF_8));
      }
      spec.commandLine()
          .getOut()
          .printf(
              "imported %d blocks (%d new, %d bytes); roots: %s%n",
              res.blocks(), res.newBlocks(), res.blockBytes(), joinCids(res.roots()));
      return 0;
    }
  }
}
