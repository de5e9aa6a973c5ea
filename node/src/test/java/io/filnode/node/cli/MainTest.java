package io.filnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  @Test
  void everyCommandAnswersHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(Main.commandLine(), new ArrayList<>(), paths);
    assertThat(paths).hasSizeGreaterThan(10);
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      CliRun r = CliRun.run("", args.toArray(new String[0]));
      assertThat(r.exit()).as("exit of %s --help: %s", path, r.err()).isZero();
      assertThat(r.out()).as("usage of %s", path).contains("Usage:");
    }
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
    out.add(path);
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!name.equals("help")) {
                List<String> p = new ArrayList<>(path);
                p.add(name);
                collect(sub, p, out);
              }
            });
  }
}
