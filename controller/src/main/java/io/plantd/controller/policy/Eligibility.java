package io.plantd.controller.policy;

import io.plantd.controller.config.EngineLimits;
import io.plantd.controller.estimate.ChillerReading;
import io.plantd.controller.state.ChillerState;

/**
 * Whether a chiller's engine may be started now (DESIGN.md §3 "Eligible means"). Returns null
 * when eligible, else the first failing rule with its numbers in {@link #detail}.
 */
final class Eligibility {
    private final StringBuilder detail = new StringBuilder(96);

    String detail() {
        return detail.toString();
    }

    /** @param ignoreOverride true when judging the override itself */
    Reason toStart(ChillerReading r, ChillerState s, EngineLimits limits, long nowMs, boolean ignoreOverride) {
        detail.setLength(0);
        if (r.stale()) {
            detail.append("chiller stale: ").append(r.staleBecause());
            return Reason.CHILLER_STALE_HOLD;
        }
        if (r.fault()) {
            detail.append("chiller fault");
            return Reason.CHILLER_FAULT;
        }
        if (s.lockedOut(nowMs)) {
            detail.append("locked out for ");
            Num.whole(detail, (s.lockoutUntilMs() - nowMs) / 1000.0).append(" s more: ").append(s.lockoutReason());
            return Reason.ENGINE_LOCKED_OUT;
        }
        if (r.gasPressureLow()) {
            detail.append("gas pressure low");
            return Reason.GAS_LOSS;
        }
        if (!r.engineReady()) {
            detail.append("engine not ready");
            return Reason.ENGINE_NOT_READY;
        }
        if (!s.onEngineSide() && s.engineStoppedAtMs() != ChillerState.NEVER
                && nowMs - s.engineStoppedAtMs() < limits.minOffS() * 1000) {
            detail.append("engine off ");
            Num.whole(detail, (nowMs - s.engineStoppedAtMs()) / 1000.0).append(" s < min off ")
                    .append(limits.minOffS()).append(" s");
            return Reason.ENGINE_MIN_OFF;
        }
        int starts = s.startsInLastHour(nowMs);
        if (!s.onEngineSide() && starts >= limits.maxStartsPerHour()) {
            detail.append(starts).append(" starts in the last 60 min, limit ").append(limits.maxStartsPerHour());
            return Reason.STARTS_PER_HOUR_LIMIT;
        }
        double hours = s.yearRunHours(nowMs);
        if (hours >= limits.yearlyHourBudget()) {
            detail.append("engine hours this year ");
            Num.one(detail, hours).append(" h ≥ budget ");
            Num.one(detail, limits.yearlyHourBudget()).append(" h");
            return Reason.ENGINE_HOUR_BUDGET;
        }
        if (!ignoreOverride && s.overrideAt(nowMs) != io.plantd.controller.command.Command.OverrideMode.AUTO) {
            detail.append("operator override ").append(s.overrideAt(nowMs));
            return Reason.OVERRIDE;
        }
        return null;
    }

    /** Whether an engine already carrying a chiller can keep running (safety only). */
    Reason toKeepRunning(ChillerReading r, ChillerState s, long nowMs) {
        detail.setLength(0);
        // only a readable "low" stops a running engine; an unreadable point must not add grid load
        if (r.gasPressureLowConfirmed()) {
            detail.append("gas pressure low");
            return Reason.GAS_LOSS;
        }
        if (s.lockedOut(nowMs)) {
            detail.append("locked out: ").append(s.lockoutReason());
            return Reason.ENGINE_LOCKED_OUT;
        }
        return null;
    }
}
