package io.plantd.controller.policy;

import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.DriveCommand;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointValue;
import io.plantd.drivers.point.ProcessImage;
import io.plantd.drivers.point.Quality;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal plant for cycle-by-cycle tests: IT load, other load and chillers whose engines take
 * a (true) lead time to carry the load, can fail to start, trip or lose gas. Produces the
 * frozen process image the controller sees and obeys the drive commands it gets back.
 */
final class FakePlant {
    final Map<String, Unit> units = new java.util.LinkedHashMap<>();
    double itKw;
    double otherKw = 300;
    Quality meterQuality = Quality.GOOD;
    /** Site meter value override (NaN: computed). */
    double meterFrozenKw = Double.NaN;

    FakePlant(SiteConfig config) {
        for (ChillerConfig c : config.chillers()) {
            units.put(c.id(), new Unit(c));
        }
    }

    Unit unit(String id) {
        return units.get(id);
    }

    double siteKw() {
        double sum = itKw + otherKw;
        for (Unit u : units.values()) {
            sum += u.gridKw();
        }
        return sum;
    }

    /** Cooling load follows IT: heat to remove = IT kW, shared by the chillers by capacity. */
    void coolingFollowsIt() {
        double totalTons = 0;
        for (Unit u : units.values()) {
            totalTons += u.cfg.capacityTons();
        }
        double tons = itKw / 3.517;
        for (Unit u : units.values()) {
            u.loadTons = Math.min(u.cfg.capacityTons(), tons * u.cfg.capacityTons() / totalTons);
        }
    }

    ProcessImage image(long nowMs) {
        Map<PointId, PointValue> map = new HashMap<>();
        // a live meter never repeats bit for bit (the reader treats a flat-lined one as frozen): 1 W wobble
        double site = Double.isNaN(meterFrozenKw) ? siteKw() + 0.001 * ((nowMs / 1000) % 2) : meterFrozenKw;
        map.put(TestSite.SITE_METER, value(site, meterQuality, nowMs));
        for (Unit u : units.values()) {
            u.points(map, nowMs);
        }
        return new ProcessImage(nowMs, map);
    }

    void advance(long nowMs) {
        for (Unit u : units.values()) {
            u.advance(nowMs);
        }
    }

    void obey(List<DriveCommand> commands, long nowMs) {
        for (DriveCommand c : commands) {
            units.get(c.chillerId()).command(c.mode(), c.engineShare(), nowMs);
        }
    }

    static PointValue value(double v, Quality q, long nowMs) {
        return switch (q) {
            case GOOD -> PointValue.good(v, "", nowMs);
            case STALE -> new PointValue(v, "", Quality.STALE, "older than max age", nowMs - 60_000);
            case BAD -> PointValue.bad("", "sentinel 0x8000", nowMs);
            case MISSING -> PointValue.missing("not read yet");
        };
    }

    static final class Unit {
        final ChillerConfig cfg;
        double loadTons;
        DriveMode actual = DriveMode.MOTOR;
        double share;
        boolean engineRunning;
        boolean ready = true;
        boolean gasLow;
        boolean fault;
        boolean startFailedFlag;
        /** The engine never comes up (the controller must notice within 1.5 × L). */
        boolean failsToStart;
        /** Seconds from command to load off the grid (the unit's true lead time). */
        double trueLeadS = 240;
        Quality quality = Quality.GOOD;
        /** plantd's writes do not reach the unit: it ignores commands (its watchdog is running down). */
        boolean heartbeatLost;
        /** Per-point quality overrides (point name → quality). */
        final Map<String, Quality> pointQuality = new HashMap<>();
        DriveMode lastCommand;
        long startCommandAtMs = -1;
        DriveMode targetMode;
        double targetShare;
        int commandsReceived;

        Unit(ChillerConfig cfg) {
            this.cfg = cfg;
            this.loadTons = cfg.capacityTons() * 0.7;
        }

