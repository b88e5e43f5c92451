package io.plantd.controller.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plantd.controller.config.LoggingConfig;
import io.plantd.controller.cycle.Alarm;
import io.plantd.controller.cycle.ChillerStatus;
import io.plantd.controller.cycle.CommandChange;
import io.plantd.controller.cycle.CycleListener;
import io.plantd.controller.cycle.CycleReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit trail: one JSON line per changed drive command and per alarm raised or cleared, each
 * with the inputs the cycle decided on (site kW, predicted kW, caps, every unit's eligibility
 * and lead time). Runs as a {@link CycleListener} behind a {@code PublishHub}, so the file I/O
 * happens off the control thread. An I/O error is logged and counted, never thrown.
 *
 * <p>Line shapes ({@code event} tells them apart):
 * <pre>
 * {"ts":..,"event":"command","seq":..,"chiller":"ch1","from":"MOTOR","to":"ENGINE","engineShare":0.0,
 *  "reason":"CAP_PREDICTED_EXCEEDED","detail":"..","operatingMode":"AUTO","inputs":{..}}
 * {"ts":..,"event":"alarm-raised"|"alarm-cleared","seq":..,"alarm":"meter-stale","severity":"CRITICAL",
 *  "message":"..","since":..,"inputs":{..}}
 * </pre>
 */
public final class DecisionLog implements CycleListener {
    private static final Logger LOG = LoggerFactory.getLogger(DecisionLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SizeRotatingFile file;
    private Map<String, Alarm> activeAlarms = Map.of();
    private volatile long lines;
    private volatile long writeErrors;
    private boolean failing;

    public DecisionLog(Path path, long maxBytes, int maxFiles) {
        this.file = new SizeRotatingFile(path, maxBytes, maxFiles);
    }

    public static DecisionLog of(LoggingConfig logging) {
        return new DecisionLog(logging.decisionLog(), logging.decisionLogMaxBytes(), logging.decisionLogMaxFiles());
    }

    @Override
    public void onCycle(CycleReport report) {
        Map<String, Alarm> now = new LinkedHashMap<>();
        report.alarms().forEach(a -> now.put(a.id(), a));
        boolean wrote = false;
        for (CommandChange c : report.changes()) {
            wrote |= write(command(report, c));
        }
        for (Alarm a : now.values()) {
            if (!activeAlarms.containsKey(a.id())) {
                wrote |= write(alarm(report, "alarm-raised", a));
            }
        }
        for (Alarm a : activeAlarms.values()) {
            if (!now.containsKey(a.id())) {
                wrote |= write(alarm(report, "alarm-cleared", a));
            }
        }
        activeAlarms = now;
        if (wrote) {
            try {
                file.flush();
            } catch (IOException e) {
                ioFailed(e);
            }
        }
    }

    @Override
    public void onShutdown() {
        try {
            file.close();
        } catch (IOException e) {
            ioFailed(e);
        }
    }

    /** Lines written so far. Read from the publishing thread or after shutdown. */
    public long lines() {
        return lines;
    }

    public long writeErrors() {
        return writeErrors;
    }

    private ObjectNode command(CycleReport r, CommandChange c) {
        ObjectNode line = header(r, "command");
        line.put("chiller", c.chillerId());
        line.put("from", c.from() == null ? null : c.from().name());
        line.put("to", c.to() == null ? null : c.to().name());
        number(line, "engineShare", c.engineShare());
        line.put("reason", c.reason() == null ? null : c.reason().name());
        line.put("detail", c.detail());
        line.put("operatingMode", r.mode() == null ? null : r.mode().name());
        ObjectNode inputs = inputs(r);
        r.chillers().stream().filter(s -> s.id().equals(c.chillerId())).findFirst()
                .ifPresent(s -> number(inputs, "leadTimeS", s.learnedLeadTimeS()));
        line.set("inputs", inputs);
        return line;
    }

    private ObjectNode alarm(CycleReport r, String event, Alarm a) {
        ObjectNode line = header(r, event);
        line.put("alarm", a.id());
        line.put("severity", a.severity() == null ? null : a.severity().name());
        line.put("message", a.message());
        line.put("since", a.since() == null ? null : a.since().toString());
        line.set("inputs", inputs(r));
        return line;
    }

    private static ObjectNode header(CycleReport r, String event) {
        ObjectNode line = JSON.createObjectNode();
        line.put("ts", r.at() == null ? null : r.at().toString());
        line.put("event", event);
        line.put("seq", r.sequence());
        return line;
    }

    private static ObjectNode inputs(CycleReport r) {
        ObjectNode in = JSON.createObjectNode();
        if (r.site() != null) {
            number(in, "siteKw", r.site().siteKw());
            in.put("siteQuality", r.site().siteQuality() == null ? null : r.site().siteQuality().name());
            number(in, "predictedKw", r.site().predictedKw());
            number(in, "serviceCapKw", r.site().serviceCapKw());
            number(in, "effectiveCapKw", r.site().effectiveCapKw());
            number(in, "curtailmentRequestKw", r.site().curtailmentRequestKw());
        }
        if (r.grid() != null) {
            in.put("gridLevel", r.grid().level());
            in.put("gridGood", r.grid().good());
        }
        ObjectNode units = in.putObject("units");
        for (ChillerStatus s : r.chillers()) {
            ObjectNode u = units.putObject(s.id());
            u.put("eligible", s.eligible());
            u.put("ineligibleBecause", s.ineligibleBecause());
            number(u, "leadTimeS", s.learnedLeadTimeS());
            u.put("commanded", s.commanded() == null ? null : s.commanded().name());
            u.put("actual", s.actual() == null ? null : s.actual().name());
            u.put("stale", s.stale());
        }
        return in;
    }

    /** Non-finite numbers become null: JSON has no NaN. */
    private static void number(ObjectNode node, String key, double v) {
        if (Double.isFinite(v)) {
            node.put(key, v);
        } else {
            node.putNull(key);
        }
    }

    private boolean write(ObjectNode line) {
        try {
            file.append(JSON.writeValueAsString(line));
            lines++;
            if (failing) {
                LOG.info("decision log writable again");
                failing = false;
            }
            return true;
        } catch (IOException e) {
            ioFailed(e);
            return false;
        }
    }

    private void ioFailed(IOException e) {
        writeErrors++;
        if (!failing) {
            LOG.error("decision log write failed: {}", e.toString());
            failing = true;
        }
    }
}
