package io.filnode.node.cli;

import io.filnode.chain.car.CarImporter;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows the progress of a CAR import: on a terminal, one line redrawn in place (with a bar during
 * the write pass, whose total the verify pass found); elsewhere, plain log lines every 64 MiB and
 * at the end of each pass.
 */
final class ProgressPrinter implements CarImporter.Progress {
  private static final long LOG_EVERY_BYTES = 64L << 20;
  private static final int BAR_WIDTH = 30;

  private final PrintWriter out;
  private final boolean terminal;
  private CarImporter.Phase phase;
  private long phaseStart = System.nanoTime();
  private long lastUpdate = phaseStart;
  private long lastLogged;
  private long verifiedBytes;

  ProgressPrinter(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** A printer for this process: a bar when a console is attached. */
  static ProgressPrinter forConsole(PrintWriter err) {
    return new ProgressPrinter(err, System.console() != null);
  }

  @Override
  public void update(CarImporter.Phase p, long blocks, long bytes, boolean passDone) {
    long now = System.nanoTime();
    if (p != phase) {
      if (phase != null && terminal) {
        out.println();
      }
      // a pass starts where the previous one ended (the first, when the printer was made)
      if (phase != null) {
        phaseStart = lastUpdate;
      }
      phase = p;
      lastLogged = 0;
    }
    lastUpdate = now;
    if (p == CarImporter.Phase.VERIFY) {
      verifiedBytes = bytes;
    }
    double seconds = Math.max(1e-9, (now - phaseStart) / 1e9);
    String line =
        String.format(
            Locale.ROOT,
            "%s %,d blocks, %.1f MB, %.1f MB/s",
            p == CarImporter.Phase.VERIFY ? "verify" : "write ",
            blocks,
            bytes / 1e6,
            bytes / 1e6 / seconds);
    if (terminal) {
      out.print("\r" + bar(p, bytes) + line);
      out.flush();
    } else if (bytes - lastLogged >= LOG_EVERY_BYTES || passDone) {
      lastLogged = bytes;
      out.println(line);
      out.flush();
    }
  }

  private String bar(CarImporter.Phase p, long bytes) {
    if (p != CarImporter.Phase.WRITE || verifiedBytes == 0) {
      return "";
    }
    int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * bytes / verifiedBytes);
    return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] ";
  }

  /** Ends the redrawn line. */
  void finish() {
    if (terminal && phase != null) {
      out.println();
      out.flush();
    }
  }
}
