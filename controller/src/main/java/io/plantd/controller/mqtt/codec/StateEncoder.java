package io.plantd.controller.mqtt.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.plantd.controller.command.CommandResult;
import io.plantd.controller.cycle.Alarm;
import io.plantd.controller.cycle.ChillerStatus;
import io.plantd.controller.cycle.CommandChange;
import io.plantd.controller.cycle.CycleReport;
import io.plantd.controller.cycle.GridStatus;
import io.plantd.controller.cycle.Headroom;
import io.plantd.controller.cycle.SiteStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Builds every outbound JSON payload (documented in docs/mqtt.md). Each carries {@code ts}, the
 * source time: the cycle's time for state, the event's time for events. Pure.
 */
public final class StateEncoder {
    /** Fields that change every cycle and so do not count when deciding whether state changed. */
    public static final String TS = "ts";
    public static final String SEQUENCE = "sequence";

    private StateEncoder() {
    }

    public static ObjectNode state(CycleReport r) {
        ObjectNode o = Json.object();
        o.put(TS, r.at().toString());
        o.put(SEQUENCE, r.sequence());
        o.put("mode", r.mode().name());
        o.put("economic", r.economicEnabled());
        SiteStatus s = r.site();
        kw(o, "serviceCapKw", s.serviceCapKw());
        kw(o, "effectiveCapKw", s.effectiveCapKw());
        kw(o, "siteKw", s.siteKw());
        o.put("siteQuality", s.siteQuality().name());
        kw(o, "itKw", s.itKw());
        kw(o, "coolingKw", s.coolingKw());
        kw(o, "otherKw", s.otherKw());
        kw(o, "predictedKw", s.predictedKw());
        kw(o, "demandIntervalAvgKw", s.demandIntervalAvgKw());
        kw(o, "curtailmentRequestKw", s.curtailmentRequestKw());
        o.set("headroom", headroomFields(Json.object(), r.headroom()));
        ArrayNode chillers = o.putArray("chillers");
        for (ChillerStatus c : r.chillers()) {
            chillers.add(chillerFields(Json.object(), c));
        }
        o.set("grid", grid(r.grid()));
        ArrayNode alarms = o.putArray("alarms");
        r.alarms().forEach(a -> alarms.add(a.id()));
        return o;
    }

    public static ObjectNode chiller(Instant at, ChillerStatus c) {
        ObjectNode o = Json.object();
        o.put(TS, at.toString());
        chillerFields(o, c);
        o.put("engineStarts", c.engineStarts());
        o.put("engineRunSeconds", Math.round(c.engineRunSeconds()));
        o.put("learnedLeadTimeS", Json.round1(c.learnedLeadTimeS()));
        return o;
    }

    public static ObjectNode headroom(Instant at, Headroom h) {
        ObjectNode o = Json.object();
        o.put(TS, at.toString());
        return headroomFields(o, h);
    }

    public static ObjectNode alarm(Alarm a, Instant at) {
        ObjectNode o = Json.object();
        o.put(TS, at.toString());
        o.put("id", a.id());
        o.put("severity", a.severity().name());
        o.put("message", a.message());
        o.put("since", a.since().toString());
        return o;
    }

    public static ObjectNode alarmEvent(Alarm a, boolean active, Instant at) {
        ObjectNode o = alarm(a, at);
        o.put("type", "alarm");
        o.put("active", active);
        return o;
    }

    public static ObjectNode decisionEvent(Instant at, CommandChange c) {
        ObjectNode o = Json.object();
        o.put(TS, at.toString());
        o.put("type", "decision");
        o.put("chiller", c.chillerId());
        o.put("from", c.from().name());
        o.put("to", c.to().name());
        o.put("engineShare", c.engineShare());
        o.put("reason", c.reason().name());
        o.put("detail", c.detail());
        return o;
    }

