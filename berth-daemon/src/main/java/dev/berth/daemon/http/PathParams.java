package dev.berth.daemon.http;

import java.util.Map;
import java.util.Objects;

/**
 * What a route match found in the path.
 *
 * @param template the matched route's template, e.g. "/containers/{id}/json" (for logs, metrics)
 * @param variables decoded path variables by name, e.g. id -> "web"
 * @param apiVersion the version from a "/v1.50" prefix ("1.50"), or null for an unversioned path
 */
public record PathParams(String template, Map<String, String> variables, String apiVersion) {
    public PathParams {
        Objects.requireNonNull(template);
        variables = Map.copyOf(variables);
    }

    /**
     * The variable {@code name}.
     *
     * @throws IllegalArgumentException if the template has no such variable (a programming error)
     */
    public String get(String name) {
        String value = variables.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route " + template + " has no variable " + name);
        }
        return value;
    }
}
