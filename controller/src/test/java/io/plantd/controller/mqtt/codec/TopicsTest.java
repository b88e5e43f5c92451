package io.plantd.controller.mqtt.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.controller.mqtt.codec.Topics.CommandTopic;
import org.junit.jupiter.api.Test;

class TopicsTest {
    private final Topics t = new Topics("dc1");

    @Test
    void tree() {
        assertThat(t.state()).isEqualTo("plantd/v1/dc1/state");
        assertThat(t.chillerState("ch1")).isEqualTo("plantd/v1/dc1/chiller/ch1/state");
        assertThat(t.alarm("meter-stale")).isEqualTo("plantd/v1/dc1/alarm/meter-stale");
        assertThat(t.command("override", "bms")).isEqualTo("plantd/v1/dc1/cmd/override/bms");
        assertThat(t.reply("override", "bms")).isEqualTo("plantd/v1/dc1/cmd/override/bms/reply");
    }

    @Test
    void parsesCommandTopics() {
        assertThat(t.parseCommand("plantd/v1/dc1/cmd/cap/bms")).contains(new CommandTopic("cap", "bms"));
        assertThat(t.parseCommand("plantd/v1/dc1/cmd/cap")).contains(new CommandTopic("cap", ""));
        assertThat(t.parseCommand("plantd/v1/dc1/cmd/cap/bms/reply")).isEmpty();
        assertThat(t.parseCommand("plantd/v1/dc2/cmd/cap/bms")).isEmpty();
    }

    @Test
    void responseTopicsInsidePlantdsTreeAreOnlyTheSendersOwnReplyTopic() {
        assertThat(t.acceptableResponseTopic("bms/replies/7", "cap", "bms")).isTrue();
        assertThat(t.acceptableResponseTopic("plantd/v1/dc1/cmd/cap/bms/reply", "cap", "bms")).isTrue();
        assertThat(t.acceptableResponseTopic("plantd/v1/dc1/state", "cap", "bms")).isFalse();
        assertThat(t.acceptableResponseTopic("plantd/v1/dc1/cmd/cap/other/reply", "cap", "bms")).isFalse();
        assertThat(t.acceptableResponseTopic("bms/+/x", "cap", "bms")).isFalse();
    }

    @Test
    void siteIdMustBeOneLevel() {
        assertThatThrownBy(() -> new Topics("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Topics("#")).isInstanceOf(IllegalArgumentException.class);
    }
}
