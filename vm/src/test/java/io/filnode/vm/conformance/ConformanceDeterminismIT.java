package io.filnode.vm.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A second JVM computes the same state roots for the same vectors as this one. */
class ConformanceDeterminismIT {
  @Test
  void anotherJvmGivesTheSameRoots() throws IOException, InterruptedException {
    List<String> files = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (String name : ConformanceDeterminismTest.VECTORS) {
      Path f = SharedData.require(name);
      files.add(f.toString());
      for (RunResult r : new ConformanceRunner(ConformanceRunner.chaosActor(), null).run(f)) {
        expected.add(r.variant() + " " + r.stateRoot());
      }
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(PrintRoots.class.getName());
    cmd.addAll(files);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.lines().toList()).isEqualTo(expected);
  }

  /** The child: prints "variant root" for every run of the given vectors. */
  public static final class PrintRoots {
    private PrintRoots() {}

    public static void main(String[] args) {
      for (String a : args) {
        for (RunResult r :
            new ConformanceRunner(ConformanceRunner.chaosActor(), null).run(Path.of(a))) {
          System.out.println(r.variant() + " " + r.stateRoot());
        }
      }
    }
  }
}
