package io.plantd.controller.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plantd.controller.cycle.Alarm;
import io.plantd.controller.cycle.CommandChange;
import io.plantd.controller.cycle.CycleReport;
import io.plantd.controller.cycle.PublishHub;
import io.plantd.controller.cycle.TestReports;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.OperatingMode;
import io.plantd.controller.policy.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionLogTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant T0 = Instant.parse("2026-07-01T12:00:00Z");
    static final Alarm METER = new Alarm("meter-stale", Alarm.Severity.CRITICAL, "site meter 7 s old", T0);
    @TempDir
    Path dir;

    static CycleReport report(long seq, List<CommandChange> changes, List<Alarm> alarms) {
        return TestReports.report(seq, T0.plusSeconds(seq), OperatingMode.AUTO, List.of(
                TestReports.chiller("ch1", DriveMode.ENGINE, true, ""),
                TestReports.chiller("ch2", DriveMode.MOTOR, false, "engine locked out until 12:30")), changes, alarms);
    }

    static CommandChange toEngine() {
        return new CommandChange("ch1", DriveMode.MOTOR, DriveMode.ENGINE, 0, Reason.CAP_PREDICTED_EXCEEDED,
                "predicted 9600 kW at now+300 s > effective cap 9500 kW");
    }

    static List<JsonNode> lines(Path f) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(f)) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    @Test
    void logsEachChangedCommandWithItsReasonAndInputs() throws Exception {
        Path f = dir.resolve("decisions.jsonl");
        DecisionLog log = new DecisionLog(f, 1_000_000, 3);
        log.onCycle(report(1, List.of(), List.of()));
        log.onCycle(report(2, List.of(toEngine()), List.of()));
        log.onCycle(report(3, List.of(), List.of()));
        log.onShutdown();

        List<JsonNode> lines = lines(f);
        assertThat(lines).hasSize(1);
        JsonNode l = lines.get(0);
        assertThat(l.get("ts").asText()).isEqualTo("2026-07-01T12:00:02Z");
        assertThat(l.get("event").asText()).isEqualTo("command");
        assertThat(l.get("seq").asLong()).isEqualTo(2);
        assertThat(l.get("chiller").asText()).isEqualTo("ch1");
        assertThat(l.get("from").asText()).isEqualTo("MOTOR");
        assertThat(l.get("to").asText()).isEqualTo("ENGINE");
        assertThat(l.get("reason").asText()).isEqualTo("CAP_PREDICTED_EXCEEDED");
        assertThat(l.get("detail").asText()).contains("effective cap 9500 kW");
        assertThat(l.get("operatingMode").asText()).isEqualTo("AUTO");
        JsonNode in = l.get("inputs");
        assertThat(in.get("siteKw").asDouble()).isEqualTo(9000);
        assertThat(in.get("predictedKw").asDouble()).isEqualTo(9600);
        assertThat(in.get("effectiveCapKw").asDouble()).isEqualTo(9500);
        assertThat(in.get("leadTimeS").asDouble()).isEqualTo(300);
        assertThat(in.get("units").get("ch1").get("eligible").asBoolean()).isTrue();
        assertThat(in.get("units").get("ch2").get("eligible").asBoolean()).isFalse();
        assertThat(in.get("units").get("ch2").get("ineligibleBecause").asText()).isEqualTo("engine locked out until 12:30");
        assertThat(log.lines()).isEqualTo(1);
    }

    @Test
    void logsAlarmsWhenRaisedAndWhenClearedOnlyOnce() throws Exception {
        Path f = dir.resolve("decisions.jsonl");
        DecisionLog log = new DecisionLog(f, 1_000_000, 3);
        log.onCycle(report(1, List.of(), List.of(METER)));
        log.onCycle(report(2, List.of(), List.of(METER)));
        log.onCycle(report(3, List.of(), List.of()));
        log.onShutdown();
        List<JsonNode> lines = lines(f);
        assertThat(lines).extracting(l -> l.get("event").asText() + " " + l.get("alarm").asText() + " " + l.get("seq"))
                .containsExactly("alarm-raised meter-stale 1", "alarm-cleared meter-stale 3");
        assertThat(lines.get(0).get("message").asText()).isEqualTo("site meter 7 s old");
        assertThat(lines.get(0).get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(lines.get(0).get("inputs").get("siteQuality").asText()).isEqualTo("GOOD");
    }

    @Test
    void rotatesBySizeKeepingAtMostMaxFilesAndNeverSplittingALine() throws Exception {
        Path f = dir.resolve("decisions.jsonl");
        long maxBytes = 4_000;
        DecisionLog log = new DecisionLog(f, maxBytes, 3);
        for (long seq = 1; seq <= 60; seq++) {
            log.onCycle(report(seq, List.of(toEngine()), List.of()));
        }
        log.onShutdown();

        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("decisions.jsonl", "decisions.jsonl.1", "decisions.jsonl.2");
        }
        List<Long> seqs = new ArrayList<>();
        for (String name : List.of("decisions.jsonl.2", "decisions.jsonl.1", "decisions.jsonl")) {
            Path p = dir.resolve(name);
            assertThat(Files.size(p)).isLessThanOrEqualTo(maxBytes);
            lines(p).forEach(l -> seqs.add(l.get("seq").asLong())); // every line is whole JSON
        }
        // The newest lines are kept, contiguous and in order, ending with the last one written.
        assertThat(seqs.get(seqs.size() - 1)).isEqualTo(60);
        for (int i = 1; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(seqs.get(i - 1) + 1);
        }
        assertThat(seqs.get(0)).isGreaterThan(1);
    }

    @Test
    void appendsToAnExistingFileAfterARestart() throws Exception {
        Path f = dir.resolve("sub/decisions.jsonl");
        DecisionLog first = new DecisionLog(f, 1_000_000, 2);
        first.onCycle(report(1, List.of(toEngine()), List.of()));
        first.onShutdown();
        DecisionLog second = new DecisionLog(f, 1_000_000, 2);
        second.onCycle(report(2, List.of(toEngine()), List.of()));
        second.onShutdown();
        assertThat(lines(f)).extracting(l -> l.get("seq").asLong()).containsExactly(1L, 2L);
    }

    /** A daemon killed mid-write leaves half a line; the next one must not glue its first entry onto it. */
    @Test
    void aLineTornByAKillStaysAloneAndTheNextEntryStartsOnItsOwnLine() throws Exception {
        Path f = dir.resolve("decisions.jsonl");
        Files.writeString(f, "{\"ts\":\"2026-07-01T11:59:00Z\",\"event\":\"comm");
        DecisionLog log = new DecisionLog(f, 1_000_000, 2);
        log.onCycle(report(1, List.of(toEngine()), List.of()));
        log.onShutdown();
        List<String> raw = Files.readAllLines(f);
        assertThat(raw).hasSize(2);
        assertThat(raw.get(0)).isEqualTo("{\"ts\":\"2026-07-01T11:59:00Z\",\"event\":\"comm");
        assertThat(JSON.readTree(raw.get(1)).get("seq").asLong()).isEqualTo(1L);
    }

    @Test
    void anUnwritableLogIsCountedNotThrown() throws Exception {
        Path blocker = dir.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        DecisionLog log = new DecisionLog(blocker.resolve("decisions.jsonl"), 1_000, 2);
        log.onCycle(report(1, List.of(toEngine()), List.of(METER)));
        assertThat(log.writeErrors()).isGreaterThan(0);
        assertThat(log.lines()).isZero();
    }

    @Test
    void runsBehindAPublishHubOffTheCallersThread() throws Exception {
        Path f = dir.resolve("decisions.jsonl");
        DecisionLog log = new DecisionLog(f, 1_000_000, 2);
        PublishHub hub = PublishHub.start("decision-log", log, 64);
        hub.onCycle(report(1, List.of(toEngine()), List.of(METER)));
        assertThat(hub.close(Duration.ofSeconds(2))).isTrue();
        assertThat(lines(f)).extracting(l -> l.get("event").asText()).containsExactly("command", "alarm-raised");
    }
}
