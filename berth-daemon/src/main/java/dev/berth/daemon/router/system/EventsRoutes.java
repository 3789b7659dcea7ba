package dev.berth.daemon.router.system;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Json;
import dev.berth.daemon.http.ServerRequest;
import dev.berth.daemon.http.ServerResponse;
import dev.berth.daemon.http.PathParams;
import dev.berth.daemon.router.Api;
import dev.berth.daemon.router.ApiRoutes;
import dev.berth.daemon.router.ApiVersion;
import dev.berth.engine.error.InvalidArgumentException;
import dev.berth.engine.events.Event;
import dev.berth.engine.events.EventBus;
import dev.berth.engine.events.EventFilter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code GET /events}: newline-delimited JSON messages, the kept ones from {@code since}
 * first, then live ones until {@code until} or until the client goes. Each carries
 * {@code Type}, {@code Action}, {@code Actor}, {@code scope}, {@code time}, {@code timeNano},
 * and for containers and images the legacy {@code status}/{@code id}/{@code from}
 * (dropped by dockerd from API 1.52 on).
 */
public final class EventsRoutes implements ApiRoutes.Group {

    private static final String LEGACY_UNTIL = "1.52";

    private final EventBus bus;

    public EventsRoutes(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void register(ApiRoutes routes) {
        routes.get("/events", this::events);
    }

    private void events(ServerRequest req, ServerResponse res, PathParams p) throws Exception {
        Predicate<Event> filter;
        try {
            filter = EventFilter.of(Api.filters(req.query()));
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException(e.getMessage());
        }
        Instant since = time(req.query().first("since"));
        Instant until = time(req.query().first("until"));
        if (since != null && until != null && since.isAfter(until)) {
            throw new InvalidArgumentException("`since` time (" + req.query().first("since")
                    + ") cannot be after `until` time (" + req.query().first("until") + ")");
        }
        boolean legacy = p.apiVersion() == null || ApiVersion.compare(p.apiVersion(), LEGACY_UNTIL) < 0;
        try (OutputStream out = res.stream(200, "application/json")) {
            out.flush();
            if (until != null && !until.isAfter(bus.now())) {
                for (Event e : bus.history(since, until)) {
                    if (filter.test(e)) {
                        write(out, e, legacy);
                    }
                }
                return;
            }
            try (EventBus.Subscription feed = bus.subscribe(since)) {
                while (until == null || bus.now().isBefore(until)) {
                    Event e = feed.next(200, TimeUnit.MILLISECONDS);
                    if (e == null) {
                        continue;
                    }
                    if (until != null && e.time().isAfter(until)) {
                        return;
                    }
                    if (filter.test(e)) {
                        write(out, e, legacy);
                    }
                }
            }
        } catch (IOException clientGone) {
            // the reader hung up (Ctrl-C on docker events)
        }
    }

    private static void write(OutputStream out, Event e, boolean legacy) throws IOException {
        ObjectNode m = Json.MAPPER.createObjectNode();
        if (legacy && (e.type().equals(Event.CONTAINER) || e.type().equals(Event.IMAGE))) {
            m.put("status", e.action());
            m.put("id", e.actorId());
            if (e.type().equals(Event.CONTAINER)) {
                m.put("from", e.attributes().getOrDefault("image", ""));
            }
        }
        m.put("Type", e.type());
        m.put("Action", e.action());
        ObjectNode actor = m.putObject("Actor");
        actor.put("ID", e.actorId());
        ObjectNode attributes = actor.putObject("Attributes");
        e.attributes().forEach(attributes::put);
        m.put("scope", "local");
        m.put("time", e.time().getEpochSecond());
        m.put("timeNano", e.time().getEpochSecond() * 1_000_000_000L + e.time().getNano());
        out.write(Json.MAPPER.writeValueAsBytes(m));
        out.write('\n');
        out.flush();
    }

    /** dockerd's forms: Unix seconds with an optional fraction, or RFC 3339. */
    static Instant time(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(value);
            long whole = seconds.longValue();
            long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (NumberFormatException notANumber) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new InvalidArgumentException("invalid timestamp: " + value);
            }
        }
    }
}
