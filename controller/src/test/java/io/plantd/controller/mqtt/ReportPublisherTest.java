package io.plantd.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.plantd.controller.cycle.Alarm;
import io.plantd.controller.mqtt.codec.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the publisher hands the outbox, cycle by cycle, flushed after every cycle as the worker does. */
class ReportPublisherTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Topics topics = new Topics("dc1");
    private final Outbox outbox = new Outbox(100);
    private final ReportPublisher publisher = new ReportPublisher(topics, outbox);
    private final List<OutboundMessage> sent = new ArrayList<>();

    /** Found by the network soak: 135 retained alarm messages for 4 alarms, their text changing every cycle. */
    @Test
    void anAlarmWhoseTextAloneChangesIsRepublishedAtMostOncePerMinuteAndANewSeverityAtOnce() {
        Instant t0 = Instant.parse("2026-07-01T14:00:00Z");
        for (int s = 0; s <= 130; s++) {
            Alarm a = new Alarm("cap-infeasible", s < 125 ? Alarm.Severity.WARNING : Alarm.Severity.CRITICAL,
                    "IT curtailment requested " + (100 + s) + " kW", t0);
            cycle(s + 1, t0.plusSeconds(s), List.of(a));
        }
        cycle(200, t0.plusSeconds(131), List.of());

        List<String> onAlarmTopic = sent.stream().filter(m -> m.topic().equals(topics.alarm("cap-infeasible")))
                .map(ReportPublisherTest::describe).toList();
        assertThat(onAlarmTopic).containsExactly(
                "WARNING IT curtailment requested 100 kW",
                "WARNING IT curtailment requested 160 kW",
                "WARNING IT curtailment requested 220 kW",
                "CRITICAL IT curtailment requested 225 kW",
                "cleared");
    }

    @Test
    void aTextChangeInsideTheQuietMinuteIsPublishedWhenTheMinuteIsOverEvenIfItHoldsStill() {
        Instant t0 = Instant.parse("2026-07-01T14:00:00Z");
        for (int s = 0; s <= 70; s++) {
            String text = s < 10 ? "meter stale for 5 s" : "meter stale for 15 s";
            cycle(s + 1, t0.plusSeconds(s), List.of(new Alarm("meter-stale", Alarm.Severity.WARNING, text, t0)));
        }

        assertThat(sent.stream().filter(m -> m.topic().equals(topics.alarm("meter-stale")))
                .map(ReportPublisherTest::describe).toList())
                .containsExactly("WARNING meter stale for 5 s", "WARNING meter stale for 15 s");
    }

    private void cycle(long seq, Instant at, List<Alarm> alarms) {
        publisher.publish(Fixtures.report(seq, at, 8_000, alarms, List.of()), true);
        outbox.flush(m -> sent.add(m));
    }

    private static String describe(OutboundMessage m) {
        if (m.payload().length == 0) {
            return "cleared";
        }
        try {
            var json = JSON.readTree(m.payload());
            return json.get("severity").asText() + " " + json.get("message").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
