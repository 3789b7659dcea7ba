package dev.berth.engine.events;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The {@code filters} of {@code GET /events}, as dockerd matches them: values of one key
 * are alternatives, keys must all match. {@code type}, {@code event} (an action, also
 * matching {@code health_status} for {@code health_status: healthy}), {@code container}
 * (ID, ID prefix or name), {@code image} (a container's image or an image event's
 * reference, with or without {@code :latest}), {@code label} ({@code key} or
 * {@code key=value}), {@code volume}, {@code network} (ID, ID prefix or name), {@code daemon}
 * and {@code scope} (always {@code local}).
 */
public final class EventFilter {

    private EventFilter() {
    }

    public static Predicate<Event> of(Map<String, List<String>> filters) {
        Predicate<Event> all = e -> true;
        for (var entry : filters.entrySet()) {
            List<String> values = entry.getValue();
            if (values.isEmpty()) {
                continue;
            }
            Predicate<Event> one = switch (entry.getKey()) {
                case "type" -> e -> values.contains(e.type());
                case "event" -> e -> values.contains(e.action()) || values.contains(baseAction(e.action()));
                case "container" -> e -> e.type().equals(Event.CONTAINER) && values.stream().anyMatch(v ->
                        v.equals(e.attributes().get("name")) || (!v.isEmpty() && e.actorId().startsWith(v)));
                case "image" -> e -> values.stream().anyMatch(v -> sameImage(v, imageOf(e))
                        || (e.type().equals(Event.IMAGE) && sameImage(v, e.actorId())));
                case "label" -> e -> values.stream().allMatch(v -> hasLabel(e, v));
                case "volume" -> e -> e.type().equals(Event.VOLUME) && values.contains(e.actorId());
                case "network" -> e -> e.type().equals(Event.NETWORK) && values.stream().anyMatch(v ->
                        v.equals(e.attributes().get("name")) || (!v.isEmpty() && e.actorId().startsWith(v)));
                case "daemon" -> e -> true; // one daemon: every event is its own
                case "scope" -> e -> values.contains("local");
                default -> throw new IllegalArgumentException("invalid filter '" + entry.getKey() + "'");
            };
            all = all.and(one);
        }
        return all;
    }

    private static String baseAction(String action) {
        int colon = action.indexOf(':');
        return colon < 0 ? action : action.substring(0, colon);
    }

    private static String imageOf(Event e) {
        return switch (e.type()) {
            case Event.CONTAINER -> e.attributes().getOrDefault("image", "");
            case Event.IMAGE -> e.attributes().getOrDefault("name", e.actorId());
            default -> "";
        };
    }

    private static boolean sameImage(String wanted, String actual) {
        return !actual.isEmpty() && (actual.equals(wanted) || withTag(actual).equals(withTag(wanted)));
    }

    private static String withTag(String ref) {
        int slash = ref.lastIndexOf('/');
        return ref.indexOf(':', slash + 1) < 0 && !ref.contains("@") ? ref + ":latest" : ref;
    }

    private static boolean hasLabel(Event e, String filter) {
        int eq = filter.indexOf('=');
        if (eq < 0) {
            return e.attributes().containsKey(filter);
        }
        return filter.substring(eq + 1).equals(e.attributes().get(filter.substring(0, eq)));
    }
}
