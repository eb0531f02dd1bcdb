package io.mimamori.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of the README, checked on the compiled main classes of every module. */
class ArchitectureTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.mimamori");
  }

  @Test
  void sqlLivesInLayersOnly() {
    noClasses().that().resideOutsideOfPackage("io.mimamori.layers..")
        .should().callMethod(java.sql.Connection.class, "prepareStatement", String.class)
        .orShould().callMethod(java.sql.Connection.class, "createStatement")
        .orShould().callMethod(java.sql.Connection.class, "prepareCall", String.class)
        .because("SQL lives in the layers module's stores (README, How it is built)")
        .check(classes);
  }

  @Test
  void residentsAreListedOnlyThroughTheDisclosurePolicy() {
    noClasses().that().resideInAPackage("io.mimamori.server..")
        .should().callMethod(io.mimamori.layers.priority.PriorityStore.class, "rank",
            io.mimamori.layers.priority.RankedQuery.class)
        .because("the server ranks only the residents a viewer may see: rank(query, viewer)")
        .check(classes);
    noClasses().that().resideInAPackage("io.mimamori.server..").and().doNotHaveSimpleName("LiveEvents")
        .should().callMethod(io.mimamori.layers.emergency.SafetyCheckStore.class, "eventsAfter", long.class, int.class)
        .because("events reach screens only through LiveEvents, which asks the disclosure policy per client")
        .check(classes);
  }

  @Test
  void routingKnowsNothingOfTheDatabaseOrHttp() {
    noClasses().that().resideInAPackage("io.mimamori.routing..")
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.javalin..",
            "io.mimamori.layers..", "io.mimamori.data..", "io.mimamori.server..")
        .check(classes);
  }

  @Test
  void dependenciesPointOneWay() {
    noClasses().that().resideInAPackage("io.mimamori.layers..")
        .should().dependOnClassesThat().resideInAnyPackage("io.mimamori.data..", "io.mimamori.server..",
            "io.mimamori.routing..", "io.javalin..")
        .check(classes);
    noClasses().that().resideInAPackage("io.mimamori.data..")
        .should().dependOnClassesThat().resideInAnyPackage("io.mimamori.server..", "io.javalin..")
        .check(classes);
  }
}
