package io.plantd.controller.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.cycle.Alarm;
import io.plantd.controller.cycle.CommandChange;
import io.plantd.drivers.point.Quality;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A chiller whose heartbeat no longer arrives reverts to local control and stops its engine (found
 * by the network soak: reported as an engine trip and locked out). That is a loss of control, not
 * an engine fault: its own reason and warning, no lockout, and min off governs the next start. A
 * stop the unit does not explain that way stays a trip; an unreadable unit stays a stale hold.
 */
class WatchdogRevertTest {
    /** Four 500-ton units; at 9 000 kW of IT the cap needs two engines (L 300 s, min off 600 s). */
    private static Harness twoEnginesRunning() {
        Harness h = new Harness(TestSite.site().chiller("ch1", 500, false).chiller("ch2", 500, false)
                .chiller("ch3", 500, false).chiller("ch4", 500, false).build());
        h.plant.itKw = 9000;
        h.run(600);
        return h;
    }

    private static String runningUnit(Harness h) {
        return h.plant.units.values().stream().filter(u -> u.actual == DriveMode.ENGINE && u.engineRunning)
                .map(u -> u.cfg.id()).findFirst().orElseThrow();
    }

    private static boolean lockedOut(Harness h, String id) {
        return h.step.state().chiller(h.step.state().indexOf(id)).lockedOut(h.now.toEpochMilli());
    }

    @Test
    void revertToLocalAfterHeartbeatLossIsNotATripAndTheEngineIsEligibleAgainAfterMinOff() {
        Harness h = twoEnginesRunning();
        String id = runningUnit(h);
        FakePlant.Unit unit = h.plant.unit(id);

        unit.heartbeatLost = true;
        h.run(60);
        assertThat(h.allChanges()).filteredOn(c -> c.chillerId().equals(id) && c.to() == DriveMode.MOTOR).isEmpty();
        unit.watchdogRevert();
        int changesBefore = h.allChanges().size();
        CommandChange c = h.runUntilChange(id, 3);
        Instant stoppedAt = h.now.minusSeconds(1);

        assertThat(c.reason()).isEqualTo(Reason.CHILLER_LOCAL_REVERT);
        assertThat(c.to()).isEqualTo(DriveMode.MOTOR);
        assertThat(c.detail()).contains("reports LOCAL").contains("no lockout");
        assertThat(h.alarm("chiller-local-revert-" + id)).get().extracting(Alarm::severity)
                .isEqualTo(Alarm.Severity.WARNING);
        assertThat(h.alarm("engine-trip-" + id)).isEmpty();
        assertThat(h.alarm("engine-lockout-" + id)).isEmpty();
        assertThat(lockedOut(h, id)).isFalse();
        assertThat(h.status(id).eligible()).isFalse();
        assertThat(h.status(id).ineligibleBecause()).startsWith("ENGINE_MIN_OFF");

        // comms back: the unit follows the MOTOR command plantd kept writing
        unit.heartbeatBack(h.now.toEpochMilli());
        h.tick();
        assertThat(unit.actual).isEqualTo(DriveMode.MOTOR);
        // the cap still needs two engines: the next eligible unit is started in its place
        assertThat(h.allChanges().subList(changesBefore, h.allChanges().size()))
                .anyMatch(x -> !x.chillerId().equals(id) && x.to() == DriveMode.ENGINE);

        while (h.now.isBefore(stoppedAt.plusSeconds(599))) {
            h.tick();
            assertThat(h.status(id).eligible()).as("inside min off at %s", h.now).isFalse();
            assertThat(h.status(id).ineligibleBecause()).startsWith("ENGINE_MIN_OFF");
        }
        h.run(2);
        assertThat(h.status(id).eligible()).as("eligible once min off has passed").isTrue();
        assertThat(h.allChanges()).noneMatch(x -> x.reason() == Reason.ENGINE_TRIP);
    }

