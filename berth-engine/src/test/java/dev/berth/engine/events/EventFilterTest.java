package dev.berth.engine.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class EventFilterTest {

    private static final Event DIE = new Event(Event.CONTAINER, "die", "abcdef0123", Map.of("name", "web",
            "image", "busybox", "exitCode", "1", "tier", "front"), Instant.EPOCH);
    private static final Event HEALTH = new Event(Event.CONTAINER, "health_status: healthy", "abcdef0123",
            Map.of("name", "web", "image", "busybox:latest"), Instant.EPOCH);
    private static final Event TAG = new Event(Event.IMAGE, "tag", "sha256:99", Map.of("name", "busybox:v1"),
            Instant.EPOCH);
    private static final Event PULL = new Event(Event.IMAGE, "pull", "reg:5000/app:1", Map.of("name", "reg:5000/app"),
            Instant.EPOCH);
    private static final Event CACHE = new Event(Event.BUILDER, "prune", "", Map.of("reclaimed", "0"), Instant.EPOCH);
    private static final Event NET = new Event(Event.NETWORK, "create", "f00dbeef", Map.of("name", "backend", "type", "bridge"),
            Instant.EPOCH);

    @ParameterizedTest(name = "{0}={1} on {2} -> {3}")
    @CsvSource({
            "type,      container,     die,    true",
            "type,      image,         die,    false",
            "type,      image,         tag,    true",
            "event,     die,           die,    true",
            "event,     start,         die,    false",
            "event,     health_status, health, true",
            "container, web,           die,    true",
            "container, abcd,          die,    true",
            "container, other,         die,    false",
            "container, web,           tag,    false",
            "image,     busybox,       health, true",
            "image,     busybox:latest, die,   true",
            "image,     busybox:v1,    tag,    true",
            "image,     busybox,       tag,    false",
            "image,     sha256:99,     tag,    true",
            "image,     reg:5000/app:1, pull,  true",
            "image,     reg:5000/app:2, pull,  false",
            "type,      builder,       cache,  true",
            "event,     prune,         cache,  true",
            "label,     tier,          die,    true",
            "label,     tier=front,    die,    true",
            "label,     tier=back,     die,    false",
            "network,   backend,       net,    true",
            "network,   f00d,          net,    true",
            "network,   frontend,      net,    false",
            "network,   web,           die,    false",
            "type,      network,       net,    true",
            "scope,     local,         net,    true",
            "scope,     swarm,         net,    false",
    })
    void of_matchesAsDockerd(String key, String value, String event, boolean expected) {
        Event e = switch (event) {
            case "die" -> DIE;
            case "health" -> HEALTH;
            case "net" -> NET;
            case "pull" -> PULL;
            case "cache" -> CACHE;
            default -> TAG;
        };
        assertThat(EventFilter.of(Map.of(key, List.of(value))).test(e)).isEqualTo(expected);
    }

    @Test
    void subscribe_givesTheKeptEventsSinceThenLiveOnes() throws Exception {
        var clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        var bus = new EventBus(clock);
        bus.publish(Event.CONTAINER, "create", "a", Map.of());
        try (var feed = bus.subscribe(Instant.parse("2026-01-01T00:00:00Z"))) {
            bus.publish(Event.CONTAINER, "start", "a", Map.of());
            assertThat(feed.next(1, TimeUnit.SECONDS).action()).isEqualTo("create");
            assertThat(feed.next(1, TimeUnit.SECONDS).action()).isEqualTo("start");
            assertThat(feed.next(10, TimeUnit.MILLISECONDS)).isNull();
        }
        assertThat(bus.history(null, null)).extracting(Event::action).containsExactly("create", "start");
    }
}
