package io.plantd.app.e2e;

import io.plantd.app.decisions.DecisionLogFile;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.config.ChillerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shipped scenario, end to end: the packaged daemon against the simulator, scored from the
 * simulator's ground truth (DESIGN §10, issue 5). All scenarios are played once, two at a time,
 * before the assertions; each test then checks one scenario's outcome.
 *
 * <p>Time runs {@value #TIME_SCALE}× faster than real time for both the plant and the daemon (a
 * 1 s cycle is 10 ms of wall time), so the eight scenarios (7.5 simulated hours) take about two
 * minutes.
 */
class ScenarioE2EIT {
    static final double TIME_SCALE = 100;
    static final List<String> SCENARIOS = List.of("heat-wave", "dr-event", "it-spike", "meter-loss",
            "engine-fail-to-start", "gas-loss", "grid-outage", "normal-day");
    /** DriveMode code written to the chiller's drive_mode_cmd register. */
    private static final int LOCAL = 0;

    private static final Map<String, ScenarioRun.Outcome> OUTCOMES = new LinkedHashMap<>();
    private static final Map<String, Throwable> FAILURES = new LinkedHashMap<>();
    private static Path root;
    private static long suiteNanos;

    @BeforeAll
    static void playEveryScenario() throws Exception {
        root = Files.createTempDirectory("plantd-e2e-");
        long t0 = System.nanoTime();
        ExecutorService lanes = Executors.newFixedThreadPool(2);
        Map<String, Future<ScenarioRun.Outcome>> runs = new LinkedHashMap<>();
        for (String name : SCENARIOS) {
            Path folder = Files.createDirectories(root.resolve(name));
            runs.put(name, lanes.submit(() -> ScenarioRun.play(name, TIME_SCALE, folder)));
        }
        for (var run : runs.entrySet()) {
            try {
                OUTCOMES.put(run.getKey(), run.getValue().get());
            } catch (java.util.concurrent.ExecutionException e) {
                FAILURES.put(run.getKey(), e.getCause());
            }
        }
        lanes.shutdown();
        suiteNanos = System.nanoTime() - t0;
    }

    @AfterAll
    static void printTable() {
        System.out.printf(Locale.ROOT, "%nend-to-end scenarios at %.0fx (runs in %s), wall %.1f s%n", TIME_SCALE, root,
                suiteNanos / 1e9);
        System.out.printf(Locale.ROOT, "%-22s %8s %10s %10s %12s %8s%n", "scenario", "wall s", "s over cap",
                "worst kW", "starts", "maxh");
        OUTCOMES.forEach((name, o) -> System.out.printf(Locale.ROOT, "%-22s %8.1f %10d %10.0f %12s %8s%n", name,
                o.wallTime().toMillis() / 1000.0, o.truth().secondsOverCap(), o.truth().worstOvershootKw(),
                o.engineStarts().values(), o.maxStartsInAnyHour().values()));
        FAILURES.forEach((name, e) -> System.out.printf("%-22s FAILED TO RUN: %s%n", name, e));
    }

