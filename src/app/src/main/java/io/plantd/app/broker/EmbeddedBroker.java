package io.plantd.app.broker;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT 5 broker (HiveMQ CE embedded) for {@code plantd demo}: loopback only, no
 * authentication, in-memory persistence, usage statistics off, data in a temp folder deleted on
 * close. Not for production: a site uses its own broker with TLS and ACLs (docs/mqtt.md).
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final String HOST = "127.0.0.1";

    private final Path folder;
    private final int port;
    private EmbeddedHiveMQ hivemq;

    private EmbeddedBroker(Path folder, int port, EmbeddedHiveMQ hivemq) {
        this.folder = folder;
        this.port = port;
        this.hivemq = hivemq;
    }

    /** Starts a broker on 127.0.0.1:{@code port}, or on a free port when {@code port} is 0; waits until it listens. */
    public static EmbeddedBroker start(int port) throws IOException {
        int chosen = port == 0 ? freePort() : port;
        Path folder = Files.createTempDirectory("plantd-broker");
        try {
            Path conf = Files.createDirectories(folder.resolve("conf"));
            Files.writeString(conf.resolve("config.xml"), """
                    <?xml version="1.0"?>
                    <hivemq>
                      <listeners>
                        <tcp-listener><port>%d</port><bind-address>%s</bind-address></tcp-listener>
                      </listeners>
                      <persistence><mode>in-memory</mode></persistence>
                      <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                    </hivemq>
                    """.formatted(chosen, HOST));
            EmbeddedHiveMQ hivemq = EmbeddedHiveMQ.builder()
                    .withConfigurationFolder(conf)
                    .withDataFolder(Files.createDirectories(folder.resolve("data")))
                    .withExtensionsFolder(Files.createDirectories(folder.resolve("extensions")))
                    .withoutLoggingBootstrap()
                    .build();
            hivemq.start().get(60, TimeUnit.SECONDS);
            LOG.info("embedded MQTT broker listening on {}:{}", HOST, chosen);
            return new EmbeddedBroker(folder, chosen, hivemq);
        } catch (ExecutionException | TimeoutException e) {
            deleteTree(folder);
            throw new IOException("embedded MQTT broker did not start on " + HOST + ":" + chosen + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteTree(folder);
            throw new IOException("interrupted while starting the embedded MQTT broker", e);
        }
    }

    public int port() {
        return port;
    }

    Path folder() {
        return folder;
    }

    /** For {@code mqtt.url}. */
    public String url() {
        return "tcp://" + HOST + ":" + port;
    }

    /** The command a user can paste to watch every plantd topic. */
    public String watchCommand() {
        return "mosquitto_sub -V mqttv5 -h " + HOST + " -p " + port + " -t 'plantd/#' -v";
    }

    @Override
    public synchronized void close() {
        if (hivemq == null) {
            return;
        }
        try {
            hivemq.stop().get(10, TimeUnit.SECONDS);
            hivemq.close();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("embedded MQTT broker did not stop cleanly: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            hivemq = null;
            deleteTree(folder);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
