package io.plantd.controller.persist;

import io.plantd.controller.command.Command.OverrideMode;
import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.state.ChillerState;
import io.plantd.controller.state.EngineRole;
import io.plantd.controller.state.PlantState;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the state files into the {@link PlantState} a new controller starts from.
 *
 * <ul>
 *   <li>Main file good: its history, run hours, lock-outs, lead times and overrides are kept;
 *       every chiller is marked not yet adopted so the first cycle takes the drives as they are
 *       now (no needless switching), while the persisted start/stop times keep min-run and
 *       min-off running across the restart.</li>
 *   <li>Main file bad, backup good: the backup may be one save behind, so on top of it each
 *       engine is assumed to have used its starts for this hour and just started/stopped.</li>
 *   <li>An empty or absent state directory: a first start. No history exists to protect, so the
 *       engines start with a clean record (their own anti-short-cycle timers still apply).</li>
 *   <li>Nothing usable in a directory that was used before (files deleted or corrupt): the
 *       conservative assumptions with no history (run hours count from zero, no overrides).</li>
 * </ul>
 * Chillers that the file does not know (added to the config) get the conservative assumptions
 * too. Timestamps in the future (clock stepped back) are pulled back to now.
 */
public final class StateLoader {
    /** How long the conservative assumptions bind: the rolling start window. */
    public static final long CONSERVATIVE_WINDOW_MS = 3_600_000L;

    private StateLoader() {
    }

    public enum Origin {
        /** The main file, as saved. */
        SAVED,
        /** The backup file, with conservative start and timer assumptions. */
        BACKUP_CONSERVATIVE,
        /** No usable file in a used directory: conservative assumptions and no history. */
        CONSERVATIVE,
        /** An empty or absent state directory: a first start with a clean record. */
        FIRST_START
    }

    /**
     * @param conservativeChillers ids given conservative assumptions (all of them unless SAVED)
     * @param detail               what was found and why it was (not) used, for the log and the alarm
     */
    public record Loaded(PlantState state, Origin origin, List<String> conservativeChillers, String detail,
                         Instant savedAt) {
        public Loaded {
            conservativeChillers = List.copyOf(conservativeChillers);
        }

        public boolean conservative() {
            return !conservativeChillers.isEmpty();
        }
    }

    public static Loaded load(StateStore store, List<ChillerConfig> chillers, long nowMs) {
        if (neverUsed(store.dir())) {
            return new Loaded(new PlantState(chillers), Origin.FIRST_START, List.of(),
                    "no plant state in " + store.dir() + ": first start, engine history begins now", null);
        }
        String mainProblem;
        try {
            StateCodec.Decoded main = decodeFile(store.main());
            return restore(chillers, main, nowMs, false, "restored " + store.main() + " saved at " + main.savedAt());
        } catch (StateFileException e) {
            mainProblem = store.main() + ": " + e.getMessage();
        }
        try {
            StateCodec.Decoded backup = decodeFile(store.backup());
            return restore(chillers, backup, nowMs, true, mainProblem + "; restored backup " + store.backup()
                    + " saved at " + backup.savedAt() + " with starts used and timers restarted");
        } catch (StateFileException e) {
            String detail = mainProblem + "; " + store.backup() + ": " + e.getMessage()
                    + "; assuming every engine used its starts this hour and just started/stopped, run hours from 0";
            List<ChillerState.Snapshot> fresh = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (ChillerConfig c : chillers) {
                fresh.add(conservative(c, null, nowMs));
                ids.add(c.id());
            }
            PlantState base = new PlantState(chillers);
            PlantState.Snapshot defaults = base.snapshot();
            PlantState state = PlantState.restore(chillers, new PlantState.Snapshot(fresh, defaults.mode(),
                    defaults.economicEnabled(), Double.NaN, ChillerState.NEVER, 0));
            return new Loaded(state, Origin.CONSERVATIVE, ids, detail, null);
        }
    }

