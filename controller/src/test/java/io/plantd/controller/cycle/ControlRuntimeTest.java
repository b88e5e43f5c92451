package io.plantd.controller.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.plantd.controller.command.Command;
import io.plantd.controller.command.CommandResult;
import io.plantd.controller.config.ControlSettings;
import io.plantd.controller.config.EconomicSettings;
import io.plantd.controller.config.GridEventSettings;
import io.plantd.controller.config.GridFeedConfig;
import io.plantd.controller.config.LoggingConfig;
import io.plantd.controller.config.Meters;
import io.plantd.controller.config.MetricsConfig;
import io.plantd.controller.config.MqttConfig;
import io.plantd.controller.config.ShutdownConfig;
import io.plantd.controller.config.Site;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.config.Tariff;
import io.plantd.controller.policy.ChillerPoints;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.Reason;
import io.plantd.drivers.point.PointId;
import io.plantd.drivers.point.PointStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime wired from a site config, run on the real clock from start to SIGTERM sequence. */
class ControlRuntimeTest {
    @TempDir
    Path dir;

    SiteConfig config(Path schedule, Path decisionLog) {
        Tariff tariff = new Tariff(0.12, 1.05, 0.4, 5.3);
        return new SiteConfig(dir.resolve("site.yaml"),
                new Site("test", 10_000, 200, 500, OptionalDouble.empty(), 900, "USD", tariff),
                new ControlSettings(100, 600, 30, 5000, 300, 3600, 86_400, new EconomicSettings(false, 5, 0),
                        new GridEventSettings(Map.of(2, 1000.0), 2, 60, 59.8, 500)),
                List.of(), Map.of(), new Meters(PointId.of("meter", "site_power"), Optional.empty(), 0),
                List.of(ControlLoopTest.chiller("ch1", "chiller-1"), ControlLoopTest.chiller("ch2", "chiller-2")),
                new GridFeedConfig(GridFeedConfig.Source.SCHEDULE, Optional.empty(), Optional.of(schedule),
                        Optional.empty(), 10_000),
                new MqttConfig(false, "", "", Optional.empty(), Optional.empty(), Optional.empty(), Map.of()),
                new MetricsConfig(false, "127.0.0.1", 0),
                new LoggingConfig("INFO", decisionLog, 1_000_000, 3),
                new ShutdownConfig(DriveMode.LOCAL), dir);
    }

    @Test
    void runsFromConfigAndShutsDownToThePosture() throws Exception {
        Path schedule = dir.resolve("grid.yaml");
        Instant now = Instant.now();
        Files.writeString(schedule, "entries:\n  - start: " + now.minusSeconds(60) + "\n    end: "
                + now.plusSeconds(3600) + "\n    level: 2\n    capLimitKw: 8000\n");
        Path log = dir.resolve("log/decisions.jsonl");
        RecordingPointWriter device = new RecordingPointWriter();
        ScriptedStep step = new ScriptedStep(Ticker.system()).commands(i -> List.of(
                new DriveCommand("ch1", i < 2 ? DriveMode.MOTOR : DriveMode.ENGINE, 0, Reason.GRID_EVENT, "level 2"),
                new DriveCommand("ch2", DriveMode.MOTOR, 0, Reason.STEADY, "")));
        List<CycleReport> mqtt = Collections.synchronizedList(new ArrayList<>());

        ControlRuntime runtime = ControlRuntime.create(config(schedule, log), new PointStore(), device, step,
                Optional.empty(), Map.of("mqtt", mqtt::add), Clock.systemUTC());
        runtime.start();
        CommandResult reply = runtime.commands()
                .submit(new Command.Override("bms", "ch2", Command.OverrideMode.ENGINE, null)).get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> runtime.loop().cycles() >= 4);
        ShutdownSequence.Outcome outcome = runtime.shutdown();

        assertThat(reply.ok()).isTrue();
        assertThat(reply.validUntil()).isPresent();
        assertThat(step.grids.get(0).level()).isEqualTo(2);
        assertThat(step.grids.get(0).capLimitKw()).contains(8000.0);
        assertThat(outcome.postureVerified()).isEqualTo(2);
        assertThat(outcome.publishersClosed()).isTrue();
        assertThat(device.register(PointId.of("chiller-1", ChillerPoints.DRIVE_MODE_CMD))).isEqualTo(0.0);
        assertThat(runtime.publishers()).extracting(PublishHub::name).containsExactly("mqtt", "decision-log");
        assertThat(mqtt).isNotEmpty();

        List<String> lines = Files.readAllLines(log);
        assertThat(lines).anyMatch(l -> l.contains("\"chiller\":\"ch1\",\"from\":\"MOTOR\",\"to\":\"ENGINE\""));
        assertThat(lines.stream().filter(l -> l.contains("\"reason\":\"SHUTDOWN_POSTURE\""))).hasSize(2);
        assertThat(lines.get(lines.size() - 1)).contains("\"to\":\"LOCAL\"");
    }
}