        double equivalentKw() {
            return loadTons * cfg.motorKwPerTon();
        }

        double gridKw() {
            return switch (actual) {
                case MOTOR -> equivalentKw();
                case ENGINE -> 0;
                case BLEND -> (1 - share) * equivalentKw();
                case LOCAL -> engineRunning ? 0 : equivalentKw();
            };
        }

        void command(DriveMode mode, double newShare, long nowMs) {
            if (heartbeatLost) {
                return;
            }
            commandsReceived++;
            if (mode == lastCommand && (mode != DriveMode.BLEND || newShare == targetShare)) {
                return;
            }
            lastCommand = mode;
            boolean engineSide = mode == DriveMode.ENGINE || mode == DriveMode.BLEND;
            if (engineSide && (actual == DriveMode.MOTOR || actual == DriveMode.LOCAL) && !engineRunning) {
                startCommandAtMs = nowMs;
                targetMode = mode;
                targetShare = newShare;
            } else if (engineSide) {
                actual = mode;
                share = newShare;
                targetShare = newShare;
            } else if (mode == DriveMode.MOTOR) {
                actual = DriveMode.MOTOR;
                engineRunning = false;
                startCommandAtMs = -1;
                share = 0;
            } else {
                actual = DriveMode.LOCAL;
            }
        }

        void advance(long nowMs) {
            if (startCommandAtMs >= 0 && !failsToStart && !startFailedFlag && ready && !gasLow) {
                double since = (nowMs - startCommandAtMs) / 1000.0;
                if (since >= trueLeadS * 0.6) {
                    engineRunning = true;
                }
                if (since >= trueLeadS) {
                    actual = targetMode;
                    share = targetMode == DriveMode.BLEND ? targetShare : 1;
                    startCommandAtMs = -1;
                }
            }
            if (engineRunning && gasLow) {
                trip();
            }
        }

        /** Heartbeats stop arriving and the unit's watchdog has already run out. */
        void heartbeatLostAndReverted() {
            heartbeatLost = true;
            watchdogRevert();
        }

        /** The unit's heartbeat watchdog ran out: local control, its own choice is motor. */
        void watchdogRevert() {
            actual = DriveMode.LOCAL;
            engineRunning = false;
            startCommandAtMs = -1;
            share = 0;
        }

        /**
         * Heartbeats reach the unit again: it follows the drive command still in its register (the
         * last one written), restarting its engine if that was ENGINE.
         */
        void heartbeatBack(long nowMs) {
            heartbeatLost = false;
            if (actual == DriveMode.LOCAL && !engineRunning) {
                actual = DriveMode.MOTOR; // remote again: what it runs on until the command takes effect
            }
            DriveMode register = lastCommand;
            lastCommand = null;
            if (register != null) {
                command(register, targetShare, nowMs);
                commandsReceived--;
            }
        }

        void trip() {
            engineRunning = false;
            actual = DriveMode.MOTOR;
            startCommandAtMs = -1;
            share = 0;
        }

        void points(Map<PointId, PointValue> map, long nowMs) {
            String d = cfg.device();
            put(map, d, "drive_mode_status", actual.code(), nowMs);
            put(map, d, "motor_power", gridKw(), nowMs);
            put(map, d, "cooling_load", loadTons, nowMs);
            put(map, d, "engine_ready", ready ? 1 : 0, nowMs);
            put(map, d, "engine_running", engineRunning ? 1 : 0, nowMs);
            put(map, d, "engine_start_failed", startFailedFlag ? 1 : 0, nowMs);
            put(map, d, "gas_pressure_low", gasLow ? 1 : 0, nowMs);
            put(map, d, "fault", fault ? 1 : 0, nowMs);
        }

        private void put(Map<PointId, PointValue> map, String device, String point, double v, long nowMs) {
            map.put(PointId.of(device, point), value(v, pointQuality.getOrDefault(point, quality), nowMs));
        }
    }
}
