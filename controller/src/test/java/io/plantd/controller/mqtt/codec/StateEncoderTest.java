package io.plantd.controller.mqtt.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plantd.controller.command.CommandResult;
import io.plantd.controller.cycle.ChillerStatus;
import io.plantd.controller.cycle.CycleReport;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.cycle.Headroom;
import io.plantd.controller.cycle.SiteStatus;
import io.plantd.controller.policy.DriveMode;
import io.plantd.controller.policy.OperatingMode;
import io.plantd.controller.policy.Reason;
import io.plantd.drivers.point.Quality;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StateEncoderTest {
    private static final Instant AT = Instant.parse("2026-07-01T12:00:00Z");

    private static CycleReport report(long seq, Instant at, double siteKw) {
        SiteStatus site = new SiteStatus(siteKw, Quality.BAD, 7000, 2000, 500, Double.NaN, 10_000, 9_500, 0, 0);
        GridStatus grid = new GridStatus(1, Optional.of(9000.0), 0.2, 0.05, Optional.empty(), Optional.empty(),
                Optional.of(59.95), false, true);
        ChillerStatus ch = new ChillerStatus("ch1", DriveMode.ENGINE, DriveMode.MOTOR, 1, 0,
                Reason.ENGINE_NOT_READY, "warming up", false, "engine not ready", false, 2, 100.4, 290, true);
        return new CycleReport(seq, at, 1, 0, OperatingMode.MONITOR_ONLY, false, site, grid, List.of(ch), List.of(),
                List.of(), new Headroom(1234.56, 300, at.plusSeconds(300)));
    }

    @Test
    void stateCarriesEverySectionAndNullForNonFinite() {
        JsonNode s = StateEncoder.state(report(3, AT, 8123.44));
        assertThat(s.get("ts").asText()).isEqualTo("2026-07-01T12:00:00Z");
        assertThat(s.get("mode").asText()).isEqualTo("MONITOR_ONLY");
        assertThat(s.get("siteKw").asDouble()).isEqualTo(8123.4);
        assertThat(s.get("siteQuality").asText()).isEqualTo("BAD");
        assertThat(s.get("predictedKw").isNull()).isTrue();
        assertThat(s.get("headroom").get("itHeadroomKw").asDouble()).isEqualTo(1234.6);
        assertThat(s.get("grid").get("frequencyHz").asDouble()).isEqualTo(59.95);
        assertThat(s.get("grid").get("eventStart").isNull()).isTrue();
        JsonNode ch = s.get("chillers").get(0);
        assertThat(ch.get("commanded").asText()).isEqualTo("ENGINE");
        assertThat(ch.get("actual").asText()).isEqualTo("MOTOR");
        assertThat(ch.get("overridden").asBoolean()).isTrue();
        assertThat(ch.get("ineligibleBecause").asText()).isEqualTo("engine not ready");
    }

    /**
     * Found by the network soak: a daemon restarted while a chiller did not answer had never read its
     * drive mode, and every state publication failed on it until the chiller answered again.
     */
    @Test
    void aChillerWhoseDriveModeWasNeverReadIsPublishedWithActualNull() {
        ChillerStatus unread = new ChillerStatus("ch1", DriveMode.LOCAL, null, Double.NaN, Double.NaN,
                Reason.ENGINE_NOT_READY, "stale", false, "stale: no answer", true, 0, 0, 0, false);
        CycleReport r = report(4, AT, 8000);
        CycleReport withUnread = new CycleReport(r.sequence(), r.at(), r.durationNanos(), r.overrunsTotal(), r.mode(),
                r.economicEnabled(), r.site(), r.grid(), List.of(unread), r.changes(), r.alarms(), r.headroom());
        JsonNode ch = StateEncoder.state(withUnread).get("chillers").get(0);
        assertThat(ch.get("actual").isNull()).isTrue();
        assertThat(ch.get("commanded").asText()).isEqualTo("LOCAL");
        assertThat(StateEncoder.chiller(AT, unread).get("actual").isNull()).isTrue();
    }

    @Test
    void changeDetectionIgnoresTimestampAndSequenceOnly() {
        ObjectNode a = StateEncoder.withoutVolatile(StateEncoder.state(report(1, AT, 8000)));
        ObjectNode b = StateEncoder.withoutVolatile(StateEncoder.state(report(2, AT.plusSeconds(1), 8000.01)));
        ObjectNode c = StateEncoder.withoutVolatile(StateEncoder.state(report(3, AT.plusSeconds(2), 8000.2)));
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void replyHasTheFourFieldsAndTs() {
        JsonNode r = StateEncoder.reply(AT, CommandResult.accepted("ch1 ENGINE", Optional.of(AT.plusSeconds(60))));
        assertThat(r.get("ok").asBoolean()).isTrue();
        assertThat(r.get("reason").asText()).isEqualTo("accepted");
        assertThat(r.get("applied").asText()).isEqualTo("ch1 ENGINE");
        assertThat(r.get("validUntil").asText()).isEqualTo("2026-07-01T12:01:00Z");
        JsonNode rej = StateEncoder.reply(AT, CommandResult.rejected("no"));
        assertThat(rej.get("validUntil").isNull()).isTrue();
    }
}
