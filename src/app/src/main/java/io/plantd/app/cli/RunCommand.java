package io.plantd.app.cli;

import io.plantd.app.LoggingSetup;
import io.plantd.app.daemon.Daemon;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.config.SiteConfigLoader;
import io.plantd.drivers.yaml.ConfigError;
import io.plantd.drivers.yaml.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
        LoggingSetup.apply(site.logging());
        Daemon daemon;
        try {
            daemon = Daemon.start(site, Clock.systemUTC());
        } catch (Exception e) {
            err.println("plantd run: cannot start: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        return runUntilSignal(daemon);
    }

    /** Blocks until the JVM is asked to stop; the hook runs the shutdown sequence before exit. */
    static int runUntilSignal(AutoCloseable daemon) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                daemon.close();
            } catch (Exception e) {
                System.err.println("plantd: shutdown failed: " + e);
            } finally {
                stopped.countDown();
            }
        }, "plantd-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}
