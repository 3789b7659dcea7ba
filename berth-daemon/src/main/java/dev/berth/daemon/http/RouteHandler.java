package dev.berth.daemon.http;

/**
 * Answers a request matched by a {@link Router} route; same contract as {@link HttpHandler},
 * plus the path variables and API version of the match.
 */
@FunctionalInterface
public interface RouteHandler {
    void handle(ServerRequest req, ServerResponse res, PathParams params) throws Exception;
}
