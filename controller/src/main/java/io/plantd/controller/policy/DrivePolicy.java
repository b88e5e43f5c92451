package io.plantd.controller.policy;

import io.plantd.controller.command.Command.OverrideMode;
import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.cycle.Alarm.Severity;
import io.plantd.controller.estimate.ChillerReading;
import io.plantd.controller.estimate.SiteEstimate;
import io.plantd.controller.state.ChillerState;
import io.plantd.controller.state.EngineRole;
import io.plantd.controller.state.PlantState;
import java.util.List;

/**
 * The drive policy of DESIGN.md §3: a deterministic function of (readings, estimate, cap, plant
 * state, time). It reads no clock and does no I/O; the only state it changes is the plant
 * state's timers, start history and lock-outs, as the rules require.
 *
 * <p>Order within a cycle: stale chillers are held; engine safety (fail-to-start, trip, gas
 * loss) and a unit that left plantd's control (watchdog revert to LOCAL) force motor; overrides apply where safety allows; then with the prediction
 * {@code P = base forecast + Σ expected chiller kW under its command}: grid outage puts every
 * eligible engine on; P above the effective cap dispatches engines (blend shares first, then
 * eligible units, most kW first); otherwise one engine at a time may return to motor after the
 * release delay, and economic mode may start engines.
 */
public final class DrivePolicy {
    /** Engine minimum load: a blend share below this is not offered. */
    static final double MIN_BLEND_SHARE = 0.25;
    static final double SHARE_STEP = 0.05;
    /** A confirmed-running engine that still has not carried the load after this many L stops being timed. */
    static final double LEAD_MEASURE_GIVE_UP = 3.0;
    /**
     * A chiller unreachable this long had its heartbeat writes fail for as long: long enough for a
     * typical unit watchdog (60 s, DOMAIN-NOTES) to have reverted it to local control.
     */
    static final long WATCHDOG_BLIND_MS = 60_000;

    private final SiteConfig config;
    private final List<ChillerConfig> chillers;
    private final Eligibility eligibility = new Eligibility();
    private final Economics economics;
    private final int n;
    private final boolean[] fixed;
    private final boolean[] started;
    private final boolean[] adoptedNow;
    private final DriveMode[] adoptedMode;
    private final Reason[] ineligibleReason;
    private final double[] equivalent;
    private final int[] order;
    private final StringBuilder sb = new StringBuilder(256);

    public DrivePolicy(SiteConfig config) {
        this.config = config;
        this.chillers = config.chillers();
        this.n = chillers.size();
        this.economics = new Economics(config.control().economic());
        this.fixed = new boolean[n];
        this.started = new boolean[n];
        this.adoptedNow = new boolean[n];
        this.adoptedMode = new DriveMode[n];
        this.ineligibleReason = new Reason[n];
        this.equivalent = new double[n];
        this.order = new int[n];
    }

    public PolicyResult decide(PolicyInput in, PlantState state, long nowMs) {
        PolicyResult out = new PolicyResult(n);
        ChillerReading[] rd = in.readings();
        SiteEstimate est = in.estimate();
        CapPicture cap = in.cap();
        double growth = est.coolingGrowth();

        for (int i = 0; i < n; i++) {
            fixed[i] = false;
            started[i] = false;
            adoptedNow[i] = false;
            ineligibleReason[i] = null;
            equivalent[i] = rd[i].motorEquivalentKw();
            prepare(i, rd[i], state.chiller(i), in.leadTimeS()[i], nowMs, out);
        }
        siteAlarms(in, out, nowMs);

        // --- the prediction this cycle works with
        boolean meterGood = est.meterGood();
        double base = meterGood ? est.basePredictedKw() : state.lastGoodPredictedKw();
        boolean predictionKnown = !Double.isNaN(base);
        double predicted = predictionKnown ? base + chillerKw(rd, out, growth) : Double.NaN;
        out.predictedBeforeKw = predicted;
        double need = predicted - cap.onThresholdKw();
        if (meterGood) {
            state.lastGood(base, need, nowMs);
        }

        if (!predictionKnown) {
            holdAll(rd, state, out, nowMs, "no good site meter reading yet: holding every command");
        } else if (cap.outage()) {
            outage(rd, state, out, nowMs);
        } else if (need > 0) {
            need = dispatch(in, state, out, nowMs, predicted, need);
            if (need > 0) {
                infeasible(in, out, predicted, need);
            }
            holdEngines(in, state, out, nowMs, predicted, Reason.CAP_PREDICTED_EXCEEDED,
                    "cap still binding: predicted over the effective cap");
        } else {
            release(in, state, out, nowMs, predicted);
            if (in.economicActive() && meterGood) {
                economic(in, state, out, nowMs);
            }
        }
        steady(rd, state, out, nowMs);
        for (int i = 0; i < n; i++) {
            if (adoptedNow[i] && out.mode[i] == adoptedMode[i] && out.reason[i] != Reason.STARTUP_ADOPT) {
                // the first cycle takes the plant as it is: no switch, and the reason says so
                out.detail[i] = "adopted actual drive " + adoptedMode[i] + "; " + out.detail[i];
                out.reason[i] = Reason.STARTUP_ADOPT;
            }
        }

        out.predictedKw = predictionKnown ? base + chillerKw(rd, out, growth) : Double.NaN;
        out.headroomKw = headroom(in, state, out, nowMs);
        return out;
    }