    private static ScenarioRun.Outcome outcome(String name) {
        Throwable failure = FAILURES.get(name);
        if (failure != null) {
            throw new AssertionError(name + " could not be played", failure);
        }
        return OUTCOMES.get(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"normal-day", "heat-wave", "dr-event", "it-spike", "meter-loss", "engine-fail-to-start",
            "gas-loss", "grid-outage"})
    void common_outcomes(String name) {
        ScenarioRun.Outcome o = outcome(name);
        String context = name + "\n" + o.daemonOutput().lines().filter(l -> l.contains("WARN") || l.contains("ERROR"))
                .limit(40).reduce("", (a, b) -> a + "\n" + b);

        assertThat(o.aliveAtEnd()).as("daemon still running at the scenario's end: %s", context).isTrue();
        assertThat(o.truth().seconds()).as("simulated seconds").isGreaterThanOrEqualTo(o.scenario().durationS());
        if (o.scenario().feasible()) {
            assertThat(o.truth().secondsOverCap()).as("%s: seconds over the cap (worst %.0f kW)", name,
                    o.truth().worstOvershootKw()).isZero();
        }
        for (ChillerConfig c : o.site().chillers()) {
            assertThat(o.maxStartsInAnyHour().get(c.id())).as("%s %s: engine starts in any hour", name, c.id())
                    .isLessThanOrEqualTo(c.engine().maxStartsPerHour());
        }
        assertThat(o.truth().unmetTonHours()).as("%s: cooling never turned off to meet a cap", name).isZero();

        // shutdown posture: SIGTERM → exit 0 and every chiller handed back to LOCAL
        assertThat(o.exitCode()).as("exit code after SIGTERM: %s", context).isZero();
        assertThat(o.commandAfterExit()).as("drive_mode_cmd of every chiller after the daemon exited")
                .allSatisfy((id, code) -> assertThat(code).as(id).isEqualTo(LOCAL));
        assertThat(o.daemonOutput()).contains("posture LOCAL verified on " + o.site().chillers().size());
        assertThat(o.decisions()).filteredOn(e -> e.event().equals("command")
                        && e.text("reason").equals("SHUTDOWN_POSTURE"))
                .as("decision log: the shutdown posture").isNotEmpty();
    }

    @Test
    void heat_wave_moves_chillers_to_engine_ahead_of_the_predicted_breach() {
        ScenarioRun.Outcome o = outcome("heat-wave");
        assertThat(commandsTo(o, "ENGINE", Set.of("CAP_PREDICTED_EXCEEDED"))).isNotEmpty();
    }

    @Test
    void dr_event_has_engines_carrying_cooling_before_the_event_and_none_return_during_it() {
        ScenarioRun.Outcome o = outcome("dr-event");
        // announced at 300 s for 900–2700 s with an 8.6 MW limit: at least three of the four ~300 kW
        // units must be on engine when it starts (the 0 s over the cap is asserted for every scenario)
        long onEngineAtStart = o.site().chillers().stream().filter(c -> lastCommandBefore(o, c.id(), 900.0)
                .map(e -> e.text("to").equals("ENGINE")).orElse(false)).count();
        assertThat(onEngineAtStart).as("chillers commanded to engine by the event start").isGreaterThanOrEqualTo(3);
        assertThat(o.decisions()).filteredOn(e -> e.event().equals("command") && e.text("to").equals("MOTOR")
                        && between(o, e, 900, 2700))
                .as("no return to motor while the grid event is active").isEmpty();
    }

    private static java.util.Optional<DecisionLogFile.Entry> lastCommandBefore(ScenarioRun.Outcome o, String chiller,
                                                                             double atS) {
        return o.decisions().stream().filter(e -> e.event().equals("command") && e.text("chiller").equals(chiller)
                && o.at(e) <= atS).reduce((a, b) -> b);
    }

    @Test
    void grid_outage_puts_engines_on_cooling() {
        ScenarioRun.Outcome o = outcome("grid-outage");
        // frequency sags at 540 s, the utility fails at 600 s
        assertThat(commandsTo(o, "ENGINE", Set.of("GRID_LOW_FREQUENCY", "GRID_OUTAGE", "GRID_EVENT")))
                .anySatisfy(e -> assertThat(o.at(e)).isBetween(540.0, 1800.0));
    }

    @Test
    void meter_loss_raises_meter_stale_while_the_meter_is_frozen_and_while_it_is_silent() {
        ScenarioRun.Outcome o = outcome("meter-loss");
        List<DecisionLogFile.Entry> raised = alarms(o, a -> a.equals("meter-stale"));
        assertThat(raised).as("meter-stale during the freeze (1200–1440 s)")
                .anySatisfy(e -> assertThat(o.at(e)).isBetween(1200.0, 1440.0));
        assertThat(raised).as("meter-stale during the dropout (2000–2300 s)")
                .anySatisfy(e -> assertThat(o.at(e)).isBetween(2000.0, 2300.0));
        // never engine → motor while the meter is bad
        assertThat(o.decisions()).filteredOn(e -> e.event().equals("command") && e.text("from").equals("ENGINE")
                        && e.text("to").equals("MOTOR")
                        && (between(o, e, 1200, 1440) || between(o, e, 2000, 2300)))
                .as("engine → motor while the meter is stale").isEmpty();
    }

