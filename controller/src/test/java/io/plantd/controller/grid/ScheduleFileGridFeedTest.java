package io.plantd.controller.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plantd.controller.config.Tariff;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.drivers.point.ProcessImage;
import io.plantd.drivers.yaml.ConfigError;
import io.plantd.drivers.yaml.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleFileGridFeedTest {
    static final Tariff TARIFF = new Tariff(0.12, 1.05, 0.4, 5.3);
    static final ProcessImage EMPTY = new ProcessImage(0, Map.of());
    @TempDir
    Path dir;

    Path file(String yaml) throws Exception {
        Path f = dir.resolve("schedule.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    static final String GOOD = """
            entries:
              - start: 2026-07-01T06:00:00Z
                end: 2026-07-01T12:00:00Z
                level: 0
                priceElectricity: 0.30
              - start: 2026-07-01T14:00:00Z
                end: 2026-07-01T18:00:00Z
                level: 2
                capLimitKw: 8000
                priceElectricity: 0.45
                priceGas: 1.2
              - start: "2026-07-02T14:00:00-05:00"
                end: 2026-07-02T16:00:00-05:00
                level: 1
            """;

    GridStatus at(ScheduleFileGridFeed feed, String iso) {
        return feed.current(EMPTY, Instant.parse(iso));
    }

    @Test
    void reportsTheActiveEntryAndOtherwiseTheNextEvent() throws Exception {
        ScheduleFileGridFeed feed = ScheduleFileGridFeed.load(file(GOOD), TARIFF);

        GridStatus pricePeriod = at(feed, "2026-07-01T07:00:00Z");
        assertThat(pricePeriod.level()).isZero();
        assertThat(pricePeriod.priceElectricity()).isEqualTo(0.30);
        assertThat(pricePeriod.priceGas()).isEqualTo(1.05);
        assertThat(pricePeriod.eventStart()).contains(Instant.parse("2026-07-01T14:00:00Z"));
        assertThat(pricePeriod.good()).isTrue();

        GridStatus before = at(feed, "2026-07-01T13:00:00Z");
        assertThat(before.level()).isZero();
        assertThat(before.capLimitKw()).isEmpty();
        assertThat(before.priceElectricity()).isEqualTo(0.12);
        assertThat(before.eventStart()).contains(Instant.parse("2026-07-01T14:00:00Z"));
        assertThat(before.eventEnd()).contains(Instant.parse("2026-07-01T18:00:00Z"));

        GridStatus during = at(feed, "2026-07-01T14:00:00Z");
        assertThat(during.level()).isEqualTo(2);
        assertThat(during.capLimitKw()).contains(8000.0);
        assertThat(during.priceGas()).isEqualTo(1.2);

        GridStatus afterFirst = at(feed, "2026-07-01T18:00:00Z"); // end is exclusive
        assertThat(afterFirst.level()).isZero();
        assertThat(afterFirst.eventStart()).contains(Instant.parse("2026-07-02T19:00:00Z"));

        GridStatus allOver = at(feed, "2026-07-03T00:00:00Z");
        assertThat(allOver.eventStart()).isEmpty();
        assertThat(allOver.level()).isZero();
    }

    @Test
    void everyMistakeIsReportedWithItsPosition() throws Exception {
        Path f = file("""
                entries:
                  - start: 2026-07-01T14:00:00
                    end: 2026-07-01T18:00:00Z
                  - start: 2026-07-01T10:00:00Z
                    end: 2026-07-01T09:00:00Z
                  - start: 2026-07-01T15:00:00Z
                    end: 2026-07-01T16:00:00Z
                    level: 5
                    capLimit: 8000
                  - start: 2026-07-01T15:30:00Z
                    end: 2026-07-01T19:00:00Z
                  - start: 2026-07-01T19:00:00Z
                    end: 2026-07-01T20:00:00Z
                    capLimitKw: 7000
                extra: 1
                """);
        assertThatThrownBy(() -> ScheduleFileGridFeed.load(f, TARIFF))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).errors()).extracting(ConfigError::toString)
                        .containsExactly(
                                f + ":2:12: entries[0].start: expected an ISO-8601 time with offset such as "
                                        + "2026-07-01T14:00:00Z, got '2026-07-01T14:00:00'",
                                f + ":5:10: entries[1].end: end 2026-07-01T09:00:00Z must be after start 2026-07-01T10:00:00Z",
                                f + ":8:12: entries[2].level: must be between 0 and 3, got 5",
                                f + ":9:5: entries[2].capLimit: unknown key (did you mean 'capLimitKw'?)",
                                f + ":10:5: entries[3]: overlaps the entry at line 6 (2026-07-01T15:00:00Z to 2026-07-01T16:00:00Z)",
                                f + ":15:1: extra: unknown key"));
    }

    @Test
    void aMissingFileIsAConfigErrorNotACrash() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ScheduleFileGridFeed.load(missing, TARIFF))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("nope.yaml:1:1").hasMessageContaining("cannot read file");
    }

    @Test
    void theTariffFeedIsAlwaysGoodWithTariffPrices() {
        GridStatus g = new TariffOnlyGridFeed(TARIFF).current(EMPTY, Instant.EPOCH);
        assertThat(g.good()).isTrue();
        assertThat(g.level()).isZero();
        assertThat(g.priceElectricity()).isEqualTo(0.12);
        assertThat(g.priceGas()).isEqualTo(1.05);
        assertThat(g.outage()).isFalse();
    }
}
