package io.plantd.app.cli;

import io.plantd.app.backtest.BacktestRun;
import io.plantd.app.backtest.BacktestScenarios;
import io.plantd.app.backtest.BacktestSettings;
import io.plantd.app.backtest.ControllerSiteConfig;
import io.plantd.app.backtest.DayTrace;
import io.plantd.app.backtest.HeadroomSearch;
import io.plantd.app.backtest.ResultTable;
import io.plantd.app.backtest.Scenarios;
import io.plantd.app.backtest.Score;
import io.plantd.app.backtest.Strategy;
import io.plantd.app.backtest.TraceOutput;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.config.SiteConfigLoader;
import io.plantd.controller.config.Tariff;
import io.plantd.drivers.yaml.ConfigException;
import io.plantd.sim.scenario.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "backtest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Replay a scenario in accelerated time (1 s cycles, no sockets) through the plant model with each",
            "strategy — motor-only, schedule, reactive and plantd's real policy — and print the results side by side.",
            "Writes summary.csv, day-N.csv and day-N.png to --out."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK_LINE, ExitCodes.FAILED_LINE, ExitCodes.USAGE_LINE})
public final class BacktestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "FILE",
            description = "Simulator scenario YAML, or a generator file such as config/scenarios/year.yaml.")
    Path scenarioFile;

    @Option(names = "--config", paramLabel = "FILE",
            description = {"Site config for the controllers (its devices must be the simulated ones, e.g.",
                "config/sites/sim-heat-wave.yaml). Default: the reference settings on the scenario's plant."})
    Path configFile;

    @Option(names = "--strategy", paramLabel = "NAME", split = ",",
            description = "motor-only, schedule, reactive, plantd (repeatable; default: all four).")
    List<String> strategies = new ArrayList<>();

    @Option(names = "--out", defaultValue = "backtest-out", paramLabel = "DIR",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--day", defaultValue = "0", paramLabel = "N",
            description = "Day (from the scenario start) to write as CSV and chart (default: ${DEFAULT-VALUE}).")
    long day;

    @Option(names = "--from-day", defaultValue = "0", paramLabel = "D",
            description = "Control and score from this day on; the plant runs uncontrolled before it.")
    long fromDay;

    @Option(names = "--days", paramLabel = "N", description = "Control and score only N days (default: to the end).")
    Long days;

    @Option(names = "--headroom",
            description = "Also find, per strategy, the largest IT scale hosted with no second over the cap.")
    boolean headroom;

    @Option(names = "--headroom-tolerance", defaultValue = "0.005", paramLabel = "X",
            description = "Bisection stops when the scale bracket is narrower than this (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--threads", paramLabel = "N", description = "Parallel runs (default: available processors).")
    Integer threads;

    @Option(names = "--schedule-hours", defaultValue = "14-22", paramLabel = "FROM-TO",
            description = "Local hours the schedule strategy runs engines (default: ${DEFAULT-VALUE}).")
    String scheduleHours;

    @Option(names = "--grid-co2", defaultValue = "0.40", paramLabel = "KG/KWH",
            description = "Grid emission factor (default: ${DEFAULT-VALUE}).")
    double gridCo2;

    @Option(names = "--gas-co2", defaultValue = "5.3", paramLabel = "KG/THERM",
            description = "Gas emission factor (default: ${DEFAULT-VALUE}).")
    double gasCo2;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(o, err);
        } finally {
            o.flush();
            err.flush();
        }
    }

    private int run(PrintWriter o, PrintWriter err) {
        try {
            Scenario scenario = BacktestScenarios.load(scenarioFile);
            List<Strategy> chosen = strategies();
            SiteConfig config = null;
            BacktestSettings settings = settings(scenario);
            if (configFile != null) {
                config = SiteConfigLoader.load(configFile);
                settings = settings.fromSite(config);
            }
            SiteConfig siteConfig = config != null ? config : ControllerSiteConfig.of(scenario, settings);
            BacktestSettings chosenSettings = settings;
            long fromS = fromDay * 86_400;
            long seconds = days == null ? scenario.durationS() - fromS : days * 86_400;
            if (fromS < 0 || fromS >= scenario.durationS() || seconds <= 0) {
                err.println("plantd backtest: --from-day/--days select nothing of a "
                        + scenario.durationS() + " s scenario");
                return ExitCodes.FAILED;
            }
            BacktestRun.Window window = new BacktestRun.Window(fromS, seconds);
            long traceFrom = day * 86_400;
            Files.createDirectories(out);
            int nThreads = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(nThreads, chosen.size())));
            try {
                o.printf(Locale.ROOT, "scenario %s: %s%n", scenario.name(), scenario.description());
                o.printf(Locale.ROOT, "window: days %d..%d (%,d s at 1 s cycles), %d strategies on %d threads%n",
                        fromDay, fromDay + seconds / 86_400, seconds, chosen.size(), nThreads);
                long t0 = System.nanoTime();
                List<Future<BacktestRun.Result>> futures = new ArrayList<>(java.util.Collections.nCopies(chosen.size(), null));
                for (int i : longestFirst(chosen)) {
                    Strategy s = chosen.get(i);
                    futures.set(i, pool.submit(() -> BacktestRun.run(scenario, s, chosenSettings, siteConfig, window, traceFrom)));
                }
                List<Score> scores = new ArrayList<>();
                List<DayTrace> traces = new ArrayList<>();
                long cycles = 0;
                long cpu = 0;
                for (int i = 0; i < chosen.size(); i++) {
                    BacktestRun.Result r = futures.get(i).get();
                    scores.add(r.score());
                    if (r.trace() != null && r.trace().length() > 0) {
                        traces.add(r.trace());
                    }
                    cycles += r.cycles();
                    cpu += r.cpuNanos();
                    o.printf(Locale.ROOT, "  %-10s %,d cycles in %.1f s wall, %.1f s CPU (%,.0f cycles per CPU-s)%n",
                            chosen.get(i).label(), r.cycles(), r.nanos() / 1e9, r.cpuNanos() / 1e9,
                            r.cyclesPerCpuSecond());
                    o.flush();
                }
                double wall = (System.nanoTime() - t0) / 1e9;
                o.printf(Locale.ROOT, "all strategies: %,d cycles in %.1f s wall, %.1f s CPU on %d threads%n%n",
                        cycles, wall, cpu / 1e9, Math.min(nThreads, chosen.size()));
                o.printf(Locale.ROOT, "physical limit (all eligible motor kW on engine): %,.0f kW IT%n%n",
                        Scenarios.physicalLimitKw(scenario));
                o.print(ResultTable.markdown(scores));
                Files.writeString(out.resolve("summary.csv"), ResultTable.csv(scores));
                if (!traces.isEmpty()) {
                    TraceOutput.csv(traces, out.resolve("day-" + day + ".csv"));
                    TraceOutput.png(traces, "plantd backtest: " + scenario.name() + ", day " + day,
                            out.resolve("day-" + day + ".png"));
                    o.printf("%nwrote %s, %s and %s%n", out.resolve("summary.csv"), out.resolve("day-" + day + ".csv"),
                            out.resolve("day-" + day + ".png"));
                } else {
                    o.printf("%nwrote %s (day %d is outside the scored window: no chart)%n",
                            out.resolve("summary.csv"), day);
                }
                if (headroom) {
                    headroom(scenario, chosen, settings, siteConfig, window, pool, o);
                }
            } finally {
                pool.shutdownNow();
            }
            return ExitCodes.OK;
        } catch (ConfigException e) {
            err.println("plantd backtest: invalid " + (configFile != null ? "scenario or config" : "scenario")
                    + ":\n" + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IllegalArgumentException e) {
            err.println("plantd backtest: " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (IOException e) {
            err.println("plantd backtest: cannot write to " + out + ": " + e.getMessage());
            return ExitCodes.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCodes.FAILED;
        } catch (ExecutionException e) {
            err.println("plantd backtest: a run failed: " + e.getCause());
            e.getCause().printStackTrace(err);
            return ExitCodes.FAILED;
        }
    }

    private void headroom(Scenario scenario, List<Strategy> chosen, BacktestSettings settings, SiteConfig config,
                          BacktestRun.Window window, ExecutorService pool, PrintWriter o)
            throws InterruptedException, ExecutionException, IOException {
        long t0 = System.nanoTime();
        HeadroomSearch search = new HeadroomSearch(tolerance);
        List<Future<HeadroomSearch.Found>> futures = new ArrayList<>(java.util.Collections.nCopies(chosen.size(), null));
        for (int i : longestFirst(chosen)) {
            Strategy s = chosen.get(i);
            futures.set(i, pool.submit(() -> search.search(scenario, s, settings, config, window, 0.5, 1.5)));
        }
        double physical = Scenarios.physicalLimitKw(scenario);
        StringBuilder b = new StringBuilder("strategy,it_scale,hosted_it_kw,pct_of_physical,max_starts_per_hour,"
                + "max_unit_engine_h,runs\n");
        o.printf(Locale.ROOT, "%nheadroom: largest IT load hosted with 0 s over the cap (physical limit %,.0f kW)%n%n",
                physical);
        o.println("| strategy | IT scale | hosted IT (kW) | % of physical limit | max starts/h | engine h, max unit |");
        o.println("|---|---:|---:|---:|---:|---:|");
        for (int i = 0; i < chosen.size(); i++) {
            HeadroomSearch.Found f = futures.get(i).get();
            Score s = f.atScale();
            o.printf(Locale.ROOT, "| %s | %.3f | %,.0f | %.1f %% | %d | %,.0f |%n", chosen.get(i).label(), f.scale(),
                    f.hostedItKw(), 100 * f.hostedItKw() / physical, s.maxStartsPerHour(), s.maxUnitRunHours());
            b.append(String.format(Locale.ROOT, "%s,%.4f,%.1f,%.2f,%d,%.1f,%d%n", chosen.get(i).label(), f.scale(),
                    f.hostedItKw(), 100 * f.hostedItKw() / physical, s.maxStartsPerHour(), s.maxUnitRunHours(),
                    f.runs()));
        }
        Files.writeString(out.resolve("headroom.csv"), b.toString());
        o.printf(Locale.ROOT, "%nheadroom search took %.1f s; wrote %s%n", (System.nanoTime() - t0) / 1e9,
                out.resolve("headroom.csv"));
    }

    /**
     * Indices of {@code chosen} with plantd first: its run costs about 2.5× a baseline's, so
     * started last it would finish alone on one core (longest job first keeps both cores busy).
     */
    static List<Integer> longestFirst(List<Strategy> chosen) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.get(i) == Strategy.PLANTD) {
                order.add(i);
            }
        }
        for (int i = 0; i < chosen.size(); i++) {
            if (chosen.get(i) != Strategy.PLANTD) {
                order.add(i);
            }
        }
        return order;
    }

    private List<Strategy> strategies() {
        if (strategies.isEmpty()) {
            return List.of(Strategy.values());
        }
        List<Strategy> list = new ArrayList<>();
        for (String name : strategies) {
            Strategy s = Strategy.byLabel(name.trim()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown strategy '" + name + "' (known: motor-only, schedule, reactive, plantd)"));
            if (!list.contains(s)) {
                list.add(s);
            }
        }
        return list;
    }

    private BacktestSettings settings(Scenario scenario) {
        String[] hours = scheduleHours.split("-");
        if (hours.length != 2) {
            throw new IllegalArgumentException("--schedule-hours must look like 14-22, got " + scheduleHours);
        }
        BacktestSettings base = BacktestSettings.reference(scenario.site().priceElectricity(),
                scenario.site().priceGas());
        Tariff t = base.tariff();
        return new BacktestSettings(base.marginKw(), base.releaseMarginKw(), base.releaseDelayS(), base.engine(),
                new Tariff(t.electricityPerKwh(), t.gasPerTherm(), gridCo2, gasCo2),
                Integer.parseInt(hours[0].trim()), Integer.parseInt(hours[1].trim()), base.reactiveReleaseKw(),
                base.reactiveReleaseS());
    }
}
