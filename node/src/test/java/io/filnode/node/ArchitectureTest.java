package io.filnode.node;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the dependency directions of DESIGN.md: each module may use only the modules listed for it.
 * An exception is written down in DESIGN.md as debt, never added here "for now".
 */
class ArchitectureTest {
  private static final List<String> MODULES =
      List.of("chain", "actors", "vm", "net", "sync", "mpool", "rpc", "markets", "node", "bench");

  /** module → the filnode modules it may depend on (besides itself). */
  private static final Map<String, List<String>> ALLOWED =
      Map.of(
          "chain", List.of(),
          "actors", List.of("chain"),
          "vm", List.of("chain", "actors"),
          "net", List.of(),
          "mpool", List.of("chain", "vm"),
          "sync", List.of("chain", "vm", "net"),
          "rpc", List.of("chain"),
          "markets", List.of("chain", "net"));

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.filnode");
  }

  @Test
  void modulesDependOnlyInTheDirectionsOfTheDesign() {
    for (Map.Entry<String, List<String>> e : ALLOWED.entrySet()) {
      List<String> forbidden = new ArrayList<>();
      for (String other : MODULES) {
        if (!other.equals(e.getKey()) && !e.getValue().contains(other)) {
          forbidden.add("io.filnode." + other + "..");
        }
      }
      noClasses()
          .that()
          .resideInAPackage("io.filnode." + e.getKey() + "..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(forbidden.toArray(new String[0]))
          .allowEmptyShould(true)
          .because("DESIGN.md: " + e.getKey() + " may depend only on " + e.getValue())
          .check(classes);
    }
  }

  @Test
  void nothingDependsOnNodeOrBench() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.filnode.node..", "io.filnode.bench..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.filnode.node..", "io.filnode.bench..")
        .allowEmptyShould(true)
        .check(classes);
  }
}
