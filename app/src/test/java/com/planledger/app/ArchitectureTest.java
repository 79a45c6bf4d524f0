package com.planledger.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rule of ARCHITECTURE.md: command-side -> domain, query-side -> domain, app -> both; the two sides
 * never import each other; the domain imports no Spring, no Mongo, no persistence.
 */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.planledger");
    }

    @Test
    void the_domain_imports_no_spring_no_mongo_no_persistence_and_no_other_module() {
        noClasses().that().resideInAPackage("com.planledger.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "com.mongodb..", "org.bson..", "jakarta.persistence..",
                        "javax.persistence..", "java.sql..", "javax.sql..", "de.bwaldvogel..", "org.h2..",
                        "com.planledger.command..", "com.planledger.query..", "com.planledger.app..")
                .check(classes);
    }

    @Test
    void the_command_side_never_imports_the_query_side_or_the_app() {
        noClasses().that().resideInAPackage("com.planledger.command..")
                .should().dependOnClassesThat().resideInAnyPackage("com.planledger.query..", "com.planledger.app..")
                .check(classes);
    }

    @Test
    void the_query_side_never_imports_the_command_side_or_the_app() {
        noClasses().that().resideInAPackage("com.planledger.query..")
                .should().dependOnClassesThat().resideInAnyPackage("com.planledger.command..", "com.planledger.app..")
                .check(classes);
    }

    @Test
    void the_sides_do_not_touch_the_embedded_stores() {
        noClasses().that().resideInAnyPackage("com.planledger.command..", "com.planledger.query..")
                .should().dependOnClassesThat().resideInAnyPackage("de.bwaldvogel..", "org.h2..", "java.sql..")
                .check(classes);
    }
}
