package io.filnode.vm.conformance;

import java.util.List;

/**
 * The outcome of one (vector file, variant) run: passed, failed with what differed, or skipped
 * (network version not supported), and the state root it ended with (null when it did not get that
 * far).
 */
public record RunResult(
    String file, String variant, Status status, List<String> problems, String stateRoot) {
  /** How a run ended. */
  public enum Status {
    PASSED,
    FAILED,
    SKIPPED
  }

  public RunResult {
    problems = List.copyOf(problems);
  }

  /** A run that failed before it computed a state root. */
  public static RunResult failed(String file, String variant, String problem) {
    return new RunResult(file, variant, Status.FAILED, List.of(problem), null);
  }

  /** One line per problem: {@code file variant: problem}. */
  public List<String> lines() {
    return problems.stream().map(p -> file + " " + variant + ": " + p).toList();
  }
}
