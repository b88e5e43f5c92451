package io.plantd.app;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.plantd.controller.archfixture.ControllerUsingJ2mod;
import io.plantd.controller.archfixture.ControllerUsingModbus;
import io.plantd.controller.policy.archfixture.PolicyReadingWallClock;
import io.plantd.controller.policy.archfixture.PolicyViolations;
import io.plantd.controller.policy.archfixture.PurePolicy;
import io.plantd.drivers.archfixture.DriverUsingController;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule fails on a deliberately violating class (test sources only) and passes on a clean one. */
class ArchitectureRulesSelfTest {
    private static void assertViolates(ArchRule rule, Class<?> violator, String expected) {
        assertThatThrownBy(() -> rule.check(new ClassFileImporter().importClasses(violator)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(violator.getName())
                .hasMessageContaining(expected);
    }

    @Test
    void driverImportingTheControllerIsCaught() {
        assertViolates(ArchitectureRules.DRIVERS_KNOW_NOTHING_ABOVE_THEM, DriverUsingController.class,
                "io.plantd.controller.policy.DriveMode");
    }

    @Test
    void controllerImportingModbusClassesIsCaught() {
        assertViolates(ArchitectureRules.CONTROLLER_USES_NO_PROTOCOL_CLASSES, ControllerUsingModbus.class,
                "io.plantd.drivers.modbus.archfixture.FakeModbusTransport");
    }

    @Test
    void controllerUsingJ2modDirectlyIsCaught() {
        assertViolates(ArchitectureRules.CONTROLLER_USES_NO_PROTOCOL_CLASSES, ControllerUsingJ2mod.class,
                "com.ghgande.j2mod");
    }

    @Test
    void policyReadingTheWallClockIsCaught() {
        assertViolates(ArchitectureRules.POLICY_READS_NO_WALL_CLOCK, PolicyReadingWallClock.class, "Instant.now()");
    }

    @Test
    void clockInjectedPolicyPasses() {
        assertThatCode(() -> ArchitectureRules.POLICY_READS_NO_WALL_CLOCK.check(
                new ClassFileImporter().importClasses(PurePolicy.class))).doesNotThrowAnyException();
    }

    static Stream<Class<?>> policyViolators() {
        return Stream.of(PolicyViolations.class.getDeclaredClasses());
    }

    @ParameterizedTest
    @MethodSource("policyViolators")
    void policyDoingIoIsCaught(Class<?> violator) throws Exception {
        String forbidden = (String) violator.getField("USES").get(null);
        assertViolates(ArchitectureRules.POLICY_HAS_NO_IO, violator, forbidden);
    }

    @Test
    void everyKindOfIoHasAViolator() {
        org.assertj.core.api.Assertions.assertThat(policyViolators()).hasSize(9);
    }

    @Test
    void purePolicyPasses() {
        assertThatCode(() -> ArchitectureRules.POLICY_HAS_NO_IO.check(new ClassFileImporter().importClasses(PurePolicy.class)))
                .doesNotThrowAnyException();
    }
}
