package io.filnode.vm.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every (vector, variant) run of the conformance corpus in {@code shared/vectors/conformance}, one
 * dynamic test each: a run passes only when every receipt and the final state root match.
 */
class ConformanceTest {
  @TestFactory
  Stream<DynamicTest> conformanceVectors() throws IOException {
    Path dir = SharedData.require("vectors/conformance");
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    ConformanceRunner runner = new ConformanceRunner(ConformanceRunner.chaosActor(), null);
    List<DynamicTest> tests = new ArrayList<>();
    for (Path f : files) {
      String name = dir.relativize(f).toString();
      TestVector v;
      try {
        v = TestVector.read(f);
      } catch (TestVector.VectorException e) {
        tests.add(DynamicTest.dynamicTest(name, () -> assertThat(e.getMessage()).isNull()));
        continue;
      }
      for (TestVector.Variant variant : v.variants()) {
        tests.add(
            DynamicTest.dynamicTest(
                name + " " + variant.id(),
                () -> {
                  RunResult r = runner.run(name, v, variant);
                  assertThat(r.lines()).isEmpty();
                }));
      }
    }
    return tests.stream();
  }
}
