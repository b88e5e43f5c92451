package io.plantd.controller.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plantd.controller.config.MetricsConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The shipped Grafana dashboard and Prometheus rules only use metrics a running plantd exports,
 * checked against a live scrape of an endpoint that has seen cycles, polls and an alarm.
 */
class DeployArtifactsTest {
    /** Series Prometheus itself creates for every target, not the exporter. */
    private static final Set<String> PROMETHEUS_SYNTHETIC = Set.of("up", "scrape_duration_seconds",
            "scrape_samples_scraped");
    private static final Path ROOT = Path.of(System.getProperty("plantd.root", ".."));

    private static PlantdMetrics metrics;
    private static MetricsHttpServer server;
    private static Set<String> exported;

    @BeforeAll
    static void scrapeLiveEndpoint() throws Exception {
        metrics = new PlantdMetrics(MetricsFixtures.site(), "test");
        server = MetricsHttpServer.start(new MetricsConfig(true, "127.0.0.1", 0), metrics,
                new CycleHealth(Duration.ofSeconds(1)));
        metrics.onCycle(new MetricsFixtures.Report().build());
        exported = Http.scrape(server.port()).sampleNames();
    }

    @AfterAll
    static void stop() {
        server.close();
        metrics.close();
    }

    @Test
    void dashboardIsProvisionableAndQueriesOnlyExportedMetrics() throws IOException {
        JsonNode dash = new ObjectMapper().readTree(ROOT.resolve("deploy/grafana/plantd.json").toFile());

        assertThat(dash.path("uid").asText()).isEqualTo("plantd-overview");
        assertThat(dash.has("__inputs")).as("file provisioning cannot fill __inputs").isFalse();
        assertThat(dash.path("id").isMissingNode() || dash.path("id").isNull()).isTrue();
        JsonNode dsVar = null;
        for (JsonNode v : dash.path("templating").path("list")) {
            if (v.path("name").asText().equals("datasource")) {
                dsVar = v;
            }
        }
        assertThat(dsVar).as("a datasource template variable").isNotNull();
        assertThat(dsVar.path("type").asText()).isEqualTo("datasource");
        assertThat(dsVar.path("query").asText()).isEqualTo("prometheus");

        List<String> exprs = new ArrayList<>();
        collectQueries(dash, exprs);
        assertThat(exprs).hasSizeGreaterThan(30);
        Set<String> used = new TreeSet<>();
        exprs.forEach(e -> used.addAll(PromQlNames.of(e)));
        assertThat(used).as("metrics in dashboard queries").isNotEmpty().allSatisfy(name ->
                assertThat(exported).as("dashboard uses " + name).contains(name));

        // Every query panel reads the ${datasource} variable, never a fixed data source uid.
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : dash.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            titles.add(panel.path("title").asText());
            assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
                    .isEqualTo("${datasource}");
            for (JsonNode target : panel.path("targets")) {
                assertThat(target.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            }
        }
        assertThat(titles).contains("Site draw vs cap", "IT load and headroom", "Commanded drive mode",
                "Engine starts in the last hour vs limit", "Engine hours used of yearly budget",
                "Grid event level and outage", "Energy prices", "Device up", "Cycle duration", "Cycle overruns",
                "Active alarms");
        Set<Long> ids = new HashSet<>();
        dash.path("panels").forEach(p -> assertThat(ids.add(p.path("id").asLong())).as("unique panel id").isTrue());
    }

