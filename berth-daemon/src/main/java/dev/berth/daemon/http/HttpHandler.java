package dev.berth.daemon.http;

/**
 * Answers one request.
 *
 * <p>Called on the connection's virtual thread; may block. Must answer exactly once through
 * {@code res} ({@code send*}, {@code stream} or {@code hijack}); a handler that returns without
 * answering gets a 500. If it throws before answering, the server answers 500
 * {@code {"message": ...}} (an {@link dev.berth.api.http.HttpProtocolException} gets its own
 * status); if it throws after, the connection is closed. It need not read the request body;
 * the server discards what is left (or closes the connection when that is large).
 */
@FunctionalInterface
public interface HttpHandler {
    void handle(ServerRequest req, ServerResponse res) throws Exception;
}
