package io.plantd.controller.mqtt;

import com.hivemq.embedded.EmbeddedHiveMQ;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real MQTT 5 broker (HiveMQ CE embedded) in the test JVM, on 127.0.0.1 and a free port, with
 * in-memory persistence so a restart forgets every retained message. Register it static.
 */
final class HiveMqBroker implements BeforeAllCallback, AfterAllCallback {
    private Path folder;
    private int port;
    private EmbeddedHiveMQ hivemq;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        folder = Files.createTempDirectory("plantd-hivemq");
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path conf = Files.createDirectories(folder.resolve("conf"));
        Files.createDirectories(folder.resolve("data"));
        Files.createDirectories(folder.resolve("extensions"));
        Files.writeString(conf.resolve("config.xml"), """
                <?xml version="1.0"?>
                <hivemq>
                  <listeners>
                    <tcp-listener><port>%d</port><bind-address>127.0.0.1</bind-address></tcp-listener>
                  </listeners>
                  <persistence><mode>in-memory</mode></persistence>
                  <anonymous-usage-statistics><enabled>false</enabled></anonymous-usage-statistics>
                </hivemq>
                """.formatted(port));
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    void start() throws Exception {
        hivemq = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(folder.resolve("conf"))
                .withDataFolder(folder.resolve("data"))
                .withExtensionsFolder(folder.resolve("extensions"))
                .withoutLoggingBootstrap()
                .build();
        hivemq.start().get(60, TimeUnit.SECONDS);
    }

    void stop() throws Exception {
        if (hivemq != null) {
            hivemq.stop().get(60, TimeUnit.SECONDS);
            hivemq.close();
            hivemq = null;
        }
    }
}