    // ---------------------------------------------------------------- per-chiller preparation

    private static void lockoutAlarm(ChillerConfig c, ChillerState s, long nowMs, PolicyResult out) {
        if (s.lockedOut(nowMs)) {
            out.alarm("engine-lockout-" + c.id(), Severity.WARNING, c.id() + " engine locked out until "
                    + java.time.Instant.ofEpochMilli(s.lockoutUntilMs()) + ": " + s.lockoutReason());
        }
    }

    private void prepare(int i, ChillerReading r, ChillerState s, double leadS, long nowMs, PolicyResult out) {
        ChillerConfig c = chillers.get(i);
        out.mode[i] = s.commanded();
        out.share[i] = s.engineShare();
        if (r.stale()) {
            s.seenStale(nowMs);
            // a lockout is plant state, not a reading: its alarm holds while the chiller's data is stale
            lockoutAlarm(c, s, nowMs, out);
            fixed[i] = true;
            s.releaseSince(ChillerState.NEVER);
            out.reason[i] = Reason.CHILLER_STALE_HOLD;
            out.detail[i] = "chiller data not fresh (" + r.staleBecause() + "): dropped from dispatch, holding "
                    + (s.commanded() == null ? "no command (never adopted)" : "last command " + s.commanded());
            out.ineligibleBecause[i] = "stale: " + r.staleBecause();
            out.alarm("chiller-stale-" + c.id(), Severity.WARNING,
                    c.id() + " data not fresh: " + r.staleBecause() + "; dropped from dispatch");
            return;
        }
        long blindMs = s.seenFresh(nowMs);
        boolean adoptNow = !s.adopted()
                || (s.commanded() == DriveMode.LOCAL && s.overrideAt(nowMs) == OverrideMode.AUTO);
        if (adoptNow) {
            adopt(r, s, c, nowMs);
            out.mode[i] = s.commanded();
            out.share[i] = s.engineShare();
 adoptedNow[i] = true;
            adoptedMode[i] = s.commanded();
            out.reason[i] = Reason.STARTUP_ADOPT;
            out.detail[i] = "adopted actual drive " + r.actualMode() + " as " + s.commanded()
                    + (r.engineRunning() ? " (engine running)" : "");
        }
        if (s.onEngineSide()) {
            supervise(i, r, s, c, leadS, blindMs, nowMs, out);
        }
        lockoutAlarm(c, s, nowMs, out);
        if (!fixed[i]) {
            applyOverride(i, r, s, c, nowMs, out);
        }
        if (!fixed[i] && !s.onEngineSide()) {
            Reason why = eligibility.toStart(r, s, c.engine(), nowMs, false);
            ineligibleReason[i] = why;
            out.eligible[i] = why == null;
            out.ineligibleBecause[i] = why == null ? "" : why + ": " + eligibility.detail();
        } else if (!fixed[i]) {
            Reason why = eligibility.toKeepRunning(r, s, nowMs);
            out.eligible[i] = why == null;
            out.ineligibleBecause[i] = why == null ? "" : why + ": " + eligibility.detail();
        } else {
            // forced or overridden: still show whether the engine could start, and why not
            Reason why = eligibility.toStart(r, s, c.engine(), nowMs, true);
            if (why == null && s.onEngineSide() && out.mode[i] != DriveMode.ENGINE && out.mode[i] != DriveMode.BLEND) {
                // taken off engine this cycle: the stop is recorded at commit, its min off starts now
                out.eligible[i] = false;
                out.ineligibleBecause[i] = Reason.ENGINE_MIN_OFF + ": engine stopped just now, min off "
                        + c.engine().minOffS() + " s";
            } else {
                out.eligible[i] = why == null;
                out.ineligibleBecause[i] = why == null ? "" : why + ": " + eligibility.detail();
            }
        }
    }

