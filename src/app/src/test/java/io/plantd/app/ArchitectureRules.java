package io.plantd.app;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameStartingWith;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;

/** The dependency rules of DESIGN.md §8, as ArchUnit rules shared by the test and its self-test. */
final class ArchitectureRules {
    /** What counts as I/O for the policy: files, sockets, MQTT, Modbus, metrics, threads and executors. */
    static final DescribedPredicate<JavaClass> IO = resideInAnyPackage(
            "java.io..", "java.net..", "java.nio.channels..", "java.nio.file..",
            "org.eclipse.paho..", "com.ghgande..", "io.micrometer..")
            .and(not(type(Serializable.class)))
            .or(resideInAnyPackage("java.util.concurrent").and(simpleNameStartingWith("Executor")))
            .or(assignableTo(Thread.class))
            .as("I/O, threads or executors");

    static final ArchRule DRIVERS_KNOW_NOTHING_ABOVE_THEM = noClasses()
            .that().resideInAPackage("io.plantd.drivers..")
            .should().dependOnClassesThat().resideInAnyPackage("io.plantd.controller..", "io.plantd.app..",
                    "io.plantd.sim..")
            .because("drivers are field I/O only; the controller depends on them, never the reverse");

    static final ArchRule CONTROLLER_USES_NO_PROTOCOL_CLASSES = noClasses()
            .that().resideInAPackage("io.plantd.controller..")
            .should().dependOnClassesThat().resideInAnyPackage("io.plantd.drivers.modbus..", "io.plantd.drivers.bacnet..",
                    "com.ghgande..")
            .because("the controller talks to devices through the drivers API only");

    static final ArchRule POLICY_HAS_NO_IO = noClasses()
            .that().resideInAPackage("io.plantd.controller.policy..")
            .should().dependOnClassesThat(IO)
            .because("the drive policy is a pure, deterministic function of its inputs and the clock");

    /** Time comes in as a Clock or Instant argument, so a decision replays identically in tests and backtests. */
    static final ArchRule POLICY_READS_NO_WALL_CLOCK = noClasses()
            .that().resideInAPackage("io.plantd.controller.policy..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(System.class, "nanoTime")
            .orShould().callMethod(Clock.class, "systemUTC")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(LocalDateTime.class, "now")
            .because("the policy is clock-injected and deterministic");

    private ArchitectureRules() {
    }
}
