package io.plantd.controller.mqtt;

import io.plantd.controller.command.Command;
import io.plantd.controller.command.CommandResult;
import io.plantd.controller.command.CommandSink;
import io.plantd.controller.config.MqttConfig;
import io.plantd.controller.cycle.Alarm;
import io.plantd.controller.cycle.ChillerStatus;
import io.plantd.controller.cycle.CommandChange;
import io.plantd.controller.cycle.CycleReport;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.cycle.Headroom;
import io.plantd.controller.cycle.SiteStatus;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.OperatingMode;
import io.plantd.controller.policy.Reason;
import io.plantd.drivers.point.Quality;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Report builders and a command sink standing in for the control cycle. */
final class Fixtures {
    static final Set<String> CHILLERS = Set.of("ch1", "ch2");
    static final double SERVICE_KW = 10_000;

    private Fixtures() {
    }

    static NorthboundSettings settings(String site, String url) {
        MqttConfig mqtt = new MqttConfig(true, url, "plantd-" + site, Optional.empty(), Optional.empty(),
                Optional.empty(), Map.of(
                        "bms", Set.of("override", "cap", "mode", "rebirth"),
                        "viewer", Set.of("rebirth")),
                5, 1);
        return new NorthboundSettings(site, mqtt, CHILLERS, SERVICE_KW, Duration.ofHours(1), Duration.ofHours(24),
                Optional.empty(), Duration.ofSeconds(30),
                "0.1.0-test", "cafe0123", Duration.ofSeconds(2), Duration.ofMillis(200), Optional.empty(),
                Duration.ofSeconds(10));
    }

    static CycleReport report(long seq, Instant at, double siteKw, List<Alarm> alarms, List<CommandChange> changes) {
        SiteStatus site = new SiteStatus(siteKw, Quality.GOOD, 7000, siteKw - 7500, 500, siteKw + 50, SERVICE_KW,
                9_500, siteKw, 0);
        GridStatus grid = new GridStatus(0, Optional.empty(), 0.12, 0.04, Optional.empty(), Optional.empty(),
                Optional.of(60.0), false, true);
        List<ChillerStatus> chillers = List.of(
                new ChillerStatus("ch1", DriveMode.MOTOR, DriveMode.MOTOR, 0, 400, Reason.STEADY, "", true, "",
                        false, 3, 1200, 300, false),
                new ChillerStatus("ch2", DriveMode.ENGINE, DriveMode.ENGINE, 1, 0, Reason.CAP_PREDICTED_EXCEEDED,
                        "predicted 9600 kW > 9500 kW", true, "", false, 5, 7200, 280, false));
        double headroomKw = 9_500 - (siteKw + 50) + 400;
        Headroom headroom = new Headroom(headroomKw, 300, at.plusSeconds(300));
        return new CycleReport(seq, at, 1_000_000, 0, OperatingMode.AUTO, true, site, grid, chillers, changes, alarms,
                headroom);
    }

    static CycleReport report(long seq, Instant at, double siteKw) {
        return report(seq, at, siteKw, List.of(), List.of());
    }

    static Alarm alarm(String id, Instant since) {
        return new Alarm(id, Alarm.Severity.CRITICAL, "site meter older than 5 s", since);
    }

    static CommandChange change() {
        return new CommandChange("ch2", DriveMode.MOTOR, DriveMode.ENGINE, 1, Reason.CAP_PREDICTED_EXCEEDED,
                "predicted 9600 kW > 9500 kW");
    }

    /** Stands in for the control cycle: records commands and confirms them, or refuses a given chiller. */
    static final class RecordingSink implements CommandSink {
        final List<Command> received = new CopyOnWriteArrayList<>();
        volatile String refuseChiller = "";
        volatile boolean neverAnswer;

        @Override
        public CompletableFuture<CommandResult> submit(Command command) {
            received.add(command);
            if (neverAnswer) {
                return new CompletableFuture<>();
            }
            if (command instanceof Command.Override o) {
                if (o.chillerId().equals(refuseChiller)) {
                    return CompletableFuture.completedFuture(
                            CommandResult.rejected("engine of " + o.chillerId() + " is locked out"));
                }
                return CompletableFuture.completedFuture(CommandResult.accepted(
                        o.chillerId() + " " + o.mode(), Optional.of(o.expiresAt())));
            }
            if (command instanceof Command.TemporaryCap c) {
                return CompletableFuture.completedFuture(CommandResult.accepted("cap " + c.capKw() + " kW",
                        Optional.of(c.expiresAt())));
            }
            return CompletableFuture.completedFuture(CommandResult.accepted(command.toString(), Optional.empty()));
        }
    }
}
