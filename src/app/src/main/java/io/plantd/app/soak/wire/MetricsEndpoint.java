package io.plantd.app.soak.wire;

import io.plantd.controller.metrics.PromText;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A daemon's metrics endpoint on loopback, as a monitoring system sees it: down is just empty. */
final class MetricsEndpoint {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;

    MetricsEndpoint(int port) {
        this.port = port;
    }

    /** A port free on loopback right now (the daemon binds it a moment later). */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** True once {@code /healthz} answers 200: the cycle runs. */
    boolean healthy() {
        return get("/healthz").map(r -> r.statusCode() == 200).orElse(false);
    }

    /**
     * The Prometheus exposition, if the endpoint answers. Read strictly, as the metrics tests read
     * it: an exposition Prometheus would reject throws, naming the line.
     */
    Optional<PromText> scrape() {
        return get("/metrics").filter(r -> r.statusCode() == 200).map(r -> PromText.parse(r.body()));
    }

    private Optional<HttpResponse<String>> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return Optional.of(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
