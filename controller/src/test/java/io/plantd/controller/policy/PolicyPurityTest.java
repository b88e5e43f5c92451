package io.plantd.controller.policy;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The policy, estimator and plant state do no I/O and read no clock (DESIGN.md §8). */
class PolicyPurityTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.plantd.controller.policy", "io.plantd.controller.estimate",
                    "io.plantd.controller.state");

    @Test
    void noIo() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.net..", "java.nio.channels..",
                        "io.plantd.drivers.modbus..", "io.plantd.drivers.bacnet..", "org.eclipse.paho..")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void noClockReads() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(java.time.Instant.class, "now")
                .orShould().dependOnClassesThat().areAssignableTo(java.time.Clock.class)
                .check(classes);
    }
}
