package io.plantd.app.daemon;

import io.plantd.controller.metrics.PlantdMetrics;
import io.plantd.controller.metrics.PollErrorReason;
import io.plantd.drivers.poll.FailureKind;
import io.plantd.drivers.poll.PollListener;

/** Feeds driver poll outcomes into the Prometheus device metrics (the poller logs availability). */
final class MetricsPollListener implements PollListener {
    private final PlantdMetrics metrics;

    MetricsPollListener(PlantdMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void polled(String device, long latencyNanos) {
        metrics.recordPoll(device, latencyNanos, true, null);
    }

    @Override
    public void failed(String device, FailureKind kind, String reason, long latencyNanos) {
        metrics.recordPoll(device, latencyNanos, false, reasonOf(kind));
    }

    static PollErrorReason reasonOf(FailureKind kind) {
        return switch (kind) {
            case TIMEOUT -> PollErrorReason.TIMEOUT;
            case CONNECTION -> PollErrorReason.IO;
            case DEVICE_EXCEPTION -> PollErrorReason.EXCEPTION;
            case PROTOCOL -> PollErrorReason.BAD_FRAME;
            case CIRCUIT_OPEN -> PollErrorReason.CIRCUIT_OPEN;
        };
    }
}