    @Test
    void engineRestartingOnItsOwnAfterALongOutageIsNotATrip() {
        // the soak's other half: plantd next sees the unit after its heartbeat already came back, so the
        // unit is remote again, on motor, restarting its engine from the ENGINE command still in its register
        Harness h = twoEnginesRunning();
        String id = runningUnit(h);
        FakePlant.Unit unit = h.plant.unit(id);

        unit.heartbeatLost = true;
        unit.quality = Quality.STALE;
        h.run(60);
        unit.watchdogRevert();
        h.run(300);
        assertThat(h.status(id).reason()).isEqualTo(Reason.CHILLER_STALE_HOLD);
        assertThat(h.status(id).commanded()).isEqualTo(DriveMode.ENGINE);

        unit.quality = Quality.GOOD;
        unit.heartbeatBack(h.now.toEpochMilli());
        assertThat(unit.actual).isEqualTo(DriveMode.MOTOR);
        CommandChange c = h.runUntilChange(id, 1);

        assertThat(c).isNotNull();
        assertThat(c.reason()).isEqualTo(Reason.CHILLER_LOCAL_REVERT);
        assertThat(c.detail()).contains("unreachable for 360 s");
        assertThat(h.alarm("chiller-local-revert-" + id)).isPresent();
        assertThat(h.alarm("engine-trip-" + id)).isEmpty();
        assertThat(lockedOut(h, id)).isFalse();
    }

    @Test
    void engineStoppingWhileTheUnitStillReportsEngineIsATripAsBefore() {
        Harness h = twoEnginesRunning();
        String id = runningUnit(h);
        h.plant.unit(id).engineRunning = false; // status still ENGINE

        CommandChange c = h.runUntilChange(id, 3);

        assertThat(c.reason()).isEqualTo(Reason.ENGINE_TRIP);
        assertThat(h.alarm("engine-trip-" + id)).get().extracting(Alarm::severity)
                .isEqualTo(Alarm.Severity.CRITICAL);
        assertThat(h.alarm("engine-lockout-" + id)).isPresent();
        assertThat(h.alarm("chiller-local-revert-" + id)).isEmpty();
        assertThat(lockedOut(h, id)).isTrue();
        assertThat(h.status(id).ineligibleBecause()).startsWith("ENGINE_LOCKED_OUT");
    }

    @Test
    void engineStoppingOnMotorWhileInSightIsATripAsBefore() {
        Harness h = twoEnginesRunning();
        String id = runningUnit(h);
        h.plant.unit(id).trip(); // back on motor at once, no loss of contact

        assertThat(h.runUntilChange(id, 3).reason()).isEqualTo(Reason.ENGINE_TRIP);
        assertThat(lockedOut(h, id)).isTrue();
    }

    @Test
    void aLocalUnitThatReportsAnEngineProblemIsATrip() {
        Harness h = twoEnginesRunning();
        String id = runningUnit(h);
        FakePlant.Unit unit = h.plant.unit(id);
        unit.heartbeatLostAndReverted();
        unit.ready = false; // the unit itself says the engine cannot run

        assertThat(h.runUntilChange(id, 3).reason()).isEqualTo(Reason.ENGINE_TRIP);
        assertThat(h.alarm("engine-trip-" + id)).isPresent();
        assertThat(lockedOut(h, id)).isTrue();
    }

    @Test
    void aLocalUnitWhoseFaultFlagCannotBeReadIsATrip() {
        Harness h = twoEnginesRunning();
        String id = runningUnit(h);
        FakePlant.Unit unit = h.plant.unit(id);
        unit.heartbeatLostAndReverted();
        unit.pointQuality.put("fault", Quality.BAD);

        assertThat(h.runUntilChange(id, 3).reason()).isEqualTo(Reason.ENGINE_TRIP);
        assertThat(lockedOut(h, id)).isTrue();
    }

    @Test
    void aShortLossOfContactIsNoExcuseForAnEngineFoundStoppedOnMotor() {
        Harness h = twoEnginesRunning();
        String id = runningUnit(h);
        FakePlant.Unit unit = h.plant.unit(id);
        unit.quality = Quality.STALE;
        h.run(10); // far shorter than a unit watchdog: the unit never left remote control
        unit.trip();
        unit.quality = Quality.GOOD;

        assertThat(h.runUntilChange(id, 1).reason()).isEqualTo(Reason.ENGINE_TRIP);
        assertThat(lockedOut(h, id)).isTrue();
    }

