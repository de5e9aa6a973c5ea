package io.filnode.node.cli;

import org.junit.jupiter.api.Test;

/** The checks {@code chain export} makes before it calls the daemon, as Lotus's. */
class ChainExportCommandTest {
  @Test
  void tooFewRecentStateRootsIsAnError() {
    CliRun.run("", "chain", "export", "--recent-stateroots", "10", "--api", "127.0.0.1:1", "x.car")
        .assertOneLineError("\"recent-stateroots\" has to be greater than 900");
  }

  @Test
  void skipOldMsgsNeedsRecentStateRoots() {
    CliRun.run("", "chain", "export", "--skip-old-msgs", "--api", "127.0.0.1:1", "x.car")
        .assertOneLineError("must pass recent stateroots along with skip-old-msgs");
  }
}