    /** Takes a chiller's actual drive as its command (LOCAL maps to what the unit runs on). */
    static void adopt(ChillerReading r, ChillerState s, ChillerConfig c, long nowMs) {
        DriveMode actual = r.actualMode();
        DriveMode as;
        double share = 0;
        if (actual == DriveMode.BLEND) {
            as = DriveMode.BLEND;
            share = r.motorKwMeasured() && r.motorEquivalentKw() > 0
                    ? clamp(1 - r.motorKw() / r.motorEquivalentKw(), MIN_BLEND_SHARE, 1) : 0.5;
        } else if (actual == DriveMode.ENGINE || (actual == DriveMode.LOCAL && r.engineRunning())) {
            as = DriveMode.ENGINE;
            share = 1;
        } else {
            as = DriveMode.MOTOR;
        }
        s.adopt(as, share, r.engineRunning(), nowMs);
    }

    /**
     * Start confirmation, lead-time measurement, fail-to-start, trip, gas loss and loss of control
     * of an engine-side unit. {@code blindMs}: how long the chiller was stale before this cycle.
     */
    private void supervise(int i, ChillerReading r, ChillerState s, ChillerConfig c, double leadS, long blindMs,
                           long nowMs, PolicyResult out) {
        long lockoutUntil = nowMs + c.engine().lockoutS() * 1000;
        // an unreadable engine_running is not a trip: hold until the point reads again
        if (s.engineConfirmed() && ((r.engineRunningKnown() && !r.engineRunning()) || r.engineStartFailed())) {
            String lostControl = lostControl(r, blindMs);
            if (lostControl != null) {
                localRevert(i, s, c, "engine stopped", lostControl, out);
                return;
            }
            String why = r.engineStartFailed() ? "engine reports a failure" : "engine stopped running";
            s.lockOut(lockoutUntil, "trip: " + why);
            forceMotor(i, s, Reason.ENGINE_TRIP, c.id() + " engine trip (" + why + "): back to motor, locked out "
                    + c.engine().lockoutS() + " s; next eligible unit dispatched if the cap needs it", out);
            out.alarm("engine-trip-" + c.id(), Severity.CRITICAL, c.id() + " engine tripped: " + why);
            return;
        }
        if (s.startPending() && !s.engineConfirmed()) {
            double waitedS = (nowMs - s.pendingStartAtMs()) / 1000.0;
            // back after a long outage with the engine still off: the start was out of plantd's hands
            boolean stoppedWhileBlind = blindMs >= WATCHDOG_BLIND_MS && r.engineRunningKnown() && !r.engineRunning();
            boolean timedOut = waitedS > leadS * 1.5;
            String lostControl = lostControl(r, blindMs);
            if (lostControl != null && (timedOut || stoppedWhileBlind)) {
                s.abandonPendingStart();
                localRevert(i, s, c, "engine not running " + Math.round(waitedS) + " s after start command",
                        lostControl, out);
                return;
            }
            if (r.engineStartFailed() || timedOut) {
                String why = r.engineStartFailed() ? "engine reported start failure after " + Math.round(waitedS) + " s"
                        : "engine not running " + Math.round(waitedS) + " s after start command (limit 1.5 × L = "
                        + Math.round(leadS * 1.5) + " s)";
                s.lockOut(lockoutUntil, "fail to start: " + why);
                s.abandonPendingStart();
                forceMotor(i, s, Reason.ENGINE_FAIL_TO_START, c.id() + " " + why + ": locked out "
                        + c.engine().lockoutS() + " s, kept on motor, next eligible unit dispatched", out);
                out.alarm("engine-fail-to-start-" + c.id(), Severity.CRITICAL, c.id() + " " + why);
                return;
            }
        }
        if (r.engineRunning()) {
            s.confirmEngineRunning();
        }
        if (s.startPending()) {
            double expectedKw = s.commanded() == DriveMode.BLEND ? (1 - s.engineShare()) * equivalent[i] : 0;
            boolean off = r.motorKwMeasured()
                    ? r.engineRunning() && r.motorKw() <= expectedKw + 0.05 * equivalent[i] + 1.0
                    : r.engineRunning() && r.onEngineSide();
            if (off) {
                s.loadOff(nowMs);
            } else if (s.engineConfirmed() && nowMs - s.pendingStartAtMs() > LEAD_MEASURE_GIVE_UP * leadS * 1000) {
                s.abandonPendingStart();
            }
        }
        Reason keep = eligibility.toKeepRunning(r, s, nowMs);
        if (keep != null) {
            forceMotor(i, s, keep, c.id() + " engine cannot run (" + eligibility.detail() + "): back to motor", out);
        }
    }

