package dev.berth.daemon.router.containers;

import dev.berth.api.types.container.Health;
import dev.berth.engine.containers.ContainerRecord;
import dev.berth.engine.error.InvalidArgumentException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The {@code filters} of {@code GET /containers/json}: id, name, label, status, ancestor,
 * exited, health. Values of one key are alternatives (OR); different keys must all match (AND).
 */
final class ContainerFilters {

    private static final Set<String> KNOWN = Set.of("id", "name", "label", "status", "ancestor", "exited", "health");
    private static final Set<String> HEALTH = Set.of("starting", "healthy", "unhealthy", "none");
    private static final Set<String> STATUSES = Set.of("created", "restarting", "running", "removing",
            "paused", "exited", "dead");

    private ContainerFilters() {
    }

    static Predicate<ContainerRecord> of(Map<String, List<String>> filters) {
        return of(filters, r -> Optional.empty());
    }

    /** @param health a container's health status, empty when it has no healthcheck ({@code health=none}) */
    static Predicate<ContainerRecord> of(Map<String, List<String>> filters,
            Function<ContainerRecord, Optional<Health>> health) {
        Predicate<ContainerRecord> all = r -> true;
        for (var e : filters.entrySet()) {
            String key = e.getKey();
            List<String> values = e.getValue();
            if (!KNOWN.contains(key)) {
                throw new InvalidArgumentException("invalid filter '" + key + "'");
            }
            if (values.isEmpty()) {
                continue;
            }
            Predicate<ContainerRecord> one = switch (key) {
                case "id" -> r -> values.stream().anyMatch(v -> r.id().hex().startsWith(v));
                case "name" -> r -> values.stream().anyMatch(v -> r.name().contains(v.startsWith("/") ? v.substring(1) : v));
                case "label" -> r -> values.stream().allMatch(v -> hasLabel(r, v));
                case "status" -> {
                    for (String v : values) {
                        if (!STATUSES.contains(v)) {
                            throw new InvalidArgumentException("invalid filter 'status=" + v + "'");
                        }
                    }
                    yield r -> values.contains(r.state().status().apiName());
                }
                case "ancestor" -> r -> values.stream().anyMatch(v -> isAncestor(r, v));
                case "health" -> {
                    for (String v : values) {
                        if (!HEALTH.contains(v)) {
                            throw new InvalidArgumentException("Unrecognised filter value for health: " + v);
                        }
                    }
                    yield r -> values.contains(health.apply(r).map(Health::status).orElse("none"));
                }
                case "exited" -> r -> r.state().status().apiName().equals("exited")
                        && values.contains(Integer.toString(r.state().exitCode()));
                default -> throw new IllegalStateException(key);
            };
            all = all.and(one);
        }
        return all;
    }

    private static boolean hasLabel(ContainerRecord r, String filter) {
        Map<String, String> labels = r.config().labels();
        if (labels == null) {
            return false;
        }
        int eq = filter.indexOf('=');
        if (eq < 0) {
            return labels.containsKey(filter);
        }
        return filter.substring(eq + 1).equals(labels.get(filter.substring(0, eq)));
    }

    private static boolean isAncestor(ContainerRecord r, String image) {
        String ref = r.imageRef();
        return ref.equals(image) || (ref + ":latest").equals(image) || ref.equals(image + ":latest")
                || r.imageId().equals(image) || r.imageId().equals("sha256:" + image)
                || (image.length() >= 12 && r.imageId().startsWith("sha256:" + image));
    }
}
