package io.plantd.controller.mqtt;

import io.plantd.controller.cycle.GridFeed;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.mqtt.codec.GridSignalDecoder;
import io.plantd.controller.mqtt.codec.GridSignalDecoder.GridSignal;
import io.plantd.controller.mqtt.codec.PayloadException;
import io.plantd.drivers.point.ProcessImage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grid signal received on an MQTT topic, aged on every read: {@code good} is false once the
 * signal is older than the configured max age. Age counts from the payload's {@code ts} when
 * given; a retained signal without {@code ts} has an unknown age and is never good. Written by
 * the MQTT worker, read by the control cycle; both sides are lock-free.
 */
public final class MqttGridFeed implements GridFeed {
    private static final Logger LOG = LoggerFactory.getLogger(MqttGridFeed.class);

    /** Before the first good signal: no event, no prices, not good. */
    static final GridStatus NONE = new GridStatus(0, Optional.empty(), 0, 0, Optional.empty(), Optional.empty(),
            Optional.empty(), false, false);

    private record Sample(GridStatus status, Optional<Instant> asOf) {
    }

    private final String topic;
    private final Duration maxAge;
    private final AtomicReference<Sample> latest = new AtomicReference<>(new Sample(NONE, Optional.empty()));
    private final AtomicLong rejected = new AtomicLong();

    public MqttGridFeed(String topic, Duration maxAge) {
        this.topic = topic;
        this.maxAge = maxAge;
    }

    public String topic() {
        return topic;
    }

    @Override
    public GridStatus current(ProcessImage image, Instant now) {
        Sample s = latest.get();
        boolean fresh = s.asOf().isPresent() && !now.isAfter(s.asOf().get().plus(maxAge));
        GridStatus g = s.status();
        if (g.good() == fresh) {
            return g;
        }
        return new GridStatus(g.level(), g.capLimitKw(), g.priceElectricity(), g.priceGas(), g.eventStart(),
                g.eventEnd(), g.frequencyHz(), g.outage(), fresh);
    }

    /** Invalid payloads are logged, counted and ignored: the previous signal just ages out. */
    void accept(byte[] payload, boolean retained, Instant receivedAt) {
        try {
            GridSignal signal = GridSignalDecoder.decode(payload, receivedAt);
            Optional<Instant> asOf = signal.sourceTime().isPresent() ? signal.sourceTime()
                    : retained ? Optional.empty() : Optional.of(receivedAt);
            latest.set(new Sample(signal.status(), asOf));
        } catch (PayloadException e) {
            rejected.incrementAndGet();
            LOG.warn("grid signal on {} rejected: {}", topic, e.getMessage());
        }
    }

    public long rejectedTotal() {
        return rejected.get();
    }
}
