package io.plantd.controller.state;

import io.plantd.controller.config.ChillerConfig;
import io.plantd.controller.policy.OperatingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything the controller carries from one cycle to the next, in one value object: per
 * chiller {@link ChillerState}, the operating mode, a temporary cap, the last good prediction
 * (held while the meter is stale), the rotation index for fair first picks and the time each
 * active alarm was first raised.
 */
public final class PlantState {
    private final List<ChillerState> chillers;
    private OperatingMode mode = OperatingMode.AUTO;
    private boolean economicEnabled = true;
    private double temporaryCapKw = Double.NaN;
    private long temporaryCapUntilMs = ChillerState.NEVER;
    private double lastGoodPredictedKw = Double.NaN;
    private double lastGoodNeedKw = Double.NaN;
    private long lastGoodAtMs = ChillerState.NEVER;
    private long lastStepMs = ChillerState.NEVER;
    private int rotation;
    private final Map<String, Long> alarmSinceMs = new TreeMap<>();

    public PlantState(List<ChillerConfig> configs) {
        List<ChillerState> list = new ArrayList<>(configs.size());
        for (ChillerConfig c : configs) {
            list.add(new ChillerState(c.id()));
        }
        this.chillers = Collections.unmodifiableList(list);
    }

    private PlantState(List<ChillerState> chillers, boolean unused) {
        this.chillers = Collections.unmodifiableList(new ArrayList<>(chillers));
    }

    /** The persistable part of the plant state (alarm times and the meter hold are runtime-only). */
    public record Snapshot(List<ChillerState.Snapshot> chillers, OperatingMode mode, boolean economicEnabled,
                           double temporaryCapKw, long temporaryCapUntilMs, int rotation) {
        public Snapshot {
            chillers = List.copyOf(chillers);
        }
    }

    public Snapshot snapshot() {
        List<ChillerState.Snapshot> list = new ArrayList<>(chillers.size());
        for (ChillerState c : chillers) {
            list.add(c.snapshot());
        }
        return new Snapshot(list, mode, economicEnabled, temporaryCapKw, temporaryCapUntilMs, rotation);
    }

    /**
     * Restores a snapshot for the configured chillers: units the snapshot does not know start
     * fresh, units no longer configured are dropped.
     */
    public static PlantState restore(List<ChillerConfig> configs, Snapshot snapshot) {
        List<ChillerState> list = new ArrayList<>(configs.size());
        for (ChillerConfig c : configs) {
            ChillerState restored = null;
            for (ChillerState.Snapshot s : snapshot.chillers()) {
                if (s.id().equals(c.id())) {
                    restored = ChillerState.restore(s);
                }
            }
            list.add(restored != null ? restored : new ChillerState(c.id()));
        }
        PlantState p = new PlantState(list, true);
        p.mode = snapshot.mode();
        p.economicEnabled = snapshot.economicEnabled();
        p.temporaryCapKw = snapshot.temporaryCapKw();
        p.temporaryCapUntilMs = snapshot.temporaryCapUntilMs();
        p.rotation = snapshot.rotation();
        return p;
    }

    public List<ChillerState> chillers() {
        return chillers;
    }

    public ChillerState chiller(int index) {
        return chillers.get(index);
    }

    public int indexOf(String chillerId) {
        for (int i = 0; i < chillers.size(); i++) {
            if (chillers.get(i).id().equals(chillerId)) {
                return i;
            }
        }
        return -1;
    }

    public OperatingMode mode() {
        return mode;
    }

    public void mode(OperatingMode mode) {
        this.mode = mode;
    }

    public boolean economicEnabled() {
        return economicEnabled;
    }

    public void economicEnabled(boolean enabled) {
        this.economicEnabled = enabled;
    }

    public void temporaryCap(double capKw, long untilMs) {
        temporaryCapKw = capKw;
        temporaryCapUntilMs = untilMs;
    }

    /** The temporary cap in force at {@code nowMs}, NaN when none (expired ones are dropped). */
    public double temporaryCapAt(long nowMs) {
        if (!Double.isNaN(temporaryCapKw) && nowMs >= temporaryCapUntilMs) {
            temporaryCapKw = Double.NaN;
            temporaryCapUntilMs = ChillerState.NEVER;
        }
        return temporaryCapKw;
    }

    public long temporaryCapUntilMs() {
        return temporaryCapUntilMs;
    }

    public void lastGood(double predictedKw, double needKw, long atMs) {
        lastGoodPredictedKw = predictedKw;
        lastGoodNeedKw = needKw;
        lastGoodAtMs = atMs;
    }

    public double lastGoodPredictedKw() {
        return lastGoodPredictedKw;
    }

    /** How far over the cap the last good prediction was (≤ 0: it fitted). */
    public double lastGoodNeedKw() {
        return lastGoodNeedKw;
    }

    public long lastGoodAtMs() {
        return lastGoodAtMs;
    }

    public long lastStepMs() {
        return lastStepMs;
    }

    public void lastStepMs(long ms) {
        lastStepMs = ms;
    }

    public int rotation() {
        return rotation;
    }

    public void advanceRotation() {
        rotation++;
    }

    /** Marks {@code alarmId} active and returns when it was first raised. */
    public long raise(String alarmId, long nowMs) {
        return alarmSinceMs.computeIfAbsent(alarmId, k -> nowMs);
    }

    /** Clears every alarm not in {@code active}. */
    public void retainAlarms(java.util.Set<String> active) {
        alarmSinceMs.keySet().retainAll(active);
    }
}
