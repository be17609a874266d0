package org.cyberbaseline.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module graph honest on the whole runtime classpath of the CLI: internal packages are
 * used only inside their module, and lower modules never reach up.
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.cyberbaseline");

  /** The rules below are vacuous if the import finds nothing; every module must be on the classpath. */
  @Test
  void everyModuleIsImported() {
    for (String pkg : java.util.List.of("org.cyberbaseline.schemas", "org.cyberbaseline.sbom", "org.cyberbaseline.rules",
        "org.cyberbaseline.vuln", "org.cyberbaseline.vuln.internal", "org.cyberbaseline.dqi",
        "org.cyberbaseline.threatmodel", "org.cyberbaseline.dqi.server", "org.cyberbaseline.dqi.server.internal",
        "org.cyberbaseline.dqi.probe", "org.cyberbaseline.dqi.probe.internal",
        "org.cyberbaseline.validator", "org.cyberbaseline.validator.internal", "org.cyberbaseline.cli")) {
      org.junit.jupiter.api.Assertions.assertTrue(CLASSES.containPackage(pkg), "no classes imported from " + pkg);
    }
  }

  @Test
  void internalPackagesAreUsedOnlyInsideTheirModule() {
    noClasses()
        .that().resideOutsideOfPackage("org.cyberbaseline.validator..")
        .should().dependOnClassesThat().resideInAPackage("org.cyberbaseline.validator.internal..")
        .check(CLASSES);
    noClasses()
        .that().resideOutsideOfPackage("org.cyberbaseline.vuln..")
        .should().dependOnClassesThat().resideInAPackage("org.cyberbaseline.vuln.internal..")
        .check(CLASSES);
    noClasses()
        .that().resideOutsideOfPackage("org.cyberbaseline.dqi.server..")
        .should().dependOnClassesThat().resideInAPackage("org.cyberbaseline.dqi.server.internal..")
        .check(CLASSES);
    noClasses()
        .that().resideOutsideOfPackage("org.cyberbaseline.dqi.probe..")
        .should().dependOnClassesThat().resideInAPackage("org.cyberbaseline.dqi.probe.internal..")
        .check(CLASSES);
    // A device embeds the server; it must not drag the validator, rules or SBOM code along.
    noClasses()
        .that().resideInAPackage("org.cyberbaseline.dqi.server..")
        .should().dependOnClassesThat().resideInAnyPackage("org.cyberbaseline.validator..", "org.cyberbaseline.rules..",
            "org.cyberbaseline.sbom..", "org.cyberbaseline.dqi.probe..")
        .check(CLASSES);
  }

  @Test
  void publicApiDoesNotDependOnTheCli() {
    noClasses()
        .that().resideOutsideOfPackage("org.cyberbaseline.cli..")
        .should().dependOnClassesThat().resideInAPackage("org.cyberbaseline.cli..")
        .check(CLASSES);
  }

  @Test
  void lowerModulesDoNotReachUp() {
    noClasses()
        .that().resideInAnyPackage("org.cyberbaseline.schemas..", "org.cyberbaseline.sbom..", "org.cyberbaseline.rules..",
            "org.cyberbaseline.vuln..", "org.cyberbaseline.dqi..",
            "org.cyberbaseline.threatmodel..")
        // The probe is a tool on top of the validator's report model, like the CLI.
        .and().resideOutsideOfPackage("org.cyberbaseline.dqi.probe..")
        .should().dependOnClassesThat().resideInAPackage("org.cyberbaseline.validator..")
        .check(CLASSES);
    // The DQI manifest and threat-model readers are reused by tools that have no business with SBOM or rule code.
    noClasses()
        .that().resideInAnyPackage("org.cyberbaseline.dqi..", "org.cyberbaseline.threatmodel..")
        .and().resideOutsideOfPackage("org.cyberbaseline.dqi.probe..")
        .should().dependOnClassesThat().resideInAnyPackage("org.cyberbaseline.sbom..", "org.cyberbaseline.rules..")
        .check(CLASSES);
    noClasses()
        .that().resideInAPackage("org.cyberbaseline.sbom..")
        .should().dependOnClassesThat().resideInAPackage("org.cyberbaseline.rules..")
        .check(CLASSES);
    noClasses()
        .that().resideInAPackage("org.cyberbaseline.rules..")
        .should().dependOnClassesThat().resideInAPackage("org.cyberbaseline.sbom..")
        .check(CLASSES);
    noClasses()
        .that().resideInAPackage("org.cyberbaseline.vuln..")
        .should().dependOnClassesThat().resideInAPackage("org.cyberbaseline.rules..")
        .check(CLASSES);
  }
}
