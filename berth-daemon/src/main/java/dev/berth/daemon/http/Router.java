package dev.berth.daemon.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A route table for Engine API paths, itself an {@link HttpHandler}.
 *
 * <p>Templates are paths with variables: {@code {id}} matches one segment, {@code {name:.*}}
 * matches the regex after the colon (greedy across slashes, for image references like
 * {@code localhost:5000/foo:tag}). Every route also matches under a {@code /v<version>} prefix;
 * the version is handed to the handler (null when the path had none), and checking it is the
 * caller's business. Matching is on the decoded path; among routes that match, those with fewer
 * regex variables and more literal text win, then the earlier registered. No match, or a match
 * for another method only, answers 404 {@code {"message":"page not found"}} as dockerd does.
 *
 * <p>Thread-safe; routes are normally all registered before serving.
 */
public final class Router implements HttpHandler {
    private static final byte[] NOT_FOUND = "{\"message\":\"page not found\"}\n".getBytes(StandardCharsets.UTF_8);

    private record Route(String method, RouteTemplate template, RouteHandler handler) {}

    /** A resolved request: the handler to call and what the path held. */
    public record Match(RouteHandler handler, PathParams params) {}

    /** Replaced whole on each registration, so matching needs no lock. */
    private volatile List<Route> routes = List.of();

    /** Adds a route; returns this. */
    public synchronized Router route(String method, String template, RouteHandler handler) {
        Objects.requireNonNull(method);
        Objects.requireNonNull(handler);
        List<Route> next = new ArrayList<>(routes);
        next.add(new Route(method, RouteTemplate.compile(template), handler));
        // Stable sort: equally specific routes keep registration order.
        next.sort(Comparator.comparing(Route::template, RouteTemplate::bySpecificity));
        routes = List.copyOf(next);
        return this;
    }

    /** The route for {@code method} and decoded {@code path}, or null. */
    public Match resolve(String method, String path) {
        for (Route route : routes) {
            if (!route.method.equals(method)) {
                continue;
            }
            PathParams params = route.template.match(path);
            if (params != null) {
                return new Match(route.handler, params);
            }
        }
        return null;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) throws Exception {
        Match match = resolve(req.method(), req.path());
        if (match == null) {
            res.sendJson(404, NOT_FOUND);
            return;
        }
        match.handler().handle(req, res, match.params());
    }
}