    @Test
    void unreadableDriveModeIsAStaleHoldAsBefore() {
        Harness h = twoEnginesRunning();
        String id = runningUnit(h);
        FakePlant.Unit unit = h.plant.unit(id);
        unit.heartbeatLostAndReverted();
        unit.pointQuality.put("drive_mode_status", Quality.BAD);
        int changes = h.allChanges().size();

        h.run(30);

        // the others take up the load the revert put back on the grid; the unreadable unit holds
        assertThat(h.allChanges().subList(changes, h.allChanges().size())).noneMatch(c -> c.chillerId().equals(id));
        assertThat(h.status(id).reason()).isEqualTo(Reason.CHILLER_STALE_HOLD);
        assertThat(h.status(id).commanded()).isEqualTo(DriveMode.ENGINE);
        assertThat(h.status(id).eligible()).isFalse();
        assertThat(h.alarm("chiller-stale-" + id)).isPresent();
        assertThat(h.alarm("engine-trip-" + id)).isEmpty();
        assertThat(h.alarm("chiller-local-revert-" + id)).isEmpty();
    }

    @Test
    void aStartLostInALongOutageIsHandledAtOnceAndIsNotAFailToStart() {
        Harness h = Harness.twoUnitsNeedingAnEngine();
        h.tick();
        String first = h.firstToEngine();
        FakePlant.Unit unit = h.plant.unit(first);
        h.run(10);
        unit.heartbeatLost = true;
        unit.quality = Quality.STALE;
        h.run(60);
        unit.watchdogRevert();
        h.run(40); // back well inside 1.5 × L = 450 s
        unit.quality = Quality.GOOD;
        unit.heartbeatBack(h.now.toEpochMilli()); // restarting from the ENGINE command in its register

        CommandChange c = h.runUntilChange(first, 1);

        assertThat(c).isNotNull();
        assertThat(c.reason()).isEqualTo(Reason.CHILLER_LOCAL_REVERT);
        assertThat(c.detail()).contains("after start command").contains("unreachable for 100 s");
        assertThat(h.alarm("engine-fail-to-start-" + first)).isEmpty();
        assertThat(lockedOut(h, first)).isFalse();
        // at once, not at 1.5 × L: the prediction stops counting on an engine that is not coming
        assertThat(h.status(first).commanded()).isEqualTo(DriveMode.MOTOR);
        assertThat(h.last.report().site().predictedKw()).isGreaterThan(h.outputs.get(h.outputs.size() - 2)
                .report().site().predictedKw());
    }

    @Test
    void aStartStillUnderWayAfterAShortOutageKeepsItsFailToStartTimer() {
        Harness h = Harness.twoUnitsNeedingAnEngine();
        h.tick();
        String first = h.firstToEngine();
        FakePlant.Unit unit = h.plant.unit(first);
        unit.failsToStart = true;
        h.run(10);
        unit.quality = Quality.STALE;
        h.run(20);
        unit.quality = Quality.GOOD;

        CommandChange c = h.runUntilChange(first, 460);

        assertThat(c.reason()).isEqualTo(Reason.ENGINE_FAIL_TO_START);
        assertThat(lockedOut(h, first)).isTrue();
    }

    @Test
    void aStartThatNeverHappensBecauseTheUnitIsLocalIsNotAFailToStart() {
        Harness h = Harness.twoUnitsNeedingAnEngine();
        h.plant.unit("ch1").heartbeatLostAndReverted();
        h.plant.unit("ch2").heartbeatLostAndReverted();
        h.tick();
        String first = h.firstToEngine();

        CommandChange c = h.runUntilChange(first, 460); // 1.5 × L = 450 s

        assertThat(c.reason()).isEqualTo(Reason.CHILLER_LOCAL_REVERT);
        assertThat(c.detail()).contains("after start command").contains("reports LOCAL");
        assertThat(h.alarm("engine-fail-to-start-" + first)).isEmpty();
        assertThat(lockedOut(h, first)).isFalse();
    }
}
