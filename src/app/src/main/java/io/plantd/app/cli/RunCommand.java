package io.plantd.app.cli;

import io.plantd.app.LoggingSetup;
import io.plantd.app.daemon.Daemon;
import io.plantd.app.daemon.TimeScale;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.config.SiteConfigLoader;
import io.plantd.drivers.yaml.ConfigError;
import io.plantd.drivers.yaml.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run the controller daemon for one site until SIGTERM or Ctrl-C.",
            "On stop it writes the configured shutdown posture (default LOCAL) to every chiller, publishes",
            "'offline' and disconnects, all within 10 s."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Stopped cleanly by a signal.",
            "1:The config is invalid (errors on stderr) or the daemon could not start (port in use, bad broker URL).",
            ExitCodes.USAGE_LINE})
public final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The site config (YAML).")
    Path config;

    @Option(names = "--time-scale", paramLabel = "X", hidden = true,
            description = "TESTING/SIMULATION ONLY: run the clock, the cycle and every poll X times faster "
                    + "(1..200). Refused unless every device is on a loopback address.")
    Double timeScale;

    @Option(names = "--clock-start", paramLabel = "ISO", hidden = true,
            description = "TESTING/SIMULATION ONLY, with --time-scale: the instant the clock reads at --clock-anchor "
                    + "(the simulator's scenario start); default: the wall clock's reading then.")
    Instant clockStart;

    @Option(names = "--clock-anchor", paramLabel = "ISO", hidden = true,
            description = "TESTING/SIMULATION ONLY, with --time-scale: the wall instant from which the clock "
                    + "advances from --clock-start (when the simulator's time starts; until then it stands "
                    + "still); default: now.")
    Instant clockAnchor;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        SiteConfig site;
        try {
            site = SiteConfigLoader.load(config);
        } catch (ConfigException e) {
            e.errors().stream().map(ConfigError::toString).forEach(err::println);
            err.flush();
            return ExitCodes.FAILED;
        }
        Optional<TimeScale> scale;
        try {
            scale = timeScale(site);
        } catch (IllegalArgumentException e) {
            err.println("plantd run: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        LoggingSetup.apply(site.logging());
        Daemon daemon;
        try {
            daemon = scale.isPresent() ? Daemon.startScaled(site, scale.get()) : Daemon.start(site, Clock.systemUTC());
        } catch (Exception e) {
            err.println("plantd run: cannot start: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        return runUntilSignal(daemon);
    }

    /** The accelerated time asked for, if any; refused against anything but loopback devices. */
    private Optional<TimeScale> timeScale(SiteConfig site) {
        if (timeScale == null) {
            if (clockStart != null || clockAnchor != null) {
                throw new IllegalArgumentException("--clock-start and --clock-anchor need --time-scale");
            }
            return Optional.empty();
        }
        List<String> remote = TimeScale.nonLoopbackDevices(site);
        if (!remote.isEmpty()) {
            throw new IllegalArgumentException("--time-scale is for simulation and testing only and needs every "
                    + "device on a loopback address; not on loopback: " + String.join(", ", remote));
        }
        Instant now = Instant.now();
        return Optional.of(new TimeScale(timeScale, clockStart != null ? clockStart : now,
                clockAnchor != null ? clockAnchor : now));
    }

    /**
     * Blocks until SIGTERM or SIGINT, runs the shutdown sequence on this thread and returns 0, so
     * a clean stop exits 0 (a JVM that dies of the signal would exit 143 or 130). The shutdown hook
     * stays as the fallback for any other way the JVM is asked to stop.
     */
    static int runUntilSignal(AutoCloseable daemon) throws InterruptedException {
        return runUntilSignal(daemon, Optional.empty());
    }

    /** As {@link #runUntilSignal(AutoCloseable)}, stopping by itself after {@code limit} if no signal came first. */
    static int runUntilSignal(AutoCloseable daemon, Optional<Duration> limit) throws InterruptedException {
        CountDownLatch signalled = new CountDownLatch(1);
        AtomicBoolean closed = new AtomicBoolean();
        Runnable closeOnce = () -> {
            if (closed.compareAndSet(false, true)) {
                try {
                    daemon.close();
                } catch (Exception e) {
                    System.err.println("plantd: shutdown failed: " + e);
                }
            }
        };
        Thread hook = new Thread(closeOnce, "plantd-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        for (String name : List.of("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> signalled.countDown());
        }
        if (limit.isPresent()) {
            signalled.await(limit.get().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            signalled.await();
        }
        closeOnce.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyStopping) {
            // the JVM is on its way out anyway; the hook finds the daemon closed
        }
        return ExitCodes.OK;
    }
}
