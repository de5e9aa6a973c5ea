package io.filnode.vm.conformance;

import java.util.List;

/**
 * The outcome of one (vector file, variant) run: passed, failed with what differed, or skipped
 * (network version not supported).
 */
public record RunResult(String file, String variant, Status status, List<String> problems) {
  /** How a run ended. */
  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }

  public RunResult {
    problems = List.copyOf(problems);
  }

  /** One line per problem: {@code file variant: problem}. */
  public List<String> lines() {
    return problems.stream().map(p -> file + " " + variant + ": " + p).toList();
  }
}