    /** The dashboard's own field names for PromQL: panel targets' expr and query variables' query. */
    private static void collectQueries(JsonNode node, List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("expr") && e.getValue().isTextual()) {
                    out.add(e.getValue().asText());
                } else if (e.getKey().equals("query") && e.getValue().isObject() && e.getValue().has("query")) {
                    out.add(e.getValue().path("query").asText().replaceAll("^label_values\\((.*),\\s*\\w+\\)$", "$1"));
                } else {
                    collectQueries(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectQueries(child, out));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void alertRulesCoverTheRequiredCasesAndUseOnlyExportedMetrics() throws IOException {
        Map<String, Object> doc = (Map<String, Object>) load("deploy/prometheus/alerts.yml");
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Object group : (List<Object>) doc.get("groups")) {
            Map<String, Object> g = (Map<String, Object>) group;
            assertThat(g).containsKeys("name", "rules");
            rules.addAll((List<Map<String, Object>>) g.get("rules"));
        }
        Set<String> alerts = new TreeSet<>();
        for (Map<String, Object> rule : rules) {
            String name = (String) rule.get("alert");
            assertThat(name).as("every rule is an alert with a name").isNotBlank();
            assertThat(alerts.add(name)).as("unique alert " + name).isTrue();
            assertThat(rule.keySet()).as(name).isSubsetOf("alert", "expr", "for", "keep_firing_for", "labels",
                    "annotations");
            Map<String, Object> labels = (Map<String, Object>) rule.get("labels");
            assertThat(labels.get("severity")).as(name).isIn("warning", "critical");
            assertThat((Map<String, Object>) rule.get("annotations")).as(name).containsKeys("summary", "description");
            String expr = rule.get("expr").toString();
            assertThat(balanced(expr)).as(name + " has balanced brackets").isTrue();
            Set<String> used = PromQlNames.of(expr);
            assertThat(used).as(name + " selects something").isNotEmpty();
            for (String metric : used) {
                assertThat(exported.contains(metric) || PROMETHEUS_SYNTHETIC.contains(metric))
                        .as(name + " uses " + metric + ", which plantd does not export").isTrue();
            }
        }
        assertThat(alerts).contains("PlantdDown", "PlantdCycleOverruns", "PlantdSiteMeterStale", "PlantdCapExceeded",
                "PlantdEngineLockedOut", "PlantdDeviceDown", "PlantdMqttDisconnected",
                "PlantdEngineHourBudgetNearlyUsed");
    }

    @Test
    @SuppressWarnings("unchecked")
    void scrapeConfigLoadsTheRulesAndTargetsTheDefaultPort() throws IOException {
        Map<String, Object> doc = (Map<String, Object>) load("deploy/prometheus/prometheus.yml");
        assertThat((List<Object>) doc.get("rule_files")).containsExactly("alerts.yml");
        Map<String, Object> job = ((List<Map<String, Object>>) doc.get("scrape_configs")).get(0);
        assertThat(job.get("job_name")).as("alerts match job=\"plantd\"").isEqualTo("plantd");
        assertThat(job.get("metrics_path")).isEqualTo("/metrics");
        Map<String, Object> targets = ((List<Map<String, Object>>) job.get("static_configs")).get(0);
        assertThat((List<Object>) targets.get("targets")).containsExactly("127.0.0.1:9464");
    }

    @Test
    @SuppressWarnings("unchecked")
    void grafanaProvisioningFilesAreValid() throws IOException {
        Map<String, Object> dashboards = (Map<String, Object>) load("deploy/grafana/provisioning/dashboards/plantd.yaml");
        assertThat(dashboards.get("apiVersion")).isEqualTo(1);
        Map<String, Object> provider = ((List<Map<String, Object>>) dashboards.get("providers")).get(0);
        assertThat(provider.get("type")).isEqualTo("file");
        assertThat((Map<String, Object>) provider.get("options")).containsKey("path");

        Map<String, Object> sources = (Map<String, Object>) load("deploy/grafana/provisioning/datasources/plantd-prometheus.yaml");
        assertThat(sources.get("apiVersion")).isEqualTo(1);
        Map<String, Object> ds = ((List<Map<String, Object>>) sources.get("datasources")).get(0);
        assertThat(ds.get("type")).isEqualTo("prometheus");
        assertThat(ds).containsKeys("name", "url", "access");
    }

    /** The real promtool, where installed (Debian package "prometheus"): the acceptance commands. */
    @Test
    void promtoolAcceptsTheLiveScrapeTheRulesAndTheConfig() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        assumeTrue(Files.isExecutable(promtool), "promtool not installed");
        String scrape = Http.get(server.port(), "/metrics").body();
        assertThat(run(scrape, promtool.toString(), "check", "metrics")).isEmpty();
        assertThat(run("", promtool.toString(), "check", "rules", ROOT.resolve("deploy/prometheus/alerts.yml").toString()))
                .contains("SUCCESS");
        assertThat(run("", promtool.toString(), "check", "config",
                ROOT.resolve("deploy/prometheus/prometheus.yml").toString())).contains("SUCCESS");
    }

    /** Runs a command with the given stdin; returns its output, failing on a non-zero exit. */
    private static String run(String stdin, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out.strip();
    }

    private static Object load(String relative) throws IOException {
        return new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build())
                .loadFromString(Files.readString(ROOT.resolve(relative)));
    }

    private static boolean balanced(String expr) {
        int depth = 0;
        for (char c : expr.replaceAll("\"[^\"]*\"", "").toCharArray()) {
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                if (--depth < 0) {
                    return false;
                }
            }
        }
        return depth == 0;
    }
}
