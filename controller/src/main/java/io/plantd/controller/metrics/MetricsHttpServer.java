package io.plantd.controller.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.plantd.controller.config.MetricsConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /metrics}, {@code /healthz} and {@code /readyz} on the configured address. Requests are
 * served on the server's own small pool: a slow scraper never reaches the control thread.
 */
public final class MetricsHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final PlantdMetrics metrics;
    private final HealthSource health;
    private final LongSupplier nanoTime;

    private MetricsHttpServer(HttpServer server, ExecutorService executor, PlantdMetrics metrics,
                              HealthSource health, LongSupplier nanoTime) {
        this.server = server;
        this.executor = executor;
        this.metrics = metrics;
        this.health = health;
        this.nanoTime = nanoTime;
    }

    /** Binds and starts; port 0 picks a free port (see {@link #port()}). */
    public static MetricsHttpServer start(MetricsConfig config, PlantdMetrics metrics, HealthSource health)
            throws IOException {
        return start(config, metrics, health, System::nanoTime);
    }

    public static MetricsHttpServer start(MetricsConfig config, PlantdMetrics metrics, HealthSource health,
                                          LongSupplier nanoTime) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(config.bind(), config.port()), 16);
        } catch (IOException e) {
            throw new IOException("metrics endpoint cannot listen on " + config.bind() + ":" + config.port()
                    + " (metrics.bind / metrics.port): " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "metrics-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        MetricsHttpServer http = new MetricsHttpServer(server, executor, metrics, health, nanoTime);
        server.createContext("/metrics", http::metrics);
        server.createContext("/healthz", ex -> http.verdict(ex, HealthVerdict.liveness(health, nanoTime.getAsLong())));
        server.createContext("/readyz", ex -> http.verdict(ex, HealthVerdict.readiness(health, nanoTime.getAsLong())));
        server.createContext("/", http::notFound);
        server.start();
        LOG.info("metrics endpoint listening on http://{}:{}/metrics", config.bind(), http.port());
        return http;
    }

    /** The bound port (the real one when 0 was configured). */
    public int port() {
        return server.getAddress().getPort();
    }

    private void metrics(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exactPathAndMethod(exchange, "/metrics")) {
                return;
            }
            String contentType = PlantdMetrics.negotiate(exchange.getRequestHeaders().getFirst("Accept"));
            ByteArrayOutputStream body = new ByteArrayOutputStream(32 * 1024);
            metrics.scrape(body, contentType);
            send(exchange, 200, contentType, body.toByteArray());
        }
    }

    private void verdict(HttpExchange exchange, HealthVerdict verdict) throws IOException {
        try (exchange) {
            if (!exactPathAndMethod(exchange, exchange.getHttpContext().getPath())) {
                return;
            }
            send(exchange, verdict.ok() ? 200 : 503, "text/plain; charset=utf-8",
                    verdict.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void notFound(HttpExchange exchange) throws IOException {
        try (exchange) {
            send(exchange, 404, "text/plain; charset=utf-8",
                    "not found: try /metrics, /healthz or /readyz\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Contexts match by prefix; answer only the exact path, and only GET or HEAD. */
    private static boolean exactPathAndMethod(HttpExchange exchange, String path) throws IOException {
        if (!exchange.getRequestURI().getPath().equals(path)) {
            send(exchange, 404, "text/plain; charset=utf-8", "not found\n".getBytes(StandardCharsets.UTF_8));
            return false;
        }
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            send(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
            return false;
        }
        return true;
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
