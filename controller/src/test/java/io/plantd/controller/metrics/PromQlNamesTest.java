package io.plantd.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlNamesTest {
    @Test
    void findsSelectedMetricsOnly() {
        assertThat(PromQlNames.of("histogram_quantile(0.99, sum by (le, device) (rate(plantd_cycle_duration_seconds_bucket"
                + "{instance=~\"$instance\",job=\"x\"}[$__rate_interval])))"))
                .containsExactly("plantd_cycle_duration_seconds_bucket");
        assertThat(PromQlNames.of("up{job=\"plantd\"} == 0 or absent(up{job=\"plantd\"})")).containsExactly("up");
        assertThat(PromQlNames.of("a_total / on(chiller) group_left(mode) b offset 5m > 1e3"))
                .containsExactly("a_total", "b");
        assertThat(PromQlNames.of("time() - plantd_cycle_last_success_timestamp_seconds > 10"))
                .containsExactly("plantd_cycle_last_success_timestamp_seconds");
        assertThat(PromQlNames.of("increase(missing_metric[1h])")).containsExactly("missing_metric");
    }
}
