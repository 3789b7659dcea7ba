package dev.berth.engine.events;

import java.time.Instant;
import java.util.Map;

/**
 * One thing that happened to an object of the engine, as {@code GET /events} reports it.
 *
 * @param type       the object's kind: {@code container}, {@code image}, {@code volume}, {@code network},
 *                   {@code builder}
 * @param action     what happened: {@code create}, {@code start}, {@code die}, {@code health_status: healthy}...
 * @param actorId    the object's ID (an image's reference or ID, a volume's name)
 * @param attributes what identifies it besides the ID ({@code name}, {@code image}, labels,
 *                   {@code exitCode} on die, {@code signal} on kill)
 * @param time       when, with nanoseconds
 */
public record Event(String type, String action, String actorId, Map<String, String> attributes, Instant time) {

    public static final String CONTAINER = "container";
    public static final String IMAGE = "image";
    public static final String VOLUME = "volume";
    public static final String NETWORK = "network";
    public static final String BUILDER = "builder";

    public Event {
        attributes = Map.copyOf(attributes);
    }
}
