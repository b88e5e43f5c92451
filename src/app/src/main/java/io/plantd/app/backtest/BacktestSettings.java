package io.plantd.app.backtest;

import io.plantd.controller.config.EngineLimits;
import io.plantd.controller.config.Tariff;

/**
 * What a backtest needs besides the plant: the controller's margins and engine limits (the same
 * for every unit), the tariff with its emission factors, and the baselines' own settings.
 *
 * @param scheduleStartHour  local hour the {@code schedule} strategy puts engines on
 * @param scheduleEndHour    local hour it puts them back on motor (exclusive)
 * @param reactiveReleaseKw  {@code reactive} returns a unit only below cap − this margin
 * @param reactiveReleaseS   ... after it has held that long
 */
public record BacktestSettings(
        double marginKw,
        double releaseMarginKw,
        long releaseDelayS,
        EngineLimits engine,
        Tariff tariff,
        int scheduleStartHour,
        int scheduleEndHour,
        double reactiveReleaseKw,
        long reactiveReleaseS) {

    /** The reference site of issue 9: L 300 s, min run 900 s, min off 600 s, 4 starts/h, 3,000 h/yr. */
    public static BacktestSettings reference(double priceElectricity, double priceGas) {
        return new BacktestSettings(200, 600, 600,
                new EngineLimits(300, 900, 600, 4, 3000, 1800, 0.07, 0.015),
                new Tariff(priceElectricity, priceGas, 0.40, 5.3),
                14, 22, 600, 600);
    }

    public BacktestSettings {
        if (scheduleStartHour < 0 || scheduleStartHour > 23 || scheduleEndHour < 1 || scheduleEndHour > 24
                || scheduleEndHour <= scheduleStartHour) {
            throw new IllegalArgumentException("schedule hours must satisfy 0 <= start < end <= 24");
        }
    }

    /**
     * The controller figures of an operator's site config (margins, release delay, tariff, the
     * first chiller's engine limits for scoring), keeping the baselines' own settings.
     */
    public BacktestSettings fromSite(io.plantd.controller.config.SiteConfig c) {
        EngineLimits limits = c.chillers().isEmpty() ? engine : c.chillers().get(0).engine();
        return new BacktestSettings(c.site().marginKw(), c.site().releaseMarginKw(), c.control().releaseDelayS(),
                limits, c.site().tariff(), scheduleStartHour, scheduleEndHour, reactiveReleaseKw, reactiveReleaseS);
    }

    public BacktestSettings withTariff(Tariff t) {
        return new BacktestSettings(marginKw, releaseMarginKw, releaseDelayS, engine, t, scheduleStartHour,
                scheduleEndHour, reactiveReleaseKw, reactiveReleaseS);
    }
}
