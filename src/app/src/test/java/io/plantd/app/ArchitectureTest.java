package io.plantd.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production classes of every module (the app's test classpath sees them all) obey the layering. */
class ArchitectureTest {
    static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.plantd");
    }

    @Test
    void importsEveryModuleButNoTestFixture() {
        assertThat(production.contain("io.plantd.drivers.profile.ProfileLoader")).isTrue();
        assertThat(production.contain("io.plantd.controller.config.SiteConfigLoader")).isTrue();
        assertThat(production.contain("io.plantd.controller.policy.DriveMode")).isTrue();
        assertThat(production.contain("io.plantd.app.PlantdMain")).isTrue();
        assertThat(production.contain("io.plantd.drivers.archfixture.DriverUsingController")).isFalse();
    }

    @Test
    void driversDoNotDependOnControllerAppOrSimulator() {
        ArchitectureRules.DRIVERS_KNOW_NOTHING_ABOVE_THEM.check(production);
    }

    @Test
    void controllerDoesNotUseProtocolClasses() {
        ArchitectureRules.CONTROLLER_USES_NO_PROTOCOL_CLASSES.check(production);
    }

    @Test
    void policyReadsNoWallClock() {
        ArchitectureRules.POLICY_READS_NO_WALL_CLOCK.check(production);
    }

    @Test
    void policyHasNoIo() {
        ArchitectureRules.POLICY_HAS_NO_IO.check(production);
    }
}
