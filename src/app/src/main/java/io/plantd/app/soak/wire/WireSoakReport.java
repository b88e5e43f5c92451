package io.plantd.app.soak.wire;

import io.plantd.app.decisions.DecisionLogFile;
import io.plantd.app.soak.wire.WireSoakRun.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a network soak measured, judged from the simulator's ground truth and the daemon's own
 * decision log (both on simulated time). A second over the cap is excused while a device fault or
 * a restart gap is active or recovering ({@link WireSoakRun#RECOVERY_S}), when no unit could take
 * more load, or while plantd itself declared the cap infeasible; socket drops and broker outages
 * excuse nothing, because neither may disturb control. No engine fault is injected, so an
 * engine-trip or fail-to-start alarm names an engine fault for what was a network fault (a
 * chiller's watchdog reverting it to LOCAL is reported as {@code chiller-local-revert-<id>}).
 */
public record WireSoakReport(
        WireSoakRun.Settings settings,
        long seconds,
        double wallSeconds,
        long overCapS,
        long excusedByFaultOrRestartS,
        long excusedNoEngineS,
        long excusedInfeasibleS,
        long controllerOverCapS,
        double worstOverKw,
        long engineStarts,
        int maxStartsInAnyHour,
        int startsPerHourLimit,
        List<DaemonLifetime> incarnations,
        Map<WireFault.Kind, int[]> faults,
        List<Double> reconnectWallS,
        int spuriousAlarmsAfterSocketDrops,
        long alarmsRaised,
        long alarmMessagesSeenByBms,
        /** engine-trip-* and engine-fail-to-start-* raised: none is injected, so each is misattributed. */
        long engineFaultAlarms,
        /** chiller-local-revert-* raised: a chiller's watchdog took it to LOCAL while plantd could not reach it. */
        long localRevertAlarms,
        int tornLogLines,
        int conservativeRestores,
        List<String> uncaught,
        Map<String, Integer> errorLines) {

    record Inputs(WireSoakRun.Settings settings, long seconds, Instant scenarioStart, Session session,
                  List<TruthWatch.Excursion> excursions, DecisionLogFile.Contents log, List<Instant> onlineAt,
                  long alarmMessagesSeen, long engineStarts, int maxStartsInAnyHour, int startsLimit,
                  double wallSeconds) {
    }

    private record Span(double from, double to) {
        boolean contains(double t) {
            return t >= from && t < to;
        }
    }

    static WireSoakReport judge(Inputs in) {
        Session session = in.session();
        List<Span> excuses = new ArrayList<>(List.of(new Span(0, WireSoakRun.RECOVERY_S)));
        for (Session.Applied a : session.applied) {
            if (a.fault().expectedAlarm().isPresent()) {
                excuses.add(new Span(a.onS(), a.offS() + WireSoakRun.RECOVERY_S));
            }
        }
        List<Span> gaps = new ArrayList<>();
        for (int i = 1; i < session.incarnations.size(); i++) {
            DaemonLifetime prev = session.incarnations.get(i - 1);
            DaemonLifetime cur = session.incarnations.get(i);
            double ready = cur.readyS() >= 0 ? cur.readyS() : cur.endedS();
            gaps.add(new Span(prev.endedS(), ready));
            excuses.add(new Span(prev.endedS(), ready + WireSoakRun.RECOVERY_S));
        }
        Map<String, List<Span>> alarmSpans = alarmSpans(in.log().entries(), in.scenarioStart(), in.seconds());
        List<Span> infeasible = alarmSpans.getOrDefault("cap-infeasible", List.of());

        long over = 0;
        long byFault = 0;
        long noEngine = 0;
        long byInfeasible = 0;
        long controller = 0;
        double worst = 0;
        for (TruthWatch.Excursion e : in.excursions()) {
            if (e.second() >= in.seconds()) {
                continue;
            }
            over++;
            worst = Math.max(worst, e.overKw());
            if (any(excuses, e.second())) {
                byFault++;
            } else if (e.noEngineLeft()) {
                noEngine++;
            } else if (any(infeasible, e.second())) {
                byInfeasible++;
            } else {
                controller++;
            }
        }

        Map<WireFault.Kind, int[]> faults = new EnumMap<>(WireFault.Kind.class);
        for (WireFault.Kind k : WireFault.Kind.values()) {
            faults.put(k, new int[3]); // injected, exercised (daemon up), alarmed
        }
        List<Double> reconnect = new ArrayList<>();
        int spurious = 0;
        for (Session.Applied a : session.applied) {
            int[] c = faults.get(a.fault().kind());
            c[0]++;
            boolean daemonUp = !any(gaps, a.onS()) || !any(gaps, a.offS());
            if (daemonUp) {
                c[1]++;
            }
            switch (a.fault().kind()) {
                case DEVICE_TIMEOUT, EXCEPTION_RESPONSES -> {
                    List<Span> spans = alarmSpans.getOrDefault(a.fault().expectedAlarm().orElseThrow(), List.of());
                    Span window = new Span(a.onS(), a.offS() + WireSoakRun.ALARM_GRACE_S);
                    if (daemonUp && spans.stream().anyMatch(sp -> sp.from() < window.to() && sp.to() > window.from())) {
                        c[2]++;
                    }
                }
                case SOCKET_DROP -> {
                    String id = a.fault().staleAlarm();
                    boolean raisedAfter = in.log().entries().stream().anyMatch(e -> e.event().equals("alarm-raised")
                            && e.text("alarm").equals(id) && between(at(e, in.scenarioStart()), a.onS(), a.onS() + 60));
                    if (raisedAfter) {
                        spurious++;
                    }
                }
                case BROKER_OUTAGE -> in.onlineAt().stream().filter(t -> !t.isBefore(a.offWall())).findFirst()
                        .ifPresent(t -> {
                            c[2]++;
                            reconnect.add(Duration.between(a.offWall(), t).toMillis() / 1000.0);
                        });
            }
        }

        long raised = in.log().entries().stream().filter(e -> e.event().equals("alarm-raised")).count();
        long engineFaults = raisedStartingWith(in.log(), "engine-trip-") + raisedStartingWith(in.log(),
                "engine-fail-to-start-");
        long reverts = raisedStartingWith(in.log(), "chiller-local-revert-");
        int conservative = 0;
        List<String> uncaught = new ArrayList<>();
        Map<String, Integer> errors = new java.util.TreeMap<>();
        for (DaemonLifetime i : session.incarnations) {
            for (String line : i.output().split("\n")) {
                int error = line.indexOf(" ERROR ");
                if (error >= 0) {
                    // the logger's text without its timestamp: one row per kind of error
                    errors.merge(line.substring(error + 1), 1, Integer::sum);
                }
                if (line.contains("plant state:") && line.contains("WARN")) {
                    conservative++;
                }
                if (line.contains("Exception in thread") || line.contains("Uncaught")) {
                    uncaught.add("daemon #" + i.number() + ": " + line);
                }
            }
        }
        return new WireSoakReport(in.settings(), in.seconds(), in.wallSeconds(), over, byFault, noEngine,
                byInfeasible, controller, worst, in.engineStarts(), in.maxStartsInAnyHour(), in.startsLimit(),
                List.copyOf(session.incarnations), faults, reconnect, spurious, raised, in.alarmMessagesSeen(),
                engineFaults, reverts,
                in.log().unreadable().size(), conservative, uncaught, errors);
    }

    private static long raisedStartingWith(DecisionLogFile.Contents log, String prefix) {
        return log.entries().stream().filter(e -> e.event().equals("alarm-raised") && e.text("alarm").startsWith(prefix))
                .count();
    }

    /** Per alarm id, the simulated-time spans it was raised (still raised at the end: to the end). */
    private static Map<String, List<Span>> alarmSpans(List<DecisionLogFile.Entry> entries, Instant start, long end) {
        Map<String, Double> open = new java.util.HashMap<>();
        Map<String, List<Span>> spans = new java.util.HashMap<>();
        for (DecisionLogFile.Entry e : entries) {
            String id = e.text("alarm");
            if (e.event().equals("alarm-raised")) {
                open.putIfAbsent(id, at(e, start));
            } else if (e.event().equals("alarm-cleared") && open.containsKey(id)) {
                spans.computeIfAbsent(id, k -> new ArrayList<>()).add(new Span(open.remove(id), at(e, start)));
            }
        }
        open.forEach((id, from) -> spans.computeIfAbsent(id, k -> new ArrayList<>()).add(new Span(from, end)));
        return spans;
    }

    private static double at(DecisionLogFile.Entry e, Instant start) {
        return Duration.between(start, e.ts()).toMillis() / 1000.0;
    }

    private static boolean between(double t, double from, double to) {
        return t >= from && t <= to;
    }

    private static boolean any(List<Span> spans, double t) {
        return spans.stream().anyMatch(s -> s.contains(t));
    }

    public long kills() {
        return incarnations.stream().filter(DaemonLifetime::killed).count();
    }

    /** Exits nobody asked for (the last incarnation is stopped with SIGTERM and not counted). */
    public long crashes() {
        return incarnations.subList(0, Math.max(0, incarnations.size() - 1)).stream().filter(i -> !i.killed()).count();
    }

    public boolean cleanFinalStop() {
        return !incarnations.isEmpty() && incarnations.get(incarnations.size() - 1).exitCode().orElse(-1) == 0;
    }

    public int brokerOutagesNotRecovered() {
        int[] c = faults.get(WireFault.Kind.BROKER_OUTAGE);
        return c[0] - c[2];
    }

    public boolean passed() {
        return controllerOverCapS == 0 && maxStartsInAnyHour <= startsPerHourLimit && crashes() == 0
                && uncaught.isEmpty() && errorLines.isEmpty() && brokerOutagesNotRecovered() == 0
                && engineFaultAlarms == 0 && cleanFinalStop();
    }

    public String toMarkdown(String command) {
        StringBuilder b = new StringBuilder("| measure | value |\n|---|---|\n");
        row(b, "command", "`" + command + "`");
        row(b, "simulated", String.format(Locale.ROOT, "%.1f h (%d s) at %.0f× in %.0f s wall", seconds / 3600.0,
                seconds, settings.timeScale(), wallSeconds));
        row(b, "seconds over the cap attributable to the controller", Long.toString(controllerOverCapS));
        row(b, "seconds over the cap: all / device fault or restart recovering / no unit left / plantd declared infeasible",
                overCapS + " / " + excusedByFaultOrRestartS + " / " + excusedNoEngineS + " / " + excusedInfeasibleS);
        row(b, "worst excess over the cap", String.format(Locale.ROOT, "%.1f kW", worstOverKw));
        row(b, "engine starts / most by one unit in any 60 min (limit)",
                engineStarts + " / " + maxStartsInAnyHour + " (" + startsPerHourLimit + ")");
        double cycles = incarnations.stream().mapToDouble(DaemonLifetime::cycles).sum();
        double overruns = incarnations.stream().mapToDouble(DaemonLifetime::overruns).sum();
        row(b, "cycles / overruns (a cycle longer than its accelerated period, " + String.format(Locale.ROOT, "%.0f ms",
                1000 / settings.timeScale()) + " wall)", String.format(Locale.ROOT, "%.0f / %.0f", cycles, overruns));
        row(b, "daemon processes / SIGKILLs / crashes / conservative restores / final SIGTERM exit",
                incarnations.size() + " / " + kills() + " / " + crashes() + " / " + conservativeRestores + " / "
                        + (incarnations.isEmpty() ? "-" : incarnations.get(incarnations.size() - 1).exitCode()
                        .map(String::valueOf).orElse("did not stop")));
        row(b, "restart gaps (SIGKILL to /healthz, simulated s)", gapsText());
        row(b, "largest heap in use / RSS of any daemon process (-Xmx64m)", String.format(Locale.ROOT, "%.1f MB / %.1f MB",
                incarnations.stream().mapToDouble(DaemonLifetime::maxHeapMb).max().orElse(0),
                incarnations.stream().mapToDouble(DaemonLifetime::maxRssMb).max().orElse(0)));
        row(b, "alarms raised (decision log) / alarm messages the BMS client received",
                alarmsRaised + " / " + alarmMessagesSeenByBms);
        row(b, "stale alarms within 60 s of a socket drop (should be 0)", Integer.toString(spuriousAlarmsAfterSocketDrops));
        row(b, "engine-trip / fail-to-start alarms (no engine fault injected: should be 0) / watchdog reverts "
                + "(chiller-local-revert)", engineFaultAlarms + " / " + localRevertAlarms);
        row(b, "broker outages: plantd back online after each (wall s to reconnect, max)",
                faults.get(WireFault.Kind.BROKER_OUTAGE)[2] + " of " + faults.get(WireFault.Kind.BROKER_OUTAGE)[0]
                        + String.format(Locale.ROOT, " (%.1f s)", reconnectWallS.stream().mapToDouble(d -> d).max()
                        .orElse(0)));
        row(b, "decision-log lines torn by SIGKILL", Integer.toString(tornLogLines));
        row(b, "uncaught exceptions / ERROR lines in daemon output", uncaught.size() + " / "
                + errorLines.values().stream().mapToInt(Integer::intValue).sum());
        b.append("\n| fault | injected | daemon up | alarm raised |\n|---|---|---|---|\n");
        faults.forEach((k, c) -> b.append("| ").append(k.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .append(" | ").append(c[0]).append(" | ").append(c[1]).append(" | ")
                .append(switch (k) {
                    case DEVICE_TIMEOUT, EXCEPTION_RESPONSES -> Integer.toString(c[2]);
                    case SOCKET_DROP -> "none expected";
                    case BROKER_OUTAGE -> "n/a (reconnected: " + c[2] + ")";
                }).append(" |\n"));
        b.append('\n').append(passed() ? "PASSED" : "FAILED").append('\n');
        uncaught.forEach(u -> b.append("  ").append(u).append('\n'));
        errorLines.forEach((line, n) -> b.append("  ").append(n).append(" × ").append(line).append('\n'));
        return b.toString();
    }

    private String gapsText() {
        List<String> parts = new ArrayList<>();
        for (int i = 1; i < incarnations.size(); i++) {
            DaemonLifetime cur = incarnations.get(i);
            double ready = cur.readyS() >= 0 ? cur.readyS() : Double.NaN;
            parts.add(String.format(Locale.ROOT, "%.0f", ready - incarnations.get(i - 1).endedS()));
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("| ").append(k).append(" | ").append(v).append(" |\n");
    }
}