    /**
     * Why a stopped (or never started) engine is a loss of control rather than an engine fault, or
     * null when it must be treated as a fault. Only when the unit reports its engine healthy (every
     * flag readable and clear: an unreadable one counts against it) and either reports LOCAL (its
     * heartbeat watchdog, or its own panel, took over) or is back on motor after being unreachable
     * long enough for the watchdog to revert it. A stop while the unit reports ENGINE or BLEND stays
     * a trip.
     */
    private static String lostControl(ChillerReading r, long blindMs) {
        boolean engineHealthy = r.engineReady() && !r.engineStartFailed() && !r.fault() && !r.gasPressureLow();
        if (!engineHealthy) {
            return null;
        }
        if (r.actualMode() == DriveMode.LOCAL) {
            return "the unit reports LOCAL control";
        }
        if (r.actualMode() == DriveMode.MOTOR && blindMs >= WATCHDOG_BLIND_MS) {
            return "the unit was unreachable for " + blindMs / 1000 + " s";
        }
        return null;
    }

    /** Back to motor without a lockout: min off and the start limits govern the next start. */
    private void localRevert(int i, ChillerState s, ChillerConfig c, String what, String lostControl,
                             PolicyResult out) {
        forceMotor(i, s, Reason.CHILLER_LOCAL_REVERT, c.id() + " " + what + " while " + lostControl
                + " (its heartbeat watchdog reverts it to local control): not an engine fault, no lockout; "
                + "commanded back to motor, next start after min off " + c.engine().minOffS() + " s", out);
        out.alarm("chiller-local-revert-" + c.id(), Severity.WARNING, c.id() + " left plantd's control: " + what
                + " while " + lostControl + "; commanded back to motor, engine not locked out");
    }

    private void forceMotor(int i, ChillerState s, Reason reason, String detail, PolicyResult out) {
        fixed[i] = true;
        out.mode[i] = DriveMode.MOTOR;
        out.share[i] = 0;
        out.reason[i] = reason;
        out.detail[i] = detail;
        out.ineligibleBecause[i] = reason.toString();
        s.releaseSince(ChillerState.NEVER);
        if (s.overrideMode() == OverrideMode.ENGINE) {
            s.override(OverrideMode.AUTO, ChillerState.NEVER);
            out.detail[i] = detail + "; ENGINE override ended";
        }
    }

    private void applyOverride(int i, ChillerReading r, ChillerState s, ChillerConfig c, long nowMs, PolicyResult out) {
        OverrideMode ov = s.overrideAt(nowMs);
        if (ov == OverrideMode.AUTO) {
            return;
        }
        String until = " until " + java.time.Instant.ofEpochMilli(s.overrideUntilMs());
        switch (ov) {
            case LOCAL -> setFixed(i, DriveMode.LOCAL, 0, Reason.OVERRIDE, "operator override LOCAL" + until, out);
            case MOTOR -> setFixed(i, DriveMode.MOTOR, 0, Reason.OVERRIDE, "operator override MOTOR" + until, out);
            case ENGINE -> {
                Reason why = s.onEngineSide() ? null : eligibility.toStart(r, s, c.engine(), nowMs, true);
                if (why == null) {
                    setFixed(i, DriveMode.ENGINE, 1, Reason.OVERRIDE, "operator override ENGINE" + until, out);
                } else {
                    s.override(OverrideMode.AUTO, ChillerState.NEVER);
                    out.detail[i] = "override ENGINE refused: " + why + " (" + eligibility.detail()
                            + "); unit stays under automatic control";
                }
            }
            default -> {
            }
        }
        out.overridden[i] = fixed[i];
    }

    private void setFixed(int i, DriveMode mode, double share, Reason reason, String detail, PolicyResult out) {
        fixed[i] = true;
        out.mode[i] = mode;
        out.share[i] = share;
        out.reason[i] = reason;
        out.detail[i] = detail;
    }

    private void siteAlarms(PolicyInput in, PolicyResult out, long nowMs) {
        SiteEstimate est = in.estimate();
        if (!est.meterGood()) {
            out.alarm("meter-stale", Severity.CRITICAL, "site meter " + est.siteQuality()
                    + ": site treated as overloaded, no engine → motor, holding last good prediction");
        }
        int fresh = 0;
        int gasLow = 0;
        for (ChillerReading r : in.readings()) {
            if (!r.stale()) {
                fresh++;
                if (r.gasPressureLow()) {
                    gasLow++;
                }
            }
        }
        if (fresh > 0 && gasLow == fresh) {
            out.alarm("gas-loss", Severity.CRITICAL, "gas pressure low on every engine (" + gasLow
                    + "): all engines ineligible, cap at risk");
        } else if (gasLow > 0) {
            for (ChillerReading r : in.readings()) {
                if (!r.stale() && r.gasPressureLow()) {
                    out.alarm("gas-low-" + r.id(), Severity.WARNING, "gas pressure low at " + r.id()
                            + ": its engine is ineligible");
                }
            }
        }
        if (in.gridFeedExpected() && !in.gridGood()) {
            out.alarm("grid-feed-stale", Severity.WARNING, "grid signal not fresh: keeping its last values");
        }
    }

