package io.plantd.controller.policy;

import io.plantd.controller.command.Command;
import io.plantd.controller.command.Command.OverrideMode;
import io.plantd.controller.command.CommandResult;
import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.config.GridFeedConfig;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.Alarm;
import io.plantd.controller.cycle.ChillerStatus;
import io.plantd.controller.cycle.CommandChange;
import io.plantd.controller.cycle.CycleReport;
import io.plantd.controller.cycle.CycleStep;
import io.plantd.controller.cycle.DriveCommand;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.cycle.Headroom;
import io.plantd.controller.cycle.SiteStatus;
import io.plantd.controller.cycle.StepOutput;
import io.plantd.controller.estimate.ChillerReading;
import io.plantd.controller.estimate.PlantEstimator;
import io.plantd.controller.estimate.PlantReader;
import io.plantd.controller.estimate.SiteEstimate;
import io.plantd.controller.estimate.SiteReading;
import io.plantd.controller.state.ChillerState;
import io.plantd.controller.state.PlantState;
import io.plantd.drivers.point.ProcessImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The estimate-and-decide part of a control cycle: reads the frozen image, applies external
 * commands, estimates, runs the {@link DrivePolicy}, records the commands in the
 * {@link PlantState} and builds the report.
 *
 * <p>In {@link OperatingMode#MONITOR_ONLY} the decision is made and reported in full, but
 * {@link StepOutput#commands()} is <b>empty</b> so the runtime writes nothing; the report's
 * {@code commanded} shows what plantd would command, {@code changes} lists each would-be change
 * once (detail prefixed "monitor-only, not written"), and the plant state follows the chillers'
 * actual drives, so that switching back to AUTO causes no needless switching.
 *
 * <p>A chiller that was stale since start has no command yet: it gets no {@link DriveCommand}
 * and its status shows commanded LOCAL (what its own watchdog does). {@code actual} is null when
 * the drive status cannot be read.
 */
public final class PolicyCycleStep implements CycleStep {
    /** Headroom is republished every cycle; consumers should not trust it longer than this. */
    static final long HEADROOM_VALID_MS = 10_000;

    private final SiteConfig config;
    private final List<ChillerConfig> chillers;
    private final PlantState state;
    private final PlantReader reader;
    private final PlantEstimator estimator;
    private final CapCalculator capCalculator;
    private final DrivePolicy policy;
    private final Eligibility eligibility = new Eligibility();
    private final AlarmHold alarmHold = new AlarmHold();
    private final ChillerReading[] readings;
    private final double[] leadTimeS;
    private final DriveMode[] monitorShadow;
    private final double[] monitorShadowShare;
    private final boolean gridFeedExpected;
    /** Per chiller, a refused command to show in this cycle's status (null when none). */
    private final String[] commandNotes;
    private long sequence;
    private List<CommandOutcome> lastOutcomes = List.of();

    /** A fresh controller for {@code config} (no history: the first cycle adopts the plant). */
    public PolicyCycleStep(SiteConfig config) {
        this(config, new PlantState(config.chillers()));
    }

    /** Continues from a restored {@code state} (its chillers must match the config's, in order). */
    public PolicyCycleStep(SiteConfig config, PlantState state) {
        if (state.chillers().size() != config.chillers().size()) {
            throw new IllegalArgumentException("plant state has " + state.chillers().size()
                    + " chillers, config " + config.chillers().size());
        }
        for (int i = 0; i < config.chillers().size(); i++) {
            if (!state.chiller(i).id().equals(config.chillers().get(i).id())) {
                throw new IllegalArgumentException("plant state chiller " + i + " is " + state.chiller(i).id()
                        + ", config says " + config.chillers().get(i).id());
            }
        }
        this.config = config;
        this.chillers = config.chillers();
        this.state = state;
        this.reader = new PlantReader(config);
        this.estimator = new PlantEstimator(config);
        this.capCalculator = new CapCalculator(config.site(), config.control().gridEvents());
        this.policy = new DrivePolicy(config);
        this.readings = new ChillerReading[chillers.size()];
        this.leadTimeS = new double[chillers.size()];
        this.monitorShadow = new DriveMode[chillers.size()];
        this.monitorShadowShare = new double[chillers.size()];
        this.commandNotes = new String[chillers.size()];
        this.gridFeedExpected = config.grid() != null && config.grid().source() != GridFeedConfig.Source.NONE;
    }

    /** The state carried between cycles (for persistence; do not mutate from another thread). */
    public PlantState state() {
        return state;
    }

    /** How each command passed to the last {@link #step} was applied or why it was refused. */
    public List<CommandOutcome> lastCommandOutcomes() {
        return lastOutcomes;
    }

    @Override
    public StepOutput step(ProcessImage image, GridStatus grid, Instant now, List<Command> commands) {
        long nowMs = now.toEpochMilli();
        SiteReading site = reader.site(image);
        for (int i = 0; i < readings.length; i++) {
            readings[i] = reader.chiller(image, i);
        }
        lastOutcomes = applyCommands(commands, nowMs);
        accumulateRunTime(nowMs);

        double horizon = horizon(nowMs);
        SiteEstimate est = estimator.estimate(site, readings, nowMs, horizon);
        CapPicture cap = capCalculator.compute(grid, state.temporaryCapAt(nowMs), horizon, nowMs);
        double priceE = grid.good() && grid.priceElectricity() > 0 ? grid.priceElectricity()
                : config.site().tariff().electricityPerKwh();
        double priceG = grid.good() && grid.priceGas() > 0 ? grid.priceGas() : config.site().tariff().gasPerTherm();
        boolean economic = config.control().economic().enabled() && state.economicEnabled();
        PolicyInput in = new PolicyInput(est, readings.clone(), cap, leadTimeS.clone(), horizon, priceE, priceG,
                economic, gridFeedExpected, grid.good());

        PolicyResult result = policy.decide(in, state, nowMs);
        OperatingMode mode = state.mode();
        List<CommandChange> changes = new ArrayList<>();
        List<DriveCommand> driveCommands = new ArrayList<>(chillers.size());
        if (mode == OperatingMode.AUTO) {
            commit(result, nowMs, changes, driveCommands);
        } else {
            monitor(result, nowMs, changes);
        }
        List<Alarm> alarms = alarms(result, nowMs);

        CycleReport report = new CycleReport(++sequence, now, 0, 0, mode, economic,
                new SiteStatus(est.siteKw(), est.siteQuality(), est.itKw(), est.coolingKw(), est.otherKw(),
                        result.predictedKw, cap.serviceKw(), cap.onThresholdKw(), est.demandAverageKw(),
                        result.curtailmentKw),
                grid, statuses(result, nowMs), changes, alarms,
                new Headroom(result.headroomKw, Math.round(horizon), now.plusMillis(HEADROOM_VALID_MS)));
        return new StepOutput(report, driveCommands);
    }

    // ---------------------------------------------------------------- commands

    private List<CommandOutcome> applyCommands(List<Command> commands, long nowMs) {
        java.util.Arrays.fill(commandNotes, null);
        if (commands.isEmpty()) {
            return List.of();
        }
        List<CommandOutcome> outcomes = new ArrayList<>(commands.size());
        for (Command c : commands) {
            outcomes.add(new CommandOutcome(c, apply(c, nowMs)));
        }
        return List.copyOf(outcomes);
    }

    private CommandResult apply(Command command, long nowMs) {
        long maxMs = nowMs + config.control().overrideMaxS() * 1000;
        if (command instanceof Command.Override o) {
            int i = state.indexOf(o.chillerId());
            if (i < 0) {
                return CommandResult.rejected("unknown chiller '" + o.chillerId() + "'");
            }
            ChillerState s = state.chiller(i);
            if (o.mode() == OverrideMode.AUTO) {
                s.override(OverrideMode.AUTO, ChillerState.NEVER);
                return CommandResult.accepted("override cleared on " + o.chillerId(), Optional.empty());
            }
            long until = o.expiresAt() == null ? nowMs + config.control().overrideDefaultS() * 1000
                    : Math.min(o.expiresAt().toEpochMilli(), maxMs);
            if (until <= nowMs) {
                return CommandResult.rejected("override expiry " + o.expiresAt() + " is not in the future");
            }
            if (o.mode() == OverrideMode.ENGINE && !s.onEngineSide()) {
                Reason why = eligibility.toStart(readings[i], s, chillers.get(i).engine(), nowMs, true);
                if (why != null) {
                    String text = "ENGINE override refused for " + o.chillerId() + ": " + why
                            + " (" + eligibility.detail() + ")";
                    commandNotes[i] = text;
                    return CommandResult.rejected(text);
                }
            }
            s.override(o.mode(), until);
            return CommandResult.accepted("override " + o.mode() + " on " + o.chillerId(),
                    Optional.of(Instant.ofEpochMilli(until)));
        }
        if (command instanceof Command.TemporaryCap t) {
            if (!Double.isFinite(t.capKw()) || t.capKw() <= 0) {
                return CommandResult.rejected("temporary cap must be a positive number of kW, was " + t.capKw());
            }
            if (t.capKw() >= config.site().serviceCapacityKw()) {
                return CommandResult.rejected("temporary cap " + t.capKw() + " kW is not below the service capacity "
                        + config.site().serviceCapacityKw() + " kW");
            }
            long until = t.expiresAt() == null ? nowMs + config.control().overrideDefaultS() * 1000
                    : Math.min(t.expiresAt().toEpochMilli(), maxMs);
            if (until <= nowMs) {
                return CommandResult.rejected("temporary cap expiry " + t.expiresAt() + " is not in the future");
            }
            state.temporaryCap(t.capKw(), until);
            return CommandResult.accepted("temporary cap " + t.capKw() + " kW", Optional.of(Instant.ofEpochMilli(until)));
        }
        if (command instanceof Command.ClearTemporaryCap) {
            boolean was = !Double.isNaN(state.temporaryCapAt(nowMs));
            state.temporaryCap(Double.NaN, ChillerState.NEVER);
            return CommandResult.accepted(was ? "temporary cap cleared" : "no temporary cap was in force",
                    Optional.empty());
        }
        if (command instanceof Command.Mode m) {
            m.mode().ifPresent(state::mode);
            m.economicEnabled().ifPresent(state::economicEnabled);
            return CommandResult.accepted("mode " + state.mode() + ", economic "
                    + (state.economicEnabled() ? "on" : "off"), Optional.empty());
        }
        if (command instanceof Command.Rebirth) {
            return CommandResult.accepted("rebirth (republished by the publishers)", Optional.empty());
        }
        return CommandResult.rejected("unknown command " + command.getClass().getSimpleName());
    }

    // ---------------------------------------------------------------- timing inputs

    private void accumulateRunTime(long nowMs) {
        long last = state.lastStepMs();
        state.lastStepMs(nowMs);
        if (last == ChillerState.NEVER || nowMs <= last) {
            return;
        }
        // a long gap (daemon paused) is not counted as running: we did not see it
        double dt = Math.min((nowMs - last) / 1000.0, 10.0);
        for (int i = 0; i < readings.length; i++) {
            if (!readings[i].stale() && readings[i].engineRunning()) {
                state.chiller(i).addRunTime(dt, nowMs);
            }
        }
    }

    /** The longest learned lead time among units that could start now, else among all units. */
    private double horizon(long nowMs) {
        double candidates = 0;
        double all = 0;
        for (int i = 0; i < readings.length; i++) {
            ChillerState s = state.chiller(i);
            leadTimeS[i] = s.learnedLeadTimeS(chillers.get(i).engine().leadTimeS());
            all = Math.max(all, leadTimeS[i]);
            ChillerReading r = readings[i];
            if (!r.stale() && !s.onEngineSide() && r.engineReady() && !r.gasPressureLow() && !r.fault()
                    && !s.lockedOut(nowMs)) {
                candidates = Math.max(candidates, leadTimeS[i]);
            }
        }
        double h = candidates > 0 ? candidates : all;
        return h > 0 ? h : 1;
    }

    // ---------------------------------------------------------------- commit and report

    private void commit(PolicyResult result, long nowMs, List<CommandChange> changes, List<DriveCommand> out) {
        for (int i = 0; i < chillers.size(); i++) {
            monitorShadow[i] = null;
            DriveMode mode = result.mode[i];
            if (mode == null) {
                continue;
            }
            ChillerState s = state.chiller(i);
            DriveMode from = s.commanded();
            double share = result.share[i];
            if (from != mode || (mode == DriveMode.BLEND && Math.abs(s.engineShare() - share) > 1e-9)) {
                s.command(mode, share, DrivePolicy.roleOf(i, result), nowMs);
                changes.add(new CommandChange(chillers.get(i).id(), from, mode, share, result.reason[i],
                        result.detail[i]));
            }
            out.add(new DriveCommand(chillers.get(i).id(), mode, share, result.reason[i], result.detail[i]));
        }
    }

    private void monitor(PolicyResult result, long nowMs, List<CommandChange> changes) {
        for (int i = 0; i < chillers.size(); i++) {
            DriveMode mode = result.mode[i];
            ChillerReading r = readings[i];
            if (mode != null && (monitorShadow[i] != mode
                    || (mode == DriveMode.BLEND && Math.abs(monitorShadowShare[i] - result.share[i]) > 1e-9))) {
                DriveMode from = monitorShadow[i] != null ? monitorShadow[i] : state.chiller(i).commanded();
                if (from != mode || monitorShadow[i] != null) {
                    changes.add(new CommandChange(chillers.get(i).id(), from, mode, result.share[i],
                            result.reason[i], "monitor-only, not written: " + result.detail[i]));
                }
                monitorShadow[i] = mode;
                monitorShadowShare[i] = result.share[i];
            }
            if (!r.stale() && r.actualMode() != null) {
                DrivePolicy.adopt(r, state.chiller(i), chillers.get(i), nowMs);
            }
        }
    }

    private List<Alarm> alarms(PolicyResult result, long nowMs) {
        List<PolicyResult.PendingAlarm> pending = alarmHold.apply(result.alarms, nowMs);
        if (pending.isEmpty()) {
            state.retainAlarms(Set.of());
            return List.of();
        }
        List<Alarm> alarms = new ArrayList<>(pending.size());
        Set<String> ids = new HashSet<>();
        for (PolicyResult.PendingAlarm a : pending) {
            if (ids.add(a.id())) {
                long since = state.raise(a.id(), nowMs);
                alarms.add(new Alarm(a.id(), a.severity(), a.message(), Instant.ofEpochMilli(since)));
            }
        }
        state.retainAlarms(ids);
        return alarms;
    }

    private List<ChillerStatus> statuses(PolicyResult result, long nowMs) {
        List<ChillerStatus> list = new ArrayList<>(chillers.size());
        for (int i = 0; i < chillers.size(); i++) {
            ChillerReading r = readings[i];
            ChillerState s = state.chiller(i);
            DriveMode commanded = result.mode[i] != null ? result.mode[i] : DriveMode.LOCAL;
            String detail = commandNotes[i] == null ? result.detail[i] : commandNotes[i] + "; " + result.detail[i];
            list.add(new ChillerStatus(chillers.get(i).id(), commanded, r.actualMode(), result.share[i], r.motorKw(),
                    result.reason[i], detail, result.eligible[i],
                    result.ineligibleBecause[i] == null ? "" : result.ineligibleBecause[i], r.stale(),
                    s.totalStarts(), s.engineRunSeconds(), leadTimeS[i], result.overridden[i]));
        }
        return list;
    }
}
