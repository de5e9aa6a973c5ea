package io.filnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One run of the real command line with stdin, stdout and stderr captured. */
record CliRun(int exit, String out, String err) {
  static CliRun run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      var cl = Main.commandLine();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      int exit = cl.execute(args);
      return new CliRun(exit, out.toString(), err.toString());
    } finally {
      System.setIn(saved);
    }
  }

  /** Exit 1, nothing on stdout, one line on stderr containing {@code contains}, no trace. */
  void assertOneLineError(String contains) {
    assertThat(exit).as("exit of %s", this).isEqualTo(1);
    assertThat(out).isEmpty();
    assertThat(err.strip()).doesNotContain("\n").contains(contains);
    assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
