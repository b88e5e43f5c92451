package io.plantd.controller.policy;

import io.plantd.controller.config.GridEventSettings;
import io.plantd.controller.config.Site;
import io.plantd.controller.cycle.GridStatus;
import java.time.Instant;

/**
 * Computes the effective cap from the service capacity, the grid signal, the demand target and
 * a temporary cap. A stale grid feed is still honoured (its last values are the conservative
 * guess); only a fresh feed can lift an event.
 */
public final class CapCalculator {
    private final Site site;
    private final GridEventSettings events;

    public CapCalculator(Site site, GridEventSettings events) {
        this.site = site;
        this.events = events;
    }

    /**
     * @param temporaryCapKw NaN when none
     * @param horizonS       lead time: a scheduled event this close is pre-started now
     */
    public CapPicture compute(GridStatus grid, double temporaryCapKw, double horizonS, long nowMs) {
        double service = site.serviceCapacityKw();
        double cap = service;
        String source = "service";
        Reason binding = null;
        boolean eventActive = false;
        Reason eventReason = null;

        long startMs = grid.eventStart().map(Instant::toEpochMilli).orElse(Long.MIN_VALUE);
        long endMs = grid.eventEnd().map(Instant::toEpochMilli).orElse(Long.MAX_VALUE);
        boolean scheduledSoon = grid.eventStart().isPresent() && nowMs < startMs
                && startMs <= nowMs + (long) (horizonS * 1000) && nowMs < endMs;
        boolean scheduledNow = grid.eventStart().isPresent() && startMs <= nowMs && nowMs < endMs;
        int level = Math.max(0, grid.level());

        if (level >= events.prestartLevel()) {
            eventActive = true;
            eventReason = Reason.GRID_EVENT;
        }
        double levelCap = service - events.reductionFor(level);
        if (levelCap < cap) {
            cap = levelCap;
            source = "grid level " + level;
            binding = Reason.GRID_EVENT;
        }
        if (grid.capLimitKw().isPresent() && (level > 0 || scheduledNow || grid.eventStart().isEmpty())
                && grid.capLimitKw().get() < cap) {
            cap = grid.capLimitKw().get();
            source = "grid limit";
            binding = Reason.GRID_EVENT;
            eventActive = true;
            eventReason = Reason.GRID_EVENT;
        }
        if (scheduledSoon || scheduledNow) {
            // the cap that applies once the event runs: its limit, else the reduction for its level
            double eventCap = grid.capLimitKw().orElse(
                    service - events.reductionFor(Math.max(level, events.prestartLevel())));
            Reason r = scheduledSoon ? Reason.GRID_EVENT_SCHEDULED : Reason.GRID_EVENT;
            eventActive = true;
            eventReason = eventReason == null ? r : eventReason;
            if (eventCap < cap) {
                cap = eventCap;
                source = scheduledSoon ? "scheduled event" : "grid event";
                binding = r;
            }
        }
        if (grid.frequencyHz().isPresent() && grid.frequencyHz().get() < events.lowFrequencyHz()) {
            eventActive = true;
            eventReason = Reason.GRID_LOW_FREQUENCY;
            double freqCap = service - events.lowFrequencyCapReductionKw();
            if (freqCap < cap) {
                cap = freqCap;
                source = "low frequency " + grid.frequencyHz().get() + " Hz";
                binding = Reason.GRID_LOW_FREQUENCY;
            }
        }
        if (grid.outage()) {
            eventActive = true;
            eventReason = Reason.GRID_OUTAGE;
        }
        if (site.demandTargetKw().isPresent() && site.demandTargetKw().getAsDouble() < cap) {
            cap = site.demandTargetKw().getAsDouble();
            source = "demand target";
            binding = Reason.CAP_PREDICTED_EXCEEDED;
        }
        if (!Double.isNaN(temporaryCapKw) && temporaryCapKw < cap) {
            cap = temporaryCapKw;
            source = "temporary cap";
            binding = Reason.CAP_PREDICTED_EXCEEDED;
        }
        return new CapPicture(service, cap, cap - site.marginKw(), cap - site.releaseMarginKw(), source, binding,
                eventActive, eventReason, grid.outage());
    }
}
