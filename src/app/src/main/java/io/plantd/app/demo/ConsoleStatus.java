package io.plantd.app.demo;

import io.plantd.controller.cycle.ChillerStatus;
import io.plantd.controller.cycle.CommandChange;
import io.plantd.controller.cycle.CycleListener;
import io.plantd.controller.cycle.CycleReport;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The demo's console: every command change at once with its reason, and a one-line plant status
 * every few seconds. Runs on its own publish thread, never on the control thread.
 */
final class ConsoleStatus implements CycleListener {
    private final PrintStream out;
    private final Duration every;
    private Instant lastLine = Instant.EPOCH;

    ConsoleStatus(PrintStream out, Duration every) {
        this.out = out;
        this.every = every;
    }

    @Override
    public void onCycle(CycleReport report) {
        for (CommandChange c : report.changes()) {
            out.printf(Locale.ROOT, ">> %s %s -> %s  reason %s  %s%n", c.chillerId(), c.from() == null ? "?" : c.from(),
                    c.to(), c.reason(), c.detail());
        }
        if (Duration.between(lastLine, report.at()).compareTo(every) >= 0) {
            lastLine = report.at();
            out.println(line(report));
        }
    }

    static String line(CycleReport r) {
        var s = r.site();
        String chillers = r.chillers().stream().map(ConsoleStatus::chiller).collect(Collectors.joining(" "));
        String alarms = r.alarms().isEmpty() ? "" : "  alarms " + r.alarms().stream().map(a -> a.id()).toList();
        return String.format(Locale.ROOT, "site %6.0f kW (%s) predicted %6.0f  cap %6.0f  IT headroom %6.0f kW | %s%s",
                s.siteKw(), s.siteQuality(), s.predictedKw(), s.effectiveCapKw(), r.headroom().itHeadroomKw(), chillers,
                alarms);
    }

    private static String chiller(ChillerStatus c) {
        return c.id() + "=" + c.actual() + (c.actual() == c.commanded() ? "" : "->" + c.commanded());
    }
}
