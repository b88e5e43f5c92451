package io.plantd.drivers.poll;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Polling is shared by every protocol, so it must not know any of them. */
class PollPackageIsProtocolFreeTest {
    @Test
    void pollDoesNotDependOnProtocolPackages() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.plantd.drivers");
        noClasses().that().resideInAPackage("io.plantd.drivers.poll..")
                .should().dependOnClassesThat().resideInAnyPackage("io.plantd.drivers.modbus..",
                        "io.plantd.drivers.bacnet..", "com.ghgande..")
                .check(classes);
    }
}
