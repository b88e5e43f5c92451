package io.plantd.controller.mqtt.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.controller.mqtt.codec.GridSignalDecoder.GridSignal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GridSignalDecoderTest {
    private static final Instant NOW = Instant.parse("2026-07-01T12:00:00Z");

    private static GridSignal decode(String json) throws PayloadException {
        return GridSignalDecoder.decode(json.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void fullSignal() throws Exception {
        GridSignal s = decode("{\"level\":3,\"capLimitKw\":7000,\"priceElectricity\":-0.02,\"priceGas\":0.05,"
                + "\"eventStart\":\"2026-07-01T14:00:00Z\",\"eventEnd\":\"2026-07-01T18:00:00Z\",\"frequencyHz\":59.7,"
                + "\"outage\":true,\"ts\":\"2026-07-01T11:59:58Z\"}");
        assertThat(s.status().level()).isEqualTo(3);
        assertThat(s.status().capLimitKw()).contains(7000.0);
        assertThat(s.status().priceElectricity()).isEqualTo(-0.02);
        assertThat(s.status().eventEnd()).contains(Instant.parse("2026-07-01T18:00:00Z"));
        assertThat(s.status().outage()).isTrue();
        assertThat(s.sourceTime()).contains(Instant.parse("2026-07-01T11:59:58Z"));
    }

    @Test
    void minimalSignal() throws Exception {
        GridSignal s = decode("{\"level\":0,\"priceElectricity\":0.1,\"priceGas\":0.04,\"outage\":false}");
        assertThat(s.status().capLimitKw()).isEmpty();
        assertThat(s.status().frequencyHz()).isEmpty();
        assertThat(s.sourceTime()).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"level\":4,\"priceElectricity\":0.1,\"priceGas\":0.04,\"outage\":false}             | level",
            "{\"level\":\"2\",\"priceElectricity\":0.1,\"priceGas\":0.04,\"outage\":false}         | level",
            "{\"level\":1,\"priceGas\":0.04,\"outage\":false}                                      | priceElectricity",
            "{\"level\":1,\"priceElectricity\":0.1,\"priceGas\":-1,\"outage\":false}               | priceGas",
            "{\"level\":1,\"priceElectricity\":0.1,\"priceGas\":0.04}                              | outage",
            "{\"level\":1,\"priceElectricity\":0.1,\"priceGas\":0.04,\"outage\":0}                 | outage",
            "{\"level\":1,\"priceElectricity\":0.1,\"priceGas\":0.04,\"outage\":false,\"capLimitKw\":0} | capLimitKw",
            "{\"level\":1,\"priceElectricity\":0.1,\"priceGas\":0.04,\"outage\":false,\"frequencyHz\":600} | frequencyHz",
            "{\"level\":1,\"priceElectricity\":0.1,\"priceGas\":0.04,\"outage\":false,\"eventStart\":\"2026-07-01T14:00:00Z\",\"eventEnd\":\"2026-07-01T13:00:00Z\"} | eventEnd",
            "{\"level\":1,\"priceElectricity\":0.1,\"priceGas\":0.04,\"outage\":false,\"ts\":\"2026-07-01T12:01:00Z\"} | ts",
            "{\"level\":1,\"priceElectricity\":0.1,\"priceGas\":0.04,\"outage\":false,\"extra\":1}  | extra",
    })
    void refused(String json, String field) {
        assertThatThrownBy(() -> decode(json)).isInstanceOfSatisfying(PayloadException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