    public static ObjectNode commandEvent(Instant at, String command, String principal, CommandResult result) {
        ObjectNode o = reply(at, result);
        o.put("type", "command");
        o.put("command", command);
        o.put("principal", principal);
        return o;
    }

    /** The reply to a command: {@code {ok, reason, applied, validUntil}} plus {@code ts}. */
    public static ObjectNode reply(Instant at, CommandResult result) {
        ObjectNode o = Json.object();
        o.put(TS, at.toString());
        o.put("ok", result.ok());
        o.put("reason", result.reason());
        o.put("applied", result.applied());
        instant(o, "validUntil", result.validUntil());
        return o;
    }

    public static ObjectNode info(String siteId, String version, String configHash, Instant startedAt) {
        ObjectNode o = Json.object();
        o.put(TS, startedAt.toString());
        o.put("site", siteId);
        o.put("version", version);
        o.put("configHash", configHash);
        o.put("startedAt", startedAt.toString());
        o.put("schema", Json.SCHEMA);
        return o;
    }

    /**
     * The payload without the fields that move every cycle by construction (time, sequence, the
     * headroom's rolling validUntil, a running engine's hour counter), for change detection. Those
     * still reach subscribers with every publication, at least every 10 s.
     */
    public static ObjectNode withoutVolatile(ObjectNode payload) {
        ObjectNode copy = payload.deepCopy();
        copy.remove(List.of(TS, SEQUENCE, "validUntil", "engineRunSeconds"));
        if (copy.get("headroom") instanceof ObjectNode h) {
            h.remove("validUntil");
        }
        return copy;
    }

    private static ObjectNode chillerFields(ObjectNode o, ChillerStatus c) {
        o.put("id", c.id());
        o.put("commanded", c.commanded().name());
        // null until the unit's drive mode has been read once (e.g. it has not answered since start)
        o.put("actual", c.actual() == null ? null : c.actual().name());
        o.put("engineShare", Double.isFinite(c.engineShare()) ? c.engineShare() : 0.0);
        kw(o, "motorKw", c.motorKw());
        o.put("reason", c.reason().name());
        o.put("detail", c.reasonDetail());
        o.put("eligible", c.eligible());
        o.put("ineligibleBecause", c.ineligibleBecause());
        o.put("stale", c.stale());
        o.put("overridden", c.overridden());
        return o;
    }

    private static ObjectNode headroomFields(ObjectNode o, Headroom h) {
        kw(o, "itHeadroomKw", h.itHeadroomKw());
        o.put("horizonS", h.horizonS());
        o.put("validUntil", h.validUntil().toString());
        return o;
    }

    private static ObjectNode grid(GridStatus g) {
        ObjectNode o = Json.object();
        o.put("level", g.level());
        optionalKw(o, "capLimitKw", g.capLimitKw());
        o.put("priceElectricity", g.priceElectricity());
        o.put("priceGas", g.priceGas());
        instant(o, "eventStart", g.eventStart());
        instant(o, "eventEnd", g.eventEnd());
        if (g.frequencyHz().isPresent() && Double.isFinite(g.frequencyHz().get())) {
            o.put("frequencyHz", g.frequencyHz().get());
        } else {
            o.putNull("frequencyHz");
        }
        o.put("outage", g.outage());
        o.put("good", g.good());
        return o;
    }

    /** Non-finite numbers (a BAD meter) become null: JSON has no NaN. */
    private static void kw(ObjectNode o, String field, double v) {
        if (Double.isFinite(v)) {
            o.put(field, Json.round1(v));
        } else {
            o.putNull(field);
        }
    }

    private static void optionalKw(ObjectNode o, String field, Optional<Double> v) {
        if (v.isPresent()) {
            kw(o, field, v.get());
        } else {
            o.putNull(field);
        }
    }

    private static void instant(ObjectNode o, String field, Optional<Instant> v) {
        if (v.isPresent()) {
            o.put(field, v.get().toString());
        } else {
            o.putNull(field);
        }
    }
}
