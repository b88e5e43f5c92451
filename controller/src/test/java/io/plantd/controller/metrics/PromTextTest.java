package io.plantd.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test parser must reject what Prometheus or promtool would reject, or the scrape tests prove nothing. */
class PromTextTest {
    private static final String GOOD = """
            # HELP a_total Things.
            # TYPE a_total counter
            a_total{x="1",y="q\\"\\\\\\n"} 3
            # HELP lat_seconds Durations.
            # TYPE lat_seconds histogram
            lat_seconds_bucket{le="0.1"} 1
            lat_seconds_bucket{le="+Inf"} 2
            lat_seconds_count 2
            lat_seconds_sum 0.3
            # HELP g Gauge.
            # TYPE g gauge
            g NaN
            g{k="v"} -1.5e3 1700000000000
            """;

    @Test
    void parsesValidExposition() {
        PromText text = PromText.parse(GOOD);
        assertThat(text.value("a_total", "x", "1", "y", "q\"\\\n")).isEqualTo(3);
        assertThat(text.family("lat_seconds").type).isEqualTo("histogram");
        assertThat(text.value("lat_seconds_count")).isEqualTo(2);
        assertThat(text.value("g")).isNaN();
        assertThat(text.value("g", "k", "v")).isEqualTo(-1500);
        assertThat(text.sampleNames()).contains("lat_seconds_bucket", "lat_seconds_sum", "a_total", "g");
    }

    @Test
    void sumsEverySeriesOfANameThatCarriesTheGivenLabels() {
        PromText text = PromText.parse("""
                # HELP mem_bytes Memory.
                # TYPE mem_bytes gauge
                mem_bytes{area="heap",id="eden"} 1
                mem_bytes{area="heap",id="old"} 2
                mem_bytes{area="nonheap",id="code"} 4
                """);
        assertThat(text.sum("mem_bytes")).isEqualTo(7);
        assertThat(text.sum("mem_bytes", "area", "heap")).isEqualTo(3);
        assertThat(text.sum("mem_bytes", "area", "heap", "id", "old")).isEqualTo(2);
        assertThat(text.sum("other_bytes")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "# HELP a_total x\n# TYPE a_total counter\na_total -1\n",                 // negative counter
        "# HELP a x\n# TYPE a counter\na 1\n",                                      // counter without _total
        "# HELP g x\n# TYPE g gauge\ng{k=\"v\"} 1\ng{k=\"v\"} 2\n",                  // duplicate series
        "# HELP g x\n# TYPE g gauge\ng{k=v} 1\n",                                   // unquoted label value
        "# HELP g x\n# TYPE g gauge\ng{k=\"\\t\"} 1\n",                             // bad escape
        "# HELP g x\n# TYPE g gauge\ng 1,5\n",                                      // bad number
        "# HELP g x\n# TYPE g gauge\ng 1",                                          // no final newline
        "# HELP g x\n# TYPE g gauge\ng 1\n# HELP f x\n# TYPE f gauge\nf 1\ng{a=\"b\"} 1\n", // interleaved
        "# HELP g x\n# TYPE g gauge\n# TYPE g gauge\ng 1\n",                        // second TYPE
        "# TYPE g gauge\ng 1\n",                                                    // no HELP
        "# HELP 1g x\n# TYPE 1g gauge\n1g 1\n",                                     // bad name
        "# HELP h x\n# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_count 1\nh_sum 1\n", // not cumulative
        "# HELP h x\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\nh_sum 1\n", // no +Inf
        "# HELP h x\n# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_count 2\nh_sum 1\n", // count mismatch
        "# HELP h x\n# TYPE h histogram\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n",     // no sum
        "# HELP cpu_time_ns x\n# TYPE cpu_time_ns gauge\ncpu_time_ns 1\n",          // abbreviated unit
        "# HELP g x\n# TYPE g gauge\ng{le=\"1\"} 1\n",                              // le outside histogram
        "# HELP cpu_count x\n# TYPE cpu_count gauge\ncpu_count 2\n",                // reserved _count suffix
    })
    void rejectsInvalidExposition(String text) {
        assertThatThrownBy(() -> PromText.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lookupsOfWhatIsNotThereNameIt() {
        PromText scrape = PromText.parse("# HELP g x\n# TYPE g gauge\ng{a=\"1\"} 1\ng{a=\"2\"} 2\n");
        assertThatThrownBy(() -> scrape.family("h")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("h not in scrape");
        assertThatThrownBy(() -> scrape.value("g")).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("found 0");
        assertThat(scrape.value("g", "a", "2")).isEqualTo(2.0);
    }
}
