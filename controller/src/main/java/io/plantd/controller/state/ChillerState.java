package io.plantd.controller.state;

import io.plantd.controller.command.Command.OverrideMode;
import io.plantd.controller.policy.DriveMode;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * What plantd remembers about one chiller between cycles: the last command, engine start
 * history, run time, lock-out, learned lead time, override and the release timer. Plain fields
 * with accessors so the reliability work can persist and restore it; times are epoch
 * milliseconds, {@link #NEVER} when unset.
 */
public final class ChillerState {
    public static final long NEVER = Long.MIN_VALUE;
    /** Start times kept for the rolling starts-per-hour window (more than any sane limit). */
    static final int START_HISTORY = 64;
    /** Lead-time samples kept for the learned estimate. */
    static final int LEAD_SAMPLES = 10;
    /** Percentile of recent lead-time samples used as the learned value (conservative). */
    static final double LEAD_PERCENTILE = 0.9;

    private final String id;
    private boolean adopted;
    private DriveMode commanded;
    private double engineShare;
    private long commandedAtMs = NEVER;
    private EngineRole role = EngineRole.NONE;

    private long engineStartedAtMs = NEVER;
    private long engineStoppedAtMs = NEVER;
    private final long[] startTimesMs = new long[START_HISTORY];
    private int startTimesCount;
    private long totalStarts;
    private double engineRunSeconds;
    private double yearRunSeconds;
    private int runYear;
    private transient int cachedYear;
    private transient long yearStartMs = Long.MAX_VALUE;
    private transient long yearEndMs = Long.MIN_VALUE;

    private long lockoutUntilMs = NEVER;
    private String lockoutReason = "";

    private long pendingStartAtMs = NEVER;
    private boolean engineConfirmed;
    private final double[] leadSamplesS = new double[LEAD_SAMPLES];
    private int leadSampleCount;
    private final double[] leadScratch = new double[LEAD_SAMPLES];
    /** The percentile of the lead samples (NaN: recompute); asked every cycle, changed per start. */
    private double leadPercentileS = Double.NaN;

    private OverrideMode override = OverrideMode.AUTO;
    private long overrideUntilMs = NEVER;

    private long releaseSinceMs = NEVER;

    /** First cycle of the current run of stale readings (not persisted: a restart re-adopts the unit). */
    private long staleSinceMs = NEVER;

    public ChillerState(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /**
     * Everything worth persisting, as one immutable record (arrays are copies). Release timer,
     * pending start and confirmation are left out on purpose: after a restart they are re-learned
     * from the plant (a pending start is then timed from adoption, conservatively).
     */
    public record Snapshot(String id, boolean adopted, DriveMode commanded, double engineShare, long commandedAtMs,
                           EngineRole role, long engineStartedAtMs, long engineStoppedAtMs, long[] startTimesMs,
                           long totalStarts, double engineRunSeconds, double yearRunSeconds, int runYear,
                           long lockoutUntilMs, String lockoutReason, double[] leadSamplesS, OverrideMode override,
                           long overrideUntilMs) {
        public Snapshot {
            startTimesMs = startTimesMs.clone();
            leadSamplesS = leadSamplesS.clone();
        }

        @Override
        public long[] startTimesMs() {
            return startTimesMs.clone();
        }

        @Override
        public double[] leadSamplesS() {
            return leadSamplesS.clone();
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(id, adopted, commanded, engineShare, commandedAtMs, role, engineStartedAtMs,
                engineStoppedAtMs, startTimesMs(), totalStarts, engineRunSeconds, yearRunSeconds, runYear,
                lockoutUntilMs, lockoutReason, leadSamplesS(), override, overrideUntilMs);
    }

    public static ChillerState restore(Snapshot s) {
        ChillerState c = new ChillerState(s.id());
        c.adopted = s.adopted();
        c.commanded = s.commanded();
        c.engineShare = s.engineShare();
        c.commandedAtMs = s.commandedAtMs();
        c.role = s.role();
        c.engineStartedAtMs = s.engineStartedAtMs();
        c.engineStoppedAtMs = s.engineStoppedAtMs();
        long[] starts = s.startTimesMs();
        int from = Math.max(0, starts.length - START_HISTORY);
        c.startTimesCount = starts.length - from;
        System.arraycopy(starts, from, c.startTimesMs, 0, c.startTimesCount);
        c.totalStarts = s.totalStarts();
        c.engineRunSeconds = s.engineRunSeconds();
        c.yearRunSeconds = s.yearRunSeconds();
        c.runYear = s.runYear();
        c.lockoutUntilMs = s.lockoutUntilMs();
        c.lockoutReason = s.lockoutReason();
        double[] lead = s.leadSamplesS();
        int lf = Math.max(0, lead.length - LEAD_SAMPLES);
        c.leadSampleCount = lead.length - lf;
        System.arraycopy(lead, lf, c.leadSamplesS, 0, c.leadSampleCount);
        c.override = s.override();
        c.overrideUntilMs = s.overrideUntilMs();
        return c;
    }

    // ---- command -------------------------------------------------------------------------

    public boolean adopted() {
        return adopted;
    }

    /** Takes the chiller's actual mode as the current command (startup, monitor-only). */
    public void adopt(DriveMode actual, double share, boolean engineRunning, long nowMs) {
        boolean wasEngine = onEngineSide();
        commanded = actual;
        engineShare = share;
        commandedAtMs = nowMs;
        adopted = true;
        boolean isEngine = onEngineSide() || (actual == DriveMode.LOCAL && engineRunning);
        if (isEngine && !wasEngine) {
            // start time unknown: count the minimum run from adoption so nothing flips at once
            engineStartedAtMs = nowMs;
            engineConfirmed = engineRunning;
            role = EngineRole.ADOPTED;
        } else if (!isEngine && wasEngine) {
            engineStoppedAtMs = nowMs;
            role = EngineRole.NONE;
            pendingStartAtMs = NEVER;
        }
    }

    /** Records a command that differs from the previous one. */
    public void command(DriveMode mode, double share, EngineRole why, long nowMs) {
        boolean wasEngine = onEngineSide();
        commanded = mode;
        engineShare = share;
        commandedAtMs = nowMs;
        adopted = true;
        boolean isEngine = onEngineSide();
        if (isEngine && !wasEngine) {
            engineStartedAtMs = nowMs;
            pendingStartAtMs = nowMs;
            engineConfirmed = false;
            recordStart(nowMs);
            role = why;
        } else if (!isEngine && wasEngine) {
            engineStoppedAtMs = nowMs;
            pendingStartAtMs = NEVER;
            engineConfirmed = false;
            role = EngineRole.NONE;
        } else if (isEngine) {
            role = why;
        }
    }

    public DriveMode commanded() {
        return commanded;
    }

    public double engineShare() {
        return engineShare;
    }

    public long commandedAtMs() {
        return commandedAtMs;
    }

    public EngineRole role() {
        return role;
    }

    public boolean onEngineSide() {
        return commanded == DriveMode.ENGINE || commanded == DriveMode.BLEND;
    }

    // ---- engine timers and counters ------------------------------------------------------

    public long engineStartedAtMs() {
        return engineStartedAtMs;
    }

    public long engineStoppedAtMs() {
        return engineStoppedAtMs;
    }

    private void recordStart(long nowMs) {
        if (startTimesCount == START_HISTORY) {
            System.arraycopy(startTimesMs, 1, startTimesMs, 0, START_HISTORY - 1);
            startTimesCount--;
        }
        startTimesMs[startTimesCount++] = nowMs;
        totalStarts++;
    }

    /** Starts commanded in the rolling 60 minutes before {@code nowMs}. */
    public int startsInLastHour(long nowMs) {
        int n = 0;
        for (int i = startTimesCount - 1; i >= 0 && nowMs - startTimesMs[i] < 3_600_000L; i--) {
            n++;
        }
        return n;
    }

    /** When the oldest start of the rolling hour leaves it (the next start allowed at the limit). */
    public long oldestStartInLastHourMs(long nowMs) {
        long oldest = NEVER;
        for (int i = startTimesCount - 1; i >= 0 && nowMs - startTimesMs[i] < 3_600_000L; i--) {
            oldest = startTimesMs[i];
        }
        return oldest;
    }

    public long totalStarts() {
        return totalStarts;
    }

    public long[] startTimesMs() {
        return Arrays.copyOf(startTimesMs, startTimesCount);
    }

    /** Adds engine run time observed over one cycle; yearly hours restart on 1 January (UTC). */
    public void addRunTime(double seconds, long nowMs) {
        int year = yearOf(nowMs);
        if (year != runYear) {
            runYear = year;
            yearRunSeconds = 0;
        }
        engineRunSeconds += seconds;
        yearRunSeconds += seconds;
    }

    public double engineRunSeconds() {
        return engineRunSeconds;
    }

    /** Engine hours counted in the calendar year of {@code nowMs}. */
    public double yearRunHours(long nowMs) {
        return yearOf(nowMs) == runYear ? yearRunSeconds / 3600.0 : 0;
    }

    /** Calendar year (UTC), with the year's bounds cached: this runs every cycle for every unit. */
    private int yearOf(long nowMs) {
        if (nowMs < yearStartMs || nowMs >= yearEndMs) {
            java.time.ZonedDateTime t = java.time.Instant.ofEpochMilli(nowMs).atZone(ZoneOffset.UTC);
            cachedYear = t.getYear();
            yearStartMs = java.time.LocalDate.of(cachedYear, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            yearEndMs = java.time.LocalDate.of(cachedYear + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        }
        return cachedYear;
    }

    // ---- lock-out ------------------------------------------------------------------------

    public void lockOut(long untilMs, String reason) {
        lockoutUntilMs = untilMs;
        lockoutReason = reason;
    }

    public boolean lockedOut(long nowMs) {
        return lockoutUntilMs != NEVER && nowMs < lockoutUntilMs;
    }

    public long lockoutUntilMs() {
        return lockoutUntilMs;
    }

    public String lockoutReason() {
        return lockoutReason;
    }

    // ---- start confirmation and lead time -----------------------------------------------

    /** Commanded to engine and the load not yet observed off the grid. */
    public boolean startPending() {
        return pendingStartAtMs != NEVER;
    }

    public long pendingStartAtMs() {
        return pendingStartAtMs;
    }

    public boolean engineConfirmed() {
        return engineConfirmed;
    }

    public void confirmEngineRunning() {
        engineConfirmed = true;
    }

    /** The motor load was seen off the grid: one lead-time sample. */
    public void loadOff(long nowMs) {
        if (pendingStartAtMs == NEVER) {
            return;
        }
        double sample = (nowMs - pendingStartAtMs) / 1000.0;
        pendingStartAtMs = NEVER;
        if (leadSampleCount == LEAD_SAMPLES) {
            System.arraycopy(leadSamplesS, 1, leadSamplesS, 0, LEAD_SAMPLES - 1);
            leadSampleCount--;
        }
        leadSamplesS[leadSampleCount++] = sample;
        leadPercentileS = Double.NaN;
    }

    /** Stops waiting for a load-off measurement (engine failed, or never carried the load). */
    public void abandonPendingStart() {
        pendingStartAtMs = NEVER;
    }

    public double[] leadSamplesS() {
        return Arrays.copyOf(leadSamplesS, leadSampleCount);
    }

    /** The {@value #LEAD_PERCENTILE} percentile (nearest rank) of recent starts, never below the floor. */
    public double learnedLeadTimeS(double floorS) {
        if (leadSampleCount == 0) {
            return floorS;
        }
        if (Double.isNaN(leadPercentileS)) {
            System.arraycopy(leadSamplesS, 0, leadScratch, 0, leadSampleCount);
            Arrays.sort(leadScratch, 0, leadSampleCount);
            int rank = (int) Math.ceil(LEAD_PERCENTILE * leadSampleCount) - 1;
            leadPercentileS = leadScratch[Math.max(0, rank)];
        }
        return Math.max(floorS, leadPercentileS);
    }

    // ---- override ------------------------------------------------------------------------

    public void override(OverrideMode mode, long untilMs) {
        override = mode;
        overrideUntilMs = mode == OverrideMode.AUTO ? NEVER : untilMs;
    }

    /** The override in force at {@code nowMs} (AUTO when none or expired). */
    public OverrideMode overrideAt(long nowMs) {
        if (override != OverrideMode.AUTO && overrideUntilMs != NEVER && nowMs >= overrideUntilMs) {
            override = OverrideMode.AUTO;
            overrideUntilMs = NEVER;
        }
        return override;
    }

    /** The override as stored, without applying expiry. */
    public OverrideMode overrideMode() {
        return override;
    }

    public long overrideUntilMs() {
        return overrideUntilMs;
    }

    // ---- release timer -------------------------------------------------------------------

    public long releaseSinceMs() {
        return releaseSinceMs;
    }

    public void releaseSince(long ms) {
        releaseSinceMs = ms;
    }

    // ---- out of sight --------------------------------------------------------------------

    /** Records a cycle whose readings of this chiller were stale; the first one starts the run. */
    public void seenStale(long nowMs) {
        if (staleSinceMs == NEVER) {
            staleSinceMs = nowMs;
        }
    }

    /**
     * Records a cycle with fresh readings and returns for how long the chiller had been out of
     * sight before it (0 when the previous cycle saw it fresh).
     */
    public long seenFresh(long nowMs) {
        long blindMs = staleSinceMs == NEVER ? 0 : Math.max(0, nowMs - staleSinceMs);
        staleSinceMs = NEVER;
        return blindMs;
    }
}
