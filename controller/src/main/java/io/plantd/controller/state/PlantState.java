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
