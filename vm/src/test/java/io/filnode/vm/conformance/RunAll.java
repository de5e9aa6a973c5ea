package io.filnode.vm.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Debug entry point: runs every vector under a folder and prints failures and a summary. */
final class RunAll {
  private RunAll() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    ConformanceRunner runner = new ConformanceRunner(ConformanceRunner.chaosActor(), null);
    List<RunResult> all = new ArrayList<>();
    for (Path f : files) {
      for (RunResult r : runner.run(f)) {
        all.add(r);
        String rel = dir.relativize(Path.of(r.file())).toString();
        System.out.println(r.status() + " " + rel + " " + r.variant());
        for (String p : r.problems()) {
          System.out.println("    " + p);
        }
      }
    }
    System.out.println(ConformanceRunner.summary(all));
  }
}
