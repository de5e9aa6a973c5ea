package io.filnode.node.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.filnode.vm.ApplyRet;
import io.filnode.vm.conformance.ConformanceRunner;
import io.filnode.vm.conformance.GasTraceDiff;
import io.filnode.vm.conformance.RunResult;
import io.filnode.vm.conformance.TestVector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code filnode conformance PATH...}: runs Filecoin conformance test vectors (files, or folders
 * searched for {@code .json}) through the VM; one line per difference, then {@code N passed, N
 * failed, N skipped}; exit 1 when any run failed.
 */
@Command(
    name = "conformance",
    description = "Run Filecoin conformance test vectors through the VM.")
public final class ConformanceCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "vector files or folders")
  List<Path> paths;

  @Option(names = "--json", paramLabel = "FILE", description = "also write the results as JSON")
  Path json;

  @Option(
      names = "--trace",
      description = "for failed runs, print our gas charges per call next to Lotus's trace")
  boolean trace;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> f.toString().endsWith(".json")).sorted().forEach(files::add);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new IllegalArgumentException("no such file: " + p);
      }
    }
    List<ApplyRet> applied = new ArrayList<>();
    ConformanceRunner runner =
        new ConformanceRunner(ConformanceRunner.chaosActor(), trace ? applied::add : null);
    List<RunResult> results = new ArrayList<>();
    for (Path f : files) {
      TestVector v;
      try {
        v = TestVector.read(f);
      } catch (TestVector.VectorException e) {
        RunResult r = RunResult.failed(f.toString(), "-", e.getMessage());
        results.add(r);
        r.lines().forEach(out::println);
        continue;
      }
      for (TestVector.Variant variant : v.variants()) {
        applied.clear();
        RunResult r = runner.run(f.toString(), v, variant);
        results.add(r);
        r.lines().forEach(out::println);
        if (trace && r.status() == RunResult.Status.FAILED) {
          printTraces(out, v, applied);
        }
      }
    }
    out.println(ConformanceRunner.summary(results));
    out.flush();
    if (json != null) {
      writeJson(results);
    }
    boolean failed = results.stream().anyMatch(r -> r.status() == RunResult.Status.FAILED);
    return failed ? 1 : 0;
  }

  private static void printTraces(PrintWriter out, TestVector v, List<ApplyRet> applied) {
    var expected = GasTraceDiff.expectedTraces(v.diagnostics());
    for (int i = 0; i < applied.size(); i++) {
      out.println("  message " + i + " (ours | lotus):");
      var lines =
          GasTraceDiff.diff(applied.get(i).trace(), i < expected.size() ? expected.get(i) : null);
      lines.forEach(l -> out.println("    " + l));
    }
  }

  private void writeJson(List<RunResult> results) throws IOException {
    ObjectMapper m = new ObjectMapper();
    ArrayNode arr = m.createArrayNode();
    for (RunResult r : results) {
      ObjectNode o = arr.addObject();
      o.put("file", r.file());
      o.put("variant", r.variant());
      o.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
      o.put("state_root", r.stateRoot());
      ArrayNode problems = o.putArray("problems");
      r.problems().forEach(problems::add);
    }
    m.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), arr);
  }
}