    @Test
    void engine_fail_to_start_locks_the_engine_out_and_dispatches_the_next_unit() {
        ScenarioRun.Outcome o = outcome("engine-fail-to-start");
        assertThat(alarms(o, a -> a.equals("engine-fail-to-start-ch1") || a.equals("engine-fail-to-start-ch2")))
                .as("fail-to-start alarm for ch1 or ch2").isNotEmpty();
        List<DecisionLogFile.Entry> lockouts = alarms(o, a -> a.startsWith("engine-lockout-"));
        assertThat(lockouts).as("lockout alarms").isNotEmpty();
        // while locked out, a unit is never commanded to engine again
        Pattern until = Pattern.compile("locked out until (\\S+):");
        for (DecisionLogFile.Entry lockout : lockouts) {
            String chiller = lockout.text("alarm").substring("engine-lockout-".length());
            Matcher m = until.matcher(lockout.text("message"));
            assertThat(m.find()).as(lockout.text("message")).isTrue();
            Instant end = Instant.parse(m.group(1));
            assertThat(commandsTo(o, "ENGINE", Set.of())).as("%s to engine during its lockout", chiller)
                    .noneMatch(e -> e.text("chiller").equals(chiller) && e.ts().isAfter(lockout.ts())
                            && e.ts().isBefore(end));
        }
        // the healthy units carry the cap (0 s over it, asserted for every feasible scenario)
        assertThat(o.engineStarts().get("ch3")).as("ch3 engine starts").isPositive();
        assertThat(o.engineStarts().get("ch4")).as("ch4 engine starts").isPositive();
    }

    @Test
    void it_spike_sends_engines_within_a_minute_of_the_spike() {
        ScenarioRun.Outcome o = outcome("it-spike");
        // IT load jumps ~900 kW within 90 s from 600 s on
        assertThat(commandsTo(o, "ENGINE", Set.of("CAP_PREDICTED_EXCEEDED", "CAP_EXCEEDED")))
                .first().satisfies(e -> assertThat(o.at(e)).isBetween(600.0, 660.0));
    }

    @Test
    void gas_loss_alarms_and_requests_it_curtailment() {
        ScenarioRun.Outcome o = outcome("gas-loss");
        assertThat(o.scenario().feasible()).as("gas-loss is shipped as infeasible").isFalse();
        assertThat(alarms(o, a -> a.equals("gas-loss")))
                .anySatisfy(e -> assertThat(o.at(e)).isBetween(1500.0, 2400.0));
        List<DecisionLogFile.Entry> infeasible = alarms(o, a -> a.equals("cap-infeasible"));
        assertThat(infeasible).as("cap-infeasible alarm").isNotEmpty();
        assertThat(o.decisions()).as("an IT curtailment request published with the decisions")
                .anySatisfy(e -> assertThat(e.input("curtailmentRequestKw")).isGreaterThan(0.0));
    }

    private static boolean between(ScenarioRun.Outcome o, DecisionLogFile.Entry e, double from, double to) {
        double t = o.at(e);
        return t >= from && t <= to;
    }

    private static List<DecisionLogFile.Entry> commandsTo(ScenarioRun.Outcome o, String mode, Set<String> reasons) {
        List<DecisionLogFile.Entry> out = new ArrayList<>();
        for (DecisionLogFile.Entry e : o.decisions()) {
            if (e.event().equals("command") && e.text("to").equals(mode)
                    && (reasons.isEmpty() || reasons.contains(e.text("reason")))) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<DecisionLogFile.Entry> alarms(ScenarioRun.Outcome o, Predicate<String> id) {
        return o.decisions().stream().filter(e -> e.event().equals("alarm-raised") && id.test(e.text("alarm")))
                .toList();
    }

    static Duration suiteWallTime() {
        return Duration.ofNanos(suiteNanos);
    }
}
