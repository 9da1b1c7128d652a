package io.stockline;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package tree is the architecture: features talk through services and events, never
 * through each other's SQL, and do not depend on each other in circles.
 */
class ArchitectureTests {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.stockline");

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("io.stockline.(*)..")
                .should().beFreeOfCycles()
                .check(MAIN);
    }

    @Test
    void repositoriesAreUsedOnlyInsideTheirOwnFeature() {
        classes().that().areAnnotatedWith(Repository.class)
                .should().notBePublic()
                .check(MAIN);
    }

    @Test
    void sharedWebConcernsKnowNoFeature() {
        noClasses().that().resideInAPackage("io.stockline.web..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("io.stockline.stock..", "io.stockline.location..",
                        "io.stockline.reservation..", "io.stockline.order..",
                        "io.stockline.channel..", "io.stockline.availability..",
                        "io.stockline.event..", "io.stockline.transfer..")
                .check(MAIN);
    }
}
