package io.filnode.chain.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the read-only test data in {@code ../shared}. When a file is missing the test fails in CI
 * ({@code CI=true}) and is skipped, with the missing path named, everywhere else.
 */
public final class SharedData {
  private SharedData() {}

  /** The {@code ../shared} folder beside the checkout (the build passes it as a property). */
  public static Path root() {
    String prop = System.getProperty("filnode.shared");
    return prop != null ? Path.of(prop) : Path.of("..", "shared");
  }

  /** Resolves {@code relative} under {@code ../shared}, failing or skipping the test if absent. */
  public static Path require(String relative) {
    Path p = root().resolve(relative).normalize();
    if (!Files.exists(p)) {
      String why =
          "missing test data " + p.toAbsolutePath() + " (../shared must sit beside the checkout)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(why);
      }
      assumeTrue(false, why);
    }
    return p;
  }
}