    // ---------------------------------------------------------------- prediction

    /** Expected grid kW of one chiller at now + L under the given command. */
    private double expectedKw(int i, ChillerReading r, DriveMode mode, double share) {
        if (mode == null) {
            return r.motorKw();
        }
        return switch (mode) {
            case ENGINE -> 0;
            case BLEND -> (1 - share) * equivalent[i];
            case MOTOR -> equivalent[i];
            case LOCAL -> r.engineRunning() ? r.motorKw() : equivalent[i];
        };
    }

    private double chillerKw(ChillerReading[] rd, PolicyResult out, double growth) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!rd[i].stale()) {
                sum += expectedKw(i, rd[i], out.mode[i], out.share[i]) * growth;
            }
        }
        return sum;
    }

    // ---------------------------------------------------------------- the rules

    private void outage(ChillerReading[] rd, PlantState state, PolicyResult out, long nowMs) {
        for (int i = 0; i < n; i++) {
            if (fixed[i]) {
                continue;
            }
            ChillerState s = state.chiller(i);
            s.releaseSince(ChillerState.NEVER);
            if (s.onEngineSide() || out.eligible[i]) {
                boolean change = !s.onEngineSide() || out.mode[i] != DriveMode.ENGINE;
                out.mode[i] = DriveMode.ENGINE;
                out.share[i] = 1;
                out.reason[i] = Reason.GRID_OUTAGE;
                out.detail[i] = "utility outage: every available engine carries cooling";
                started[i] = change;
                fixed[i] = true;
            }
        }
    }

    /** Moves load to engine until the prediction fits; returns the kW still over the cap. */
    private double dispatch(PolicyInput in, PlantState state, PolicyResult out, long nowMs, double predicted,
                            double need) {
        ChillerReading[] rd = in.readings();
        CapPicture cap = in.cap();
        double growth = in.estimate().coolingGrowth();
        Reason why = cap.bindingReason() != null && cap.eventActive() ? cap.bindingReason()
                : in.estimate().meterGood() && in.estimate().siteKw() > cap.onThresholdKw()
                ? Reason.CAP_EXCEEDED : Reason.CAP_PREDICTED_EXCEEDED;

        // 1. raise shares of units already blending: no start needed
        for (int i = 0; i < n && need > 0; i++) {
            if (fixed[i] || out.mode[i] != DriveMode.BLEND || !out.eligible[i]) {
                continue;
            }
            double full = equivalent[i] * growth;
            if (full <= 0) {
                continue;
            }
            double target = Math.min(1, roundUpShare(out.share[i] + need / full));
            double removed = (target - out.share[i]) * full;
            if (removed <= 0) {
                continue;
            }
            need -= removed;
            out.share[i] = target;
            out.mode[i] = target >= 1 ? DriveMode.ENGINE : DriveMode.BLEND;
            startDetail(i, out, why, in, predicted, removed, "raised engine share to " + pct(target));
            fixed[i] = true;
        }

        // 2. start eligible motor units, most kW first
        int count = candidates(rd, state, out, nowMs);
        for (int k = 0; k < count && need > 0; k++) {
            int i = order[k];
            ChillerConfig c = chillers.get(i);
            double full = equivalent[i] * growth;
            double share = 1;
            if (c.blend() && full > 0 && need < full * (1 - SHARE_STEP)) {
                share = Math.max(MIN_BLEND_SHARE, roundUpShare(need / full));
            }
            double removed = share * full;
            need -= removed;
            out.mode[i] = share >= 1 ? DriveMode.ENGINE : DriveMode.BLEND;
            out.share[i] = share >= 1 ? 1 : share;
            started[i] = true;
            fixed[i] = true;
            state.chiller(i).releaseSince(ChillerState.NEVER);
            startDetail(i, out, why, in, predicted, removed,
                    share >= 1 ? "to engine" : "to blend at " + pct(share) + " engine share");
        }
        if (count > 0) {
            boolean any = false;
            for (int i = 0; i < n; i++) {
                any |= started[i];
            }
            if (any) {
                state.advanceRotation();
            }
        }
        return need;
    }

    /** Why a unit decided onto engine this cycle is there (recorded with the command). */
    public static EngineRole roleOf(int i, PolicyResult out) {
        if (out.reason[i] == Reason.GRID_OUTAGE) {
            return EngineRole.OUTAGE;
        }
        if (out.reason[i] == Reason.ECONOMIC) {
            return EngineRole.ECONOMIC;
        }
        if (out.reason[i] == Reason.OVERRIDE) {
            return EngineRole.OVERRIDE;
        }
        if (out.reason[i] == Reason.GRID_EVENT || out.reason[i] == Reason.GRID_EVENT_SCHEDULED
                || out.reason[i] == Reason.GRID_LOW_FREQUENCY) {
            return EngineRole.GRID_EVENT;
        }
        return EngineRole.CAP;
    }

    private void startDetail(int i, PolicyResult out, Reason why, PolicyInput in, double predicted, double removedKw,
                             String action) {
        CapPicture cap = in.cap();
        sb.setLength(0);
        sb.append(action).append(": predicted ");
        Num.one(sb, predicted).append(" kW at +");
        Num.whole(sb, in.horizonS()).append(" s > effective cap ");
        Num.one(sb, cap.onThresholdKw()).append(" kW (").append(cap.source()).append(' ');
        Num.one(sb, cap.capKw()).append(" − margin ");
        Num.one(sb, cap.capKw() - cap.onThresholdKw()).append("); removes ");
        Num.one(sb, removedKw).append(" kW; L=");
        Num.whole(sb, in.leadTimeS()[i]).append(" s");
        if ("demand target".equals(cap.source())) {
            sb.append("; demand interval average ");
            Num.one(sb, in.estimate().demandAverageKw()).append(" kW, projected ");
            Num.one(sb, in.estimate().demandProjectedKw()).append(" kW");
        }
        if (!in.estimate().meterGood()) {
            sb.append("; meter stale, using last good prediction");
        } else {
            sb.append("; site now ");
            Num.one(sb, in.estimate().siteKw()).append(" kW");
        }
        out.reason[i] = why;
        out.detail[i] = sb.toString();
    }

    /** Eligible motor-side units in dispatch order; returns how many. */
    private int candidates(ChillerReading[] rd, PlantState state, PolicyResult out, long nowMs) {
        int count = 0;
        double largest = 0;
        for (int i = 0; i < n; i++) {
            if (!fixed[i] && !state.chiller(i).onEngineSide() && out.eligible[i] && equivalent[i] > 0) {
                order[count++] = i;
                largest = Math.max(largest, equivalent[i]);
            }
        }
        // kW within 5 % of the largest unit counts as equal so wear decides between similar units
        double bucket = Math.max(1, 0.05 * largest);
        int rotation = Math.floorMod(state.rotation(), Math.max(1, n));
        for (int a = 1; a < count; a++) {
            int x = order[a];
            int b = a - 1;
            while (b >= 0 && before(x, order[b], bucket, rotation, state, nowMs)) {
                order[b + 1] = order[b];
                b--;
            }
            order[b + 1] = x;
        }
        return count;
    }

    private boolean before(int x, int y, double bucket, int rotation, PlantState state, long nowMs) {
        long bx = (long) Math.floor(equivalent[x] / bucket);
        long by = (long) Math.floor(equivalent[y] / bucket);
        if (bx != by) {
            return bx > by;
        }
        ChillerState sx = state.chiller(x);
        ChillerState sy = state.chiller(y);
        int stx = sx.startsInLastHour(nowMs);
        int sty = sy.startsInLastHour(nowMs);
        if (stx != sty) {
            return stx < sty;
        }
        double hx = Math.floor(sx.engineRunSeconds() / 3600);
        double hy = Math.floor(sy.engineRunSeconds() / 3600);
        if (hx != hy) {
            return hx < hy;
        }
        return Math.floorMod(x - rotation, n) < Math.floorMod(y - rotation, n);
    }

    private void infeasible(PolicyInput in, PolicyResult out, double predicted, double remaining) {
        out.curtailmentKw = remaining;
        sb.setLength(0);
        sb.append("cap cannot be met with every eligible engine: predicted ");
        Num.one(sb, predicted).append(" kW, effective cap ");
        Num.one(sb, in.cap().onThresholdKw()).append(" kW; IT curtailment requested ");
        Num.one(sb, remaining).append(" kW; cooling is never turned off");
        out.alarm("cap-infeasible", Severity.CRITICAL, sb.toString());
    }

    /** Engine units kept on while the cap is binding (or nothing may return). */
    private void holdEngines(PolicyInput in, PlantState state, PolicyResult out, long nowMs, double predicted,
                             Reason reason, String text) {
        for (int i = 0; i < n; i++) {
            ChillerState s = state.chiller(i);
            if (fixed[i] || !s.onEngineSide()) {
                continue;
            }
            s.releaseSince(ChillerState.NEVER);
            out.reason[i] = reason;
            sb.setLength(0);
            sb.append(text).append(": predicted ");
            Num.one(sb, predicted).append(" kW, effective cap ");
            Num.one(sb, in.cap().onThresholdKw()).append(" kW");
            out.detail[i] = sb.toString();
            fixed[i] = true;
        }
    }

    private void holdAll(ChillerReading[] rd, PlantState state, PolicyResult out, long nowMs, String text) {
        for (int i = 0; i < n; i++) {
            if (fixed[i]) {
                continue;
            }
            state.chiller(i).releaseSince(ChillerState.NEVER);
            out.reason[i] = Reason.METER_STALE_HOLD;
            out.detail[i] = text;
            fixed[i] = true;
        }
    }

    /** Back to motor: one unit at a time, after the release delay, min run passed, no event, meter good. */
    private void release(PolicyInput in, PlantState state, PolicyResult out, long nowMs, double predicted) {
        CapPicture cap = in.cap();
        SiteEstimate est = in.estimate();
        double growth = est.coolingGrowth();
        long delayMs = config.control().releaseDelayS() * 1000;
        int pick = -1;
        for (int i = 0; i < n; i++) {
            ChillerState s = state.chiller(i);
            if (fixed[i] || !s.onEngineSide()) {
                continue;
            }
            ChillerConfig c = chillers.get(i);
            ChillerReading r = in.readings()[i];
            double backKw = (equivalent[i] - expectedKw(i, r, out.mode[i], out.share[i])) * growth;
            double withUnit = predicted + backKw;
            sb.setLength(0);
            if (!est.meterGood()) {
                s.releaseSince(ChillerState.NEVER);
                out.reason[i] = Reason.METER_STALE_HOLD;
                sb.append("site meter ").append(est.siteQuality()).append(": no engine → motor");
            } else if (cap.eventActive()) {
                s.releaseSince(ChillerState.NEVER);
                out.reason[i] = cap.eventReason();
                sb.append("grid event active: no engine → motor");
            } else if (in.economicActive() && economics.saving(c, equivalent[i], tonsOf(r, c), in.priceElectricity(),
                    in.priceGas()) > -economics.deadband()) {
                s.releaseSince(ChillerState.NEVER);
                out.reason[i] = Reason.ECONOMIC;
                sb.append("engine cheaper: motor ");
                Num.one(sb, economics.motorCostPerHour(equivalent[i], in.priceElectricity())).append("/h vs engine ");
                Num.one(sb, economics.engineCostPerHour(c, tonsOf(r, c), in.priceGas())).append("/h");
            } else if (withUnit >= cap.releaseThresholdKw()) {
                s.releaseSince(ChillerState.NEVER);
                out.reason[i] = Reason.CAP_PREDICTED_EXCEEDED;
                sb.append("still needed: predicted ");
                Num.one(sb, predicted).append(" + ");
                Num.one(sb, backKw).append(" kW back on motor ≥ release threshold ");
                Num.one(sb, cap.releaseThresholdKw()).append(" kW");
            } else {
                if (s.releaseSinceMs() == ChillerState.NEVER) {
                    s.releaseSince(nowMs);
                }
                long heldMs = nowMs - s.releaseSinceMs();
                long ranMs = nowMs - s.engineStartedAtMs();
                if (heldMs < delayMs) {
                    out.reason[i] = Reason.RELEASE_DELAY;
                    sb.append("fits on motor for ");
                    Num.whole(sb, heldMs / 1000.0).append(" s of release delay ").append(delayMs / 1000).append(" s");
                } else if (ranMs < c.engine().minRunS() * 1000) {
                    out.reason[i] = Reason.ENGINE_MIN_RUN;
                    sb.append("engine ran ");
                    Num.whole(sb, ranMs / 1000.0).append(" s < min run ").append(c.engine().minRunS()).append(" s");
                } else {
                    out.reason[i] = Reason.CAP_RELEASED;
                    sb.append("fits");
                    if (pick < 0 || s.engineRunSeconds() > state.chiller(pick).engineRunSeconds()) {
                        pick = i;
                    }
                }
                if (out.reason[i] == Reason.CAP_RELEASED || out.reason[i] == Reason.RELEASE_DELAY
                        || out.reason[i] == Reason.ENGINE_MIN_RUN) {
                    sb.append(": predicted ");
                    Num.one(sb, predicted).append(" + ");
                    Num.one(sb, backKw).append(" kW < release threshold ");
                    Num.one(sb, cap.releaseThresholdKw()).append(" kW");
                }
            }
            out.detail[i] = sb.toString();
        }
        for (int i = 0; i < n; i++) {
            ChillerState s = state.chiller(i);
            if (fixed[i] || !s.onEngineSide()) {
                continue;
            }
            if (i == pick) {
                out.mode[i] = DriveMode.MOTOR;
                out.share[i] = 0;
                out.detail[i] = "back to motor after " + config.control().releaseDelayS() + " s release delay: "
                        + out.detail[i];
            } else if (out.reason[i] == Reason.CAP_RELEASED) {
                out.reason[i] = Reason.RELEASE_DELAY;
                out.detail[i] = "waiting: one unit returns to motor at a time; " + out.detail[i];
            }
            if (pick >= 0) {
                // the returned load changes the picture: every other unit waits a full delay again
                s.releaseSince(ChillerState.NEVER);
            }
            fixed[i] = true;
        }
    }

    private static double tonsOf(ChillerReading r, ChillerConfig c) {
        return Double.isNaN(r.coolingTons()) ? c.capacityTons() : r.coolingTons();
    }

    private void economic(PolicyInput in, PlantState state, PolicyResult out, long nowMs) {
        ChillerReading[] rd = in.readings();
        for (int i = 0; i < n; i++) {
            if (fixed[i] || state.chiller(i).onEngineSide() || !out.eligible[i]) {
                continue;
            }
            ChillerConfig c = chillers.get(i);
            double tons = tonsOf(rd[i], c);
            double saving = economics.saving(c, equivalent[i], tons, in.priceElectricity(), in.priceGas());
            if (saving > economics.deadband()) {
                out.mode[i] = DriveMode.ENGINE;
                out.share[i] = 1;
                out.reason[i] = Reason.ECONOMIC;
                sb.setLength(0);
                sb.append("cap not binding and engine cheaper: motor ");
                Num.one(sb, economics.motorCostPerHour(equivalent[i], in.priceElectricity())).append("/h vs engine ");
                Num.one(sb, economics.engineCostPerHour(c, tons, in.priceGas())).append("/h, deadband ");
                Num.one(sb, economics.deadband()).append("/h");
                out.detail[i] = sb.toString();
                started[i] = true;
                fixed[i] = true;
            }
        }
    }

    /** Everything not decided above keeps motor (LOCAL becomes MOTOR only through adoption). */
    private void steady(ChillerReading[] rd, PlantState state, PolicyResult out, long nowMs) {
        for (int i = 0; i < n; i++) {
            if (fixed[i]) {
                continue;
            }
            ChillerState s = state.chiller(i);
            if (s.onEngineSide()) {
                // only reachable without a prediction; hold
                out.reason[i] = out.reason[i] == null ? Reason.STEADY : out.reason[i];
                continue;
            }
            out.mode[i] = DriveMode.MOTOR;
            out.share[i] = 0;
            if (out.reason[i] == null) {
                out.reason[i] = Reason.STEADY;
                String text = out.eligible[i] ? "on motor, cap not binding"
                        : "on motor; engine unavailable: " + out.ineligibleBecause[i];
                // a refused override keeps its explanation in front
                out.detail[i] = out.detail[i] == null ? text : out.detail[i] + "; " + text;
            }
        }
    }

    private double headroom(PolicyInput in, PlantState state, PolicyResult out, long nowMs) {
        if (Double.isNaN(out.predictedKw)) {
            return Double.NaN;
        }
        double growth = in.estimate().coolingGrowth();
        double movable = 0;
        for (int i = 0; i < n; i++) {
            if (in.readings()[i].stale() || out.overridden[i]) {
                continue;
            }
            if (out.mode[i] == DriveMode.MOTOR && !started[i] && out.eligible[i]) {
                movable += equivalent[i] * growth;
            } else if (out.mode[i] == DriveMode.BLEND && out.eligible[i]) {
                movable += (1 - out.share[i]) * equivalent[i] * growth;
            }
        }
        return in.cap().onThresholdKw() - out.predictedKw + movable;
    }

    private static double roundUpShare(double share) {
        return Math.min(1, Math.ceil(share / SHARE_STEP - 1e-9) * SHARE_STEP);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static String pct(double share) {
        return Math.round(share * 100) + " %";
    }
}
