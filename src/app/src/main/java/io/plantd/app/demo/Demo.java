package io.plantd.app.demo;

import io.plantd.app.broker.EmbeddedBroker;
import io.plantd.app.daemon.Daemon;
import io.plantd.controller.config.SiteConfig;
import io.plantd.controller.config.SiteConfigLoader;
import io.plantd.sim.SimulatorRunner;
import io.plantd.sim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code plantd demo}: simulator, embedded broker and the real daemon in one process, everything on
 * 127.0.0.1. The daemon is the same one {@code plantd run} starts; only its ports and folders are
 * bound to what this demo opened.
 */
public final class Demo implements AutoCloseable {
    private static final int PREFERRED_METRICS_PORT = 9464;

    public record Options(Path scenario, Path siteConfig, Optional<String> brokerUrl, Duration statusEvery) {
    }

    private final SimulatorRunner simulator;
    private final Optional<EmbeddedBroker> broker;
    private final Daemon daemon;

    private Demo(SimulatorRunner simulator, Optional<EmbeddedBroker> broker, Daemon daemon) {
        this.simulator = simulator;
        this.broker = broker;
        this.daemon = daemon;
    }

    public static Demo start(Options options, PrintStream out) throws Exception {
        SiteConfig config = SiteConfigLoader.load(options.siteConfig());
        var scenario = ScenarioLoader.load(options.scenario());
        Path folder = Files.createTempDirectory("plantd-demo-");
        SimulatorRunner simulator = SimulatorRunner.start(scenario,
                SimulatorRunner.Options.realTime().withBasePort(0).withLogEvery(Duration.ZERO));
        Optional<EmbeddedBroker> broker = Optional.empty();
        try {
            if (options.brokerUrl().isEmpty()) {
                broker = Optional.of(EmbeddedBroker.start(0));
            }
            String brokerUrl = options.brokerUrl().isPresent() ? options.brokerUrl().get() : broker.orElseThrow().url();
            SiteConfig bound = DemoSite.bind(config, simulator.endpoints(), simulator.bacnetEndpoints(), brokerUrl,
                    free(PREFERRED_METRICS_PORT) ? PREFERRED_METRICS_PORT : 0, folder);
            printBanner(out, options, simulator, broker, brokerUrl, bound);
            Daemon daemon = Daemon.start(bound, Clock.systemUTC(),
                    Map.of("console", new ConsoleStatus(out, options.statusEvery())));
            out.printf("metrics:        http://127.0.0.1:%d/metrics   (/healthz, /readyz)%n",
                    daemon.metricsPort().orElse(-1));
            out.println("running; drive changes print as '>>' lines with their reason. Ctrl-C stops.");
            out.println();
            return new Demo(simulator, broker, daemon);
        } catch (Exception e) {
            broker.ifPresent(EmbeddedBroker::close);
            simulator.close();
            throw e;
        }
    }

    private static void printBanner(PrintStream out, Options options, SimulatorRunner simulator,
                                    Optional<EmbeddedBroker> broker, String brokerUrl, SiteConfig site) {
        out.println("plantd demo: scenario " + options.scenario() + ", site config " + options.siteConfig());
        out.println("simulated devices (register map in docs/simulator.md):");
        for (String line : simulator.endpointLines()) {
            out.println("  " + line);
        }
        out.println("MQTT broker:    " + brokerUrl + (broker.isPresent() ? " (embedded)" : ""));
        String host = "127.0.0.1";
        String port = brokerUrl.substring(brokerUrl.lastIndexOf(':') + 1);
        out.println("  watch:        " + broker.map(EmbeddedBroker::watchCommand)
                .orElse("mosquitto_sub -V mqttv5 -h " + host + " -p " + port + " -t 'plantd/#' -v"));
        out.println("  override:     mosquitto_pub -V mqttv5 -h " + host + " -p " + port + " -q 1 -t 'plantd/v1/"
                + site.site().id() + "/cmd/override/operator' -m '{\"chiller\":\"ch1\",\"mode\":\"ENGINE\",\"expiresInS\":600}'");
        out.println("decision log:   " + site.logging().decisionLog());
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public Daemon daemon() {
        return daemon;
    }

    @Override
    public void close() {
        daemon.close();
        broker.ifPresent(EmbeddedBroker::close);
        simulator.close();
    }
}