    /** Deleted state files leave the directory's other files (decision log, backups) behind. */
    private static boolean neverUsed(java.nio.file.Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) {
            return !java.nio.file.Files.exists(dir);
        }
        try (var entries = java.nio.file.Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static StateCodec.Decoded decodeFile(java.nio.file.Path file) throws StateFileException {
        byte[] bytes;
        try {
            bytes = StateStore.readOrNull(file);
        } catch (IOException e) {
            throw new StateFileException("cannot read: " + e.getMessage(), e);
        }
        if (bytes == null) {
            throw new StateFileException("missing");
        }
        return StateCodec.decode(bytes);
    }

    private static Loaded restore(List<ChillerConfig> chillers, StateCodec.Decoded decoded, long nowMs,
                                  boolean conservativeAll, String detail) {
        PlantState.Snapshot saved = decoded.snapshot();
        List<ChillerState.Snapshot> list = new ArrayList<>();
        List<String> conservative = new ArrayList<>();
        for (ChillerConfig c : chillers) {
            ChillerState.Snapshot s = find(saved, c.id());
            if (s == null || conservativeAll) {
                list.add(conservative(c, s == null ? null : clamp(s, nowMs), nowMs));
                conservative.add(c.id());
            } else {
                list.add(readopt(clamp(s, nowMs)));
            }
        }
        if (!conservativeAll && !conservative.isEmpty()) {
            detail += "; no saved state for " + conservative + ": assuming their starts used and timers restarted";
        }
        PlantState state = PlantState.restore(chillers, new PlantState.Snapshot(list, saved.mode(),
                saved.economicEnabled(), saved.temporaryCapKw(), saved.temporaryCapUntilMs(), saved.rotation()));
        return new Loaded(state, conservativeAll ? Origin.BACKUP_CONSERVATIVE : Origin.SAVED, conservative, detail,
                decoded.savedAt());
    }

    private static ChillerState.Snapshot find(PlantState.Snapshot saved, String id) {
        for (ChillerState.Snapshot s : saved.chillers()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        return null;
    }

    /** Same state, but the first cycle re-reads the actual drive (the plant may have moved meanwhile). */
    private static ChillerState.Snapshot readopt(ChillerState.Snapshot s) {
        return new ChillerState.Snapshot(s.id(), false, s.commanded(), s.engineShare(), s.commandedAtMs(), s.role(),
                s.engineStartedAtMs(), s.engineStoppedAtMs(), s.startTimesMs(), s.totalStarts(), s.engineRunSeconds(),
                s.yearRunSeconds(), s.runYear(), s.lockoutUntilMs(), s.lockoutReason(), s.leadSamplesS(), s.override(),
                s.overrideUntilMs());
    }

    /**
     * Unknown recent history: the rolling hour is full of starts at {@code nowMs} and the engine
     * has just started and just stopped, so neither a start nor a stop is allowed before the
     * limits say so; the first cycle adopts the actual drive. Known slow-moving facts (run hours,
     * lock-outs, lead times, overrides) are kept from {@code known} when there is one.
     */
    static ChillerState.Snapshot conservative(ChillerConfig c, ChillerState.Snapshot known, long nowMs) {
        long[] history = known == null ? new long[0] : known.startTimesMs();
        int limit = Math.max(1, c.engine().maxStartsPerHour());
        long[] starts = java.util.Arrays.copyOf(history, history.length + limit);
        java.util.Arrays.fill(starts, history.length, starts.length, nowMs);
        if (known == null) {
            return new ChillerState.Snapshot(c.id(), false, null, 0, ChillerState.NEVER, EngineRole.NONE, nowMs, nowMs,
                    starts, 0, 0, 0, 0, ChillerState.NEVER, "", new double[0], OverrideMode.AUTO, ChillerState.NEVER);
        }
        return new ChillerState.Snapshot(c.id(), false, null, 0, ChillerState.NEVER, EngineRole.NONE, nowMs, nowMs,
                starts, known.totalStarts(), known.engineRunSeconds(), known.yearRunSeconds(), known.runYear(),
                known.lockoutUntilMs(), known.lockoutReason(), known.leadSamplesS(), known.override(),
                known.overrideUntilMs());
    }

    /** Times after {@code nowMs} (the wall clock stepped back) are taken as now: bounded and conservative. */
    private static ChillerState.Snapshot clamp(ChillerState.Snapshot s, long nowMs) {
        long[] starts = s.startTimesMs();
        for (int i = 0; i < starts.length; i++) {
            starts[i] = Math.min(starts[i], nowMs);
        }
        return new ChillerState.Snapshot(s.id(), s.adopted(), s.commanded(), s.engineShare(),
                past(s.commandedAtMs(), nowMs), s.role(), past(s.engineStartedAtMs(), nowMs),
                past(s.engineStoppedAtMs(), nowMs), starts, s.totalStarts(), s.engineRunSeconds(), s.yearRunSeconds(),
                s.runYear(), s.lockoutUntilMs(), s.lockoutReason(), s.leadSamplesS(), s.override(), s.overrideUntilMs());
    }

    private static long past(long t, long nowMs) {
        return t == ChillerState.NEVER ? t : Math.min(t, nowMs);
    }
}
