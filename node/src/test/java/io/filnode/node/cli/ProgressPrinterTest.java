package io.filnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.car.CarImporter.Phase;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
  @Test
  void aTerminalGetsOneRedrawnLinePerPassWithABarWhileWriting() {
    StringWriter s = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(s), true);
    p.update(Phase.VERIFY, 10, 1_000_000, false);
    p.update(Phase.VERIFY, 20, 2_000_000, true);
    p.update(Phase.WRITE, 10, 1_000_000, false);
    p.update(Phase.WRITE, 20, 2_000_000, true);
    p.finish();
    String out = s.toString();
    assertThat(out).startsWith("\rverify 10 blocks, 1.0 MB, ");
    assertThat(out).contains("\r[###############...............] write  10 blocks");
    assertThat(out).contains("\r[##############################] write  20 blocks, 2.0 MB");
    assertThat(out.chars().filter(c -> c == '\n').count()).isEqualTo(2);
  }

  @Test
  void elsewhereOnlyPlainLinesAtTheEndOfEachPass() {
    StringWriter s = new StringWriter();
    ProgressPrinter p = new ProgressPrinter(new PrintWriter(s), false);
    p.update(Phase.VERIFY, 10, 1_000_000, false);
    p.update(Phase.VERIFY, 20, 2_000_000, true);
    p.update(Phase.WRITE, 20, 2_000_000, true);
    p.finish();
    assertThat(s.toString()).doesNotContain("\r").doesNotContain("[#");
    assertThat(s.toString().lines())
        .hasSize(2)
        .allMatch(l -> l.matches("(verify|write ) 20 blocks, 2\\.0 MB, [0-9.]+ MB/s"));
  }
}
