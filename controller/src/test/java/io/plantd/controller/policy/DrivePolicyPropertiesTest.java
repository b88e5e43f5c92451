package io.plantd.controller.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.cycle.ChillerStatus;
import io.plantd.controller.cycle.CommandChange;
import io.plantd.controller.cycle.StepOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The invariants of DESIGN.md §10 over random plants, load traces and faults. */
class DrivePolicyPropertiesTest {
    private static final int SECONDS = 1800;

    @Property(tries = 12)
    void neverStartsAnIneligibleEngine(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int chillers) {
        RandomPlantRun run = new RandomPlantRun(seed, chillers, SECONDS);
        Map<String, Integer> lastStopAt = new HashMap<>();
        Map<String, Integer> lockedUntil = new HashMap<>();
        for (Map.Entry<Integer, CommandChange> e : run.changes()) {
            int t = e.getKey();
            CommandChange c = e.getValue();
            ChillerConfig cfg = run.config(c.chillerId());
            boolean start = RandomPlantRun.engineSide(c.to()) && !RandomPlantRun.engineSide(c.from());
            if (start) {
                RandomPlantRun.Truth truth = run.truth.get(t)[run.index(c.chillerId())];
                assertThat(truth.ready()).as("%s started at %d while not ready", c.chillerId(), t).isTrue();
                assertThat(truth.gasLow()).as("%s started at %d with gas low", c.chillerId(), t).isFalse();
                assertThat(truth.fault()).as("%s started at %d with a fault", c.chillerId(), t).isFalse();
                assertThat(cfg.engine().yearlyHourBudget()).as("%s has no engine hours", c.chillerId()).isPositive();
                assertThat(t).as("%s started while locked out", c.chillerId())
                        .isGreaterThanOrEqualTo(lockedUntil.getOrDefault(c.chillerId(), 0));
                Integer stop = lastStopAt.get(c.chillerId());
                if (stop != null) {
                    assertThat(t - stop).as("%s min off", c.chillerId()).isGreaterThanOrEqualTo((int) cfg.engine().minOffS());
                }
            }
            if (RandomPlantRun.engineSide(c.from()) && !RandomPlantRun.engineSide(c.to())) {
                lastStopAt.put(c.chillerId(), t);
            }
            if (c.reason() == Reason.ENGINE_FAIL_TO_START || c.reason() == Reason.ENGINE_TRIP) {
                lockedUntil.put(c.chillerId(), t + (int) cfg.engine().lockoutS());
            }
        }
    }

    @Property(tries = 12)
    void startsPerHourAreNeverExceeded(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int chillers) {
        RandomPlantRun run = new RandomPlantRun(seed, chillers, SECONDS * 2);
        Map<String, List<Integer>> starts = new HashMap<>();
        for (Map.Entry<Integer, CommandChange> e : run.changes()) {
            CommandChange c = e.getValue();
            if (RandomPlantRun.engineSide(c.to()) && !RandomPlantRun.engineSide(c.from())) {
                starts.computeIfAbsent(c.chillerId(), k -> new ArrayList<>()).add(e.getKey());
            }
        }
        starts.forEach((id, times) -> {
            int max = run.config(id).engine().maxStartsPerHour();
            for (int i = 0; i < times.size(); i++) {
                int from = times.get(i);
                long inHour = times.stream().filter(x -> x >= from && x < from + 3600).count();
                assertThat(inHour).as("%s starts in the hour from %d", id, from).isLessThanOrEqualTo(max);
            }
        });
    }

    @Property(tries = 12)
    void noReturnToMotorBeforeMinRunUnlessSafetyForcesIt(@ForAll long seed,
                                                         @ForAll @IntRange(min = 1, max = 8) int chillers) {
        RandomPlantRun run = new RandomPlantRun(seed, chillers, SECONDS);
        Map<String, Integer> startAt = new HashMap<>();
        for (Map.Entry<Integer, CommandChange> e : run.changes()) {
            CommandChange c = e.getValue();
            if (RandomPlantRun.engineSide(c.to()) && !RandomPlantRun.engineSide(c.from())) {
                startAt.put(c.chillerId(), e.getKey());
            } else if (RandomPlantRun.engineSide(c.from()) && !RandomPlantRun.engineSide(c.to())) {
                assertThat(c.reason()).isIn(Reason.CAP_RELEASED, Reason.ENGINE_FAIL_TO_START, Reason.ENGINE_TRIP,
                        Reason.CHILLER_LOCAL_REVERT, Reason.GAS_LOSS, Reason.ENGINE_LOCKED_OUT);
                if (c.reason() == Reason.CAP_RELEASED && startAt.containsKey(c.chillerId())) {
                    int ran = e.getKey() - startAt.get(c.chillerId());
                    assertThat(ran).as("%s ran %d s", c.chillerId(), ran)
                            .isGreaterThanOrEqualTo((int) run.config(c.chillerId()).engine().minRunS());
                }
            }
        }
    }

    @Property(tries = 12)
    void predictedDrawFitsTheCapWheneverAFeasibleAssignmentExists(@ForAll long seed,
                                                                  @ForAll @IntRange(min = 1, max = 8) int chillers) {
        RandomPlantRun run = new RandomPlantRun(seed, chillers, SECONDS);
        for (StepOutput o : run.outputs()) {
            double predicted = o.report().site().predictedKw();
            double cap = o.report().site().effectiveCapKw();
            if (predicted <= cap + 1e-6) {
                assertThat(o.report().site().curtailmentRequestKw()).isZero();
                continue;
            }
            // over the cap: only allowed when nothing more could be moved to engine
            assertThat(o.report().site().curtailmentRequestKw()).as("curtailment at %s", o.report().at()).isPositive();
            assertThat(o.report().alarms()).anyMatch(a -> a.id().equals("cap-infeasible"));
            for (ChillerStatus s : o.report().chillers()) {
                if (!s.stale() && s.eligible()) {
                    assertThat(s.commanded()).as("%s at %s left on %s while infeasible", s.id(), o.report().at(),
                            s.commanded()).isEqualTo(DriveMode.ENGINE);
                }
            }
        }
    }

    @Property(tries = 4)
    void sameInputsGiveTheSameOutputs(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int chillers) {
        List<StepOutput> a = new RandomPlantRun(seed, chillers, 600).outputs();
        List<StepOutput> b = new RandomPlantRun(seed, chillers, 600).outputs();
        assertThat(a).isEqualTo(b);
    }
}
