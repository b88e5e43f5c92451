package io.plantd.app.backtest;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Formats scores side by side (one column per strategy) as a Markdown table, and as CSV. */
public final class ResultTable {
    private record Row(String label, Function<Score, String> cell) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("peak IT served within cap (kW)", s -> f0(s.peakItUnderCapKw())),
            new Row("  % of physical limit", s -> f1(s.pctOfPhysical()) + " %"),
            new Row("seconds over cap", s -> Long.toString(s.secondsOverCap())),
            new Row("kWh over cap", s -> f1(s.kwhOverCap())),
            new Row("worst overshoot (kW)", s -> f0(s.worstOvershootKw())),
            new Row("worst overshoot at (UTC)", s -> s.worstOvershootAtEpochS() < 0 ? "-"
                    : java.time.Instant.ofEpochSecond(s.worstOvershootAtEpochS()).toString().replace("T", " ")
                            .replace("Z", "")),
            new Row("engine starts, total", s -> Long.toString(s.totalStarts())),
            new Row("max starts/h per unit (limit)", s -> s.maxStartsPerHour() + " (" + s.startsPerHourLimit() + ")"),
            new Row("max starts/day per unit", s -> Integer.toString(s.maxStartsPerDay())),
            new Row("engine h, max unit (budget)", s -> f0(s.maxUnitRunHours()) + " (" + f0(s.runHourBudget()) + ")"),
            new Row("engine h, all units", s -> f0(s.totalRunHours())),
            new Row("electricity (MWh)", s -> f0(s.electricityKwh() / 1000)),
            new Row("electricity cost", s -> f0(s.electricityCost())),
            new Row("gas (therm)", s -> f0(s.gasTherms())),
            new Row("gas cost", s -> f0(s.gasCost())),
            new Row("total energy cost", s -> f0(s.electricityCost() + s.gasCost())),
            new Row("CO2 (t)", s -> f1(s.co2Tonnes())),
            new Row("decisions (mode changes)", s -> Long.toString(s.decisions())),
            new Row("seconds with unmet cooling", s -> Long.toString(s.unmetCoolingSeconds())));

    private ResultTable() {
    }

    public static String markdown(List<Score> scores) {
        StringBuilder b = new StringBuilder("| |");
        for (Score s : scores) {
            b.append(' ').append(s.strategy()).append(" |");
        }
        b.append("\n|---|");
        b.append("---:|".repeat(scores.size())).append('\n');
        for (Row r : ROWS) {
            b.append("| ").append(r.label().trim()).append(" |");
            for (Score s : scores) {
                b.append(' ').append(r.cell().apply(s)).append(" |");
            }
            b.append('\n');
        }
        return b.toString();
    }

    public static String csv(List<Score> scores) {
        StringBuilder b = new StringBuilder("strategy,seconds,seconds_over_cap,kwh_over_cap,worst_overshoot_kw,"
                + "peak_it_within_cap_kw,physical_limit_kw,pct_of_physical,total_starts,max_starts_per_hour,"
                + "max_starts_per_day,max_unit_engine_h,total_engine_h,electricity_kwh,electricity_cost,gas_therm,"
                + "gas_cost,co2_t,decisions,unmet_cooling_s\n");
        for (Score s : scores) {
            b.append(String.join(",", s.strategy(), Long.toString(s.seconds()), Long.toString(s.secondsOverCap()),
                    f3(s.kwhOverCap()), f3(s.worstOvershootKw()), f3(s.peakItUnderCapKw()), f3(s.physicalLimitKw()),
                    f3(s.pctOfPhysical()), Long.toString(s.totalStarts()), Integer.toString(s.maxStartsPerHour()),
                    Integer.toString(s.maxStartsPerDay()), f3(s.maxUnitRunHours()), f3(s.totalRunHours()),
                    f3(s.electricityKwh()), f3(s.electricityCost()), f3(s.gasTherms()), f3(s.gasCost()),
                    f3(s.co2Tonnes()), Long.toString(s.decisions()), Long.toString(s.unmetCoolingSeconds())))
                    .append('\n');
        }
        return b.toString();
    }

    static String f0(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
