package io.filnode.node.cli;

import io.filnode.chain.cid.Cid;
import io.filnode.chain.types.TipSet;
import io.filnode.chain.types.TipSetKey;
import io.filnode.rpc.RpcException;
import io.filnode.rpc.client.ChannelListener;
import io.filnode.rpc.client.HttpRpcClient;
import io.filnode.rpc.client.WsRpcClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code chain export [--tipset] [--recent-stateroots N] [--skip-old-msgs] FILE}: the daemon's
 * {@code ChainExport} stream written to a CAR file, as {@code lotus chain export}. The file appears
 * only once the daemon marked the export complete; progress goes to stderr.
 */
@Command(name = "export", description = "Export the chain to a CAR file.")
public final class ChainExportCommand implements Callable<Integer> {
  /** Lotus's {@code build.Finality}: the fewest recent state roots worth asking for. */
  static final long FINALITY = 900;

  private static final long PROGRESS_EVERY_BYTES = 64L << 20;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin ApiOptions api;

  @Option(
      names = "--tipset",
      paramLabel = "TIPSET",
      description = "the tipset to export back from: CID,CID… or @HEIGHT (default: the head)")
  String tipset;

  @Option(
      names = "--recent-stateroots",
      paramLabel = "N",
      description = "include the state trees of the last N epochs (at least " + FINALITY + ")")
  Long recentStateRoots;

  @Option(names = "--skip-old-msgs", description = "leave out messages older than those epochs")
  boolean skipOldMsgs;

  @Parameters(paramLabel = "FILE", description = "the CAR file to write")
  Path file;

  @Override
  public Integer call() throws Exception {
    long roots = recentStateRoots == null ? 0 : recentStateRoots;
    if (recentStateRoots != null && roots < FINALITY) {
      throw new IllegalArgumentException(
          "\"recent-stateroots\" has to be greater than " + FINALITY);
    }
    if (roots == 0 && skipOldMsgs) {
      throw new IllegalArgumentException("must pass recent stateroots along with skip-old-msgs");
    }
    TipSetKey key;
    try (HttpRpcClient c = api.connect()) {
      key = tipSetKey(c, tipset);
    }
    PrintWriter err = spec.commandLine().getErr();
    Path tmp = file.resolveSibling("." + file.getFileName() + ".part");
    long written;
    try (WsRpcClient ws = api.connectWebSocket();
        OutputStream out = Files.newOutputStream(tmp)) {
      Receiver r = new Receiver(out, err);
      try {
        ws.subscribe("Filecoin.ChainExport", byte[].class, r, roots, skipOldMsgs, key);
      } catch (RpcException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
      written = r.await();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    err.println("exported " + written + " bytes to " + file);
    err.flush();
    return 0;
  }

  /** {@code null}: the head (the empty key); {@code @H}: the tipset at height H; else CIDs. */
  static TipSetKey tipSetKey(HttpRpcClient c, String spec) throws IOException {
    if (spec == null || spec.isBlank()) {
      return TipSetKey.EMPTY;
    }
    String s = spec.strip();
    if (s.startsWith("@")) {
      long h;
      try {
        h = Long.parseLong(s.substring(1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad height in --tipset '" + spec + "'", e);
      }
      return ApiOptions.call(c, "Filecoin.ChainGetTipSetByHeight", TipSet.class, h, TipSetKey.EMPTY)
          .key();
    }
    if (s.startsWith("{") && s.endsWith("}")) {
      s = s.substring(1, s.length() - 1);
    }
    List<Cid> cids = new ArrayList<>();
    for (String part : s.split(",")) {
      cids.add(ChainCommand.parseCid(part.strip()));
    }
    return new TipSetKey(cids);
  }

  /** Appends each chunk to the file; remembers whether the last one was the empty end marker. */
  private static final class Receiver implements ChannelListener<byte[]> {
    private final OutputStream out;
    private final PrintWriter progress;
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private long bytes;
    private long nextReport = PROGRESS_EVERY_BYTES;
    private boolean lastWasEmpty;

    Receiver(OutputStream out, PrintWriter progress) {
      this.out = out;
      this.progress = progress;
    }

    @Override
    public void onValue(byte[] chunk) {
      if (done.isDone()) {
        return;
      }
      lastWasEmpty = chunk == null || chunk.length == 0;
      if (lastWasEmpty) {
        return;
      }
      try {
        out.write(chunk);
      } catch (IOException e) {
        done.completeExceptionally(e);
        return;
      }
      bytes += chunk.length;
      if (bytes >= nextReport) {
        progress.println("exported " + (bytes >> 20) + " MiB …");
        progress.flush();
        nextReport += PROGRESS_EVERY_BYTES;
      }
    }

    @Override
    public void onClose(RpcException error) {
      if (error != null) {
        done.completeExceptionally(error);
      } else if (!lastWasEmpty) {
        done.completeExceptionally(
            new IOException("incomplete export (the daemon stopped before the end)"));
      } else {
        done.complete(bytes);
      }
    }

    long await() throws IOException, InterruptedException {
      try {
        return done.get();
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        throw new IOException(c.getMessage(), c);
      }
    }
  }
}
