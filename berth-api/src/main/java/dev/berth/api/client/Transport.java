package dev.berth.api.client;

import java.io.IOException;

/**
 * One HTTP/1.1 exchange with an Engine API endpoint; the only thing {@link EngineClient}
 * needs from the network.
 *
 * <p>Contract, for implementations:
 * <ul>
 * <li>{@link #send} writes the request (method, target, the given headers verbatim, plus
 * {@code Host} and body framing: {@code Content-Length} for a {@link RequestBody.Bytes} body,
 * chunked transfer encoding for a {@link RequestBody.Streamed} one) and returns as soon as the
 * response <em>head</em> has been read. The body is streamed afterwards: {@code POST
 * /containers/{id}/wait} answers its head at once and its body when the container exits, and
 * logs/events never end on their own. Closing the response releases the connection.
 * <li>{@link #hijack} does the same and then hands over the raw connection (after a 101 or 200
 * answer) as an {@link ApiStream}. If the daemon answers with another status (typically
 * {@code >= 400}), the stream still comes back and its {@link ApiStream#in()} is the error body;
 * the caller checks {@link ApiStream#status()}.
 * <li>When no connection can be made at all (socket missing, connection refused) both throw
 * {@link DaemonUnreachableException}; any other I/O failure is a plain IOException.
 * </ul>
 * Implementations must be safe for concurrent calls from several threads (run uses attach,
 * wait and start at once); each call may use its own connection.
 */
public interface Transport extends AutoCloseable {

    ApiResponse send(ApiRequest request) throws IOException;

    ApiStream hijack(ApiRequest request) throws IOException;

    /** Releases pooled connections, if any. */
    @Override
    default void close() throws IOException {
    }
}
