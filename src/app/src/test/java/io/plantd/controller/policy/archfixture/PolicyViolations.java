package io.plantd.controller.policy.archfixture;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import io.micrometer.core.instrument.Counter;
import java.io.FileReader;
import java.io.IOException;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import org.eclipse.paho.mqttv5.client.MqttClient;

/**
 * One deliberately impure "policy" class per kind of I/O the rule forbids (test fixtures for
 * the architecture rules only). {@code USES} names the class the rule must report.
 */
public final class PolicyViolations {
    private PolicyViolations() {
    }

    public static final class ReadsFiles {
        public static final String USES = "java.nio.file.Files";

        public String read(Path p) throws IOException {
            return Files.readString(p);
        }
    }

    public static final class UsesJavaIo {
        public static final String USES = "java.io.FileReader";

        public FileReader open(String name) throws IOException {
            return new FileReader(name);
        }
    }

    public static final class OpensSockets {
        public static final String USES = "java.net.Socket";

        public Socket connect() throws IOException {
            return new Socket("127.0.0.1", 1);
        }
    }

    public static final class UsesChannels {
        public static final String USES = "java.nio.channels.SocketChannel";

        public SocketChannel open() throws IOException {
            return SocketChannel.open();
        }
    }

    public static final class Sleeps {
        public static final String USES = "java.lang.Thread";

        public void pause() throws InterruptedException {
            Thread.sleep(1);
        }
    }

    public static final class SubmitsToExecutor {
        public static final String USES = "java.util.concurrent.ExecutorService";

        public void run(ExecutorService executor) {
            executor.execute(() -> { });
        }
    }

    public static final class PublishesMqtt {
        public static final String USES = "org.eclipse.paho.mqttv5.client.MqttClient";

        public boolean connected(MqttClient client) {
            return client.isConnected();
        }
    }

    public static final class ReadsModbus {
        public static final String USES = "com.ghgande.j2mod.modbus.facade.ModbusTCPMaster";

        public ModbusTCPMaster master() {
            return new ModbusTCPMaster("127.0.0.1");
        }
    }

    public static final class CountsMetrics {
        public static final String USES = "io.micrometer.core.instrument.Counter";

        public void count(Counter counter) {
            counter.increment();
        }
    }
}
