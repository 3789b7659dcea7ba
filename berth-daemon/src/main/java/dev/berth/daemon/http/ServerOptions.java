package dev.berth.daemon.http;

import dev.berth.api.http.Headers;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of a {@link UnixHttpServer}.
 *
 * @param idleTimeout how long a connection may sit without sending the first byte of a
 *     request (a fresh or kept-alive connection) before it is closed
 * @param headTimeout how long a client may take from the first byte of a request to the end of
 *     its head (slow-header clients) before the connection is closed
 * @param defaultHeaders adds the headers every response carries (Server, Api-Version, ...);
 *     called once per response with an empty {@link Headers}
 */
public record ServerOptions(Duration idleTimeout, Duration headTimeout, Consumer<Headers> defaultHeaders) {
    public ServerOptions {
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(headTimeout, "headTimeout");
        Objects.requireNonNull(defaultHeaders);
    }

    /**
     * Five minutes idle (longer than the Go client's 90 s idle pool timeout, so clients close
     * first and never race us), 30 s for a head, no default headers.
     */
    public static ServerOptions defaults() {
        return new ServerOptions(Duration.ofMinutes(5), Duration.ofSeconds(30), _ -> {});
    }

    public ServerOptions withIdleTimeout(Duration d) {
        return new ServerOptions(d, headTimeout, defaultHeaders);
    }

    public ServerOptions withHeadTimeout(Duration d) {
        return new ServerOptions(idleTimeout, d, defaultHeaders);
    }

    public ServerOptions withDefaultHeaders(Consumer<Headers> d) {
        return new ServerOptions(idleTimeout, headTimeout, d);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
