package io.plantd.controller.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxTest {
    private static OutboundMessage msg(String topic, String payload, boolean retained) {
        return OutboundMessage.json(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained);
    }

    private static String text(OutboundMessage m) {
        return m.topic() + "=" + new String(m.payload(), StandardCharsets.UTF_8);
    }

    @Test
    void whileAwayRetainedTopicsKeepOnlyTheirLatestValueAndEventsTheNewest() {
        Outbox box = new Outbox(3);
        box.putRetained(msg("status", "online", true));
        for (int i = 0; i < 100; i++) {
            box.putRetained(msg("state", "s" + i, true));
            box.addTransient(msg("event", "e" + i, false));
        }
        box.putRetained(msg("alarm/a", "set", true));
        box.putRetained(msg("alarm/a", "", true));
        List<String> sent = new ArrayList<>();
        box.flush(m -> sent.add(text(m)));
        assertThat(sent).containsExactly("status=online", "state=s99", "alarm/a=", "event=e97", "event=e98",
                "event=e99");
        assertThat(box.droppedTransient()).isEqualTo(97);
    }

    @Test
    void aRefusedPublishKeepsEverythingForTheNextFlushAndReconnectResendsRetained() {
        Outbox box = new Outbox(10);
        box.putRetained(msg("status", "online", true));
        box.putRetained(msg("state", "s1", true));
        box.addTransient(msg("event", "e1", false));
        List<String> sent = new ArrayList<>();
        box.flush(m -> {
            if (m.topic().equals("state")) {
                return false;
            }
            sent.add(text(m));
            return true;
        });
        assertThat(sent).containsExactly("status=online");
        box.flush(m -> sent.add(text(m)));
        assertThat(sent).containsExactly("status=online", "state=s1", "event=e1");
        box.flush(m -> sent.add(text(m)));
        assertThat(sent).hasSize(3);
        box.markAllRetainedDirty();
        box.flush(m -> sent.add(text(m)));
        assertThat(sent).containsExactly("status=online", "state=s1", "event=e1", "status=online", "state=s1");
    }
}
