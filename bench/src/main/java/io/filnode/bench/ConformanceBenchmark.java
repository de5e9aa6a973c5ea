package io.filnode.bench;

import io.filnode.vm.ApplyRet;
import io.filnode.vm.conformance.ConformanceRunner;
import io.filnode.vm.conformance.RunResult;
import io.filnode.vm.conformance.TestVector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The conformance corpus through the VM: the wall time of all 249 runs of ../shared/vectors/
 * conformance as {@code filnode conformance} does them (parse, load the CAR, apply, compare), and
 * the gas the tipset vectors execute per second. The gas rate counts the gas used of every applied
 * message (explicit and implicit) over the whole run's time, loading included, so it understates
 * the interpreter's own rate. Run with {@code -f 1 -wi 2 -i 5}.
 */
@State(Scope.Benchmark)
public class ConformanceBenchmark {
  private List<Path> all;
  private List<Path> tipsets;

  @Setup
  public void findVectors() throws IOException, TestVector.VectorException {
    Path dir = Path.of(System.getProperty("filnode.shared", "../shared"), "vectors", "conformance");
    try (Stream<Path> files = Files.walk(dir)) {
      all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    if (all.isEmpty()) {
      throw new IllegalStateException("no vectors under " + dir.toAbsolutePath());
    }
    List<Path> t = new ArrayList<>();
    for (Path p : all) {
      if ("tipset".equals(TestVector.read(p).kind())) {
        t.add(p);
      }
    }
    tipsets = List.copyOf(t);
  }

  /** Gas executed, reported by JMH as a rate next to the time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Gas {
    public long gas;

    @Setup(Level.Iteration)
    public void clear() {
      gas = 0;
    }
  }

  /** The whole corpus once; returns how many runs passed (so the work cannot be skipped). */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public long wholeCorpus() {
    ConformanceRunner runner = new ConformanceRunner(ConformanceRunner.chaosActor(), null);
    long passed = 0;
    for (Path p : all) {
      for (RunResult r : runner.run(p)) {
        passed += r.status() == RunResult.Status.PASSED ? 1 : 0;
      }
    }
    return passed;
  }

  /** The tipset vectors, repeatedly; the Gas counter's rate is gas per second. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long tipsetGas(Gas counter) {
    ConformanceRunner runner =
        new ConformanceRunner(
            ConformanceRunner.chaosActor(),
            (ApplyRet ret) -> counter.gas += ret.receipt().gasUsed());
    long runs = 0;
    for (Path p : tipsets) {
      runs += runner.run(p).size();
    }
    return runs;
  }
}
