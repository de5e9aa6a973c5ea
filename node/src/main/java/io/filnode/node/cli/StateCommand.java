package io.filnode.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.chain.address.Address;
import io.filnode.chain.blockstore.Blockstore;
import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.blockstore.RocksBlockstore;
import io.filnode.chain.car.CarImporter;
import io.filnode.chain.cbor.CborException;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.state.Actor;
import io.filnode.chain.state.BuiltinActors;
import io.filnode.chain.state.StateTree;
import io.filnode.chain.types.BlockHeader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code filnode state …}: read the state tree from a CAR or the repo's blockstore. */
@Command(
    name = "state",
    description = "Query the state tree.",
    subcommands = {
      StateCommand.Actors.class,
      StateGetActorCommand.class,
      StateLookupIdCommand.class,
      StateSearchMsgCommand.class,
      StateWaitMsgCommand.class
    })
public final class StateCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the blocks come from: a CAR file (read into memory) or the repo. */
  static final class Source {
    @Option(names = "--car", paramLabel = "FILE", description = "read blocks from a CAR file")
    Path car;

    @Option(names = "--repo", paramLabel = "DIR", description = "read blocks from a repo")
    Path repo;
  }

  /** {@code state actors}: every actor with its kind, balance, nonce and head. */
  @Command(name = "actors", description = "List the actors of a state tree.")
  static final class Actors implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(
        names = "--state-root",
        paramLabel = "CID",
        description = "the state root (default: that of the CAR's, or last import's, root header)")
    String stateRoot;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      if (source.car != null) {
        MemoryBlockstore blocks = new MemoryBlockstore();
        CarImporter.Result res =
            CarImporter.importCar(
                CarImporter.Source.of(CarCommand.requireFile(source.car)), blocks, null);
        return list(blocks, res.roots());
      }
      try (RocksBlockstore blocks = Repo.openExistingBlockstore(source.repo)) {
        byte[] last = blocks.getMeta(Repo.LAST_IMPORT_KEY);
        List<Cid> roots = new ArrayList<>();
        if (last != null) {
          for (String s : new String(last, StandardCharsets.UTF_8).split(" ")) {
            if (!s.isEmpty()) {
              roots.add(Cid.parse(s));
            }
          }
        }
        return list(blocks, roots);
      }
    }

    private int list(Blockstore blocks, List<Cid> roots) throws CborException {
      IpldStore store = new IpldStore(blocks);
      Cid root = stateRoot != null ? parseCid(stateRoot) : defaultStateRoot(store, roots);
      StateTree tree = StateTree.load(store, root);
      PrintWriter out = spec.commandLine().getOut();
      ObjectMapper m = new ObjectMapper();
      ArrayNode array = m.createArrayNode();
      if (!json) {
        out.printf("%-10s %-18s %32s %8s  %s%n", "ADDRESS", "KIND", "BALANCE", "NONCE", "HEAD");
      }
      tree.forEach(
          (Address id, Actor a) -> {
            String kind =
                BuiltinActors.lookup(a.code())
                    .map(c -> c.kind().codeName() + " (v" + c.actorsVersion() + ")")
                    .orElse("unknown " + a.code());
            if (json) {
              ObjectNode o = array.addObject();
              o.put("address", id.toString());
              o.put("kind", kind);
              o.put("code", a.code().toString());
              o.put("balance", a.balance().toAttoString());
              o.put("balanceFil", a.balance().toString());
              o.put("nonce", Long.toUnsignedString(a.nonce()));
              o.put("head", a.head().toString());
            } else {
              out.printf(
                  "%-10s %-18s %32s %8s  %s%n",
                  id, kind, a.balance(), Long.toUnsignedString(a.nonce()), a.head());
            }
          });
      if (json) {
        out.println(array.toString());
      }
      return 0;
    }

    private static Cid parseCid(String s) {
      try {
        return Cid.parse(s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--state-root '" + s + "': " + e.getMessage(), e);
      }
    }

    /** The parent state root of the header at the CAR's (or last import's) first root. */
    private static Cid defaultStateRoot(IpldStore store, List<Cid> roots) throws CborException {
      if (roots.isEmpty()) {
        throw new IllegalArgumentException("no root to start from; pass --state-root CID");
      }
      BlockHeader h;
      try {
        h = store.get(roots.get(0), "block header", BlockHeader::decode);
      } catch (CborException e) {
        throw new IllegalArgumentException(
            "root "
                + roots.get(0)
                + " is not a block header ("
                + e.getMessage()
                + "); pass --state-root CID",
            e);
      }
      return h.parentStateRoot();
    }
  }
}
