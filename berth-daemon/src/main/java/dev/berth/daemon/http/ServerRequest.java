package dev.berth.daemon.http;

import dev.berth.api.http.Headers;
import dev.berth.api.http.Query;
import dev.berth.api.http.RequestHead;
import java.io.InputStream;
import java.util.Objects;

/**
 * One request as a handler sees it. The body streams from the connection (fixed-length or
 * chunked, already de-framed) and is empty when the request has none.
 */
public final class ServerRequest {
    private final RequestHead head;
    private final String path;
    private final Query query;
    private final InputStream body;

    /**
     * @param head the parsed head
     * @param path the decoded path
     * @param query the parsed query
     * @param body the de-framed body
     */
    public ServerRequest(RequestHead head, String path, Query query, InputStream body) {
        this.head = Objects.requireNonNull(head);
        this.path = Objects.requireNonNull(path);
        this.query = Objects.requireNonNull(query);
        this.body = Objects.requireNonNull(body);
    }

    /** The method token, e.g. "GET". */
    public String method() {
        return head.method();
    }

    /** "HTTP/1.1" or "HTTP/1.0". */
    public String version() {
        return head.version();
    }

    /** The request target as sent, path and query, still encoded. */
    public String target() {
        return head.target();
    }

    /** The path as sent, still percent-encoded. */
    public String rawPath() {
        return head.rawPath();
    }

    /** The percent-decoded path; routes match on this. */
    public String path() {
        return path;
    }

    public Query query() {
        return query;
    }

    /** The request's header fields (a copy). */
    public Headers headers() {
        return new Headers(head.headers());
    }

    /** The first value of header {@code name}, or null. */
    public String header(String name) {
        return head.headers().first(name);
    }

    /** The body; empty when there is none. The server closes it; handlers need not. */
    public InputStream body() {
        return body;
    }

    /** Whether the client asked for a raw stream: {@code Connection: Upgrade} and {@code Upgrade: tcp}. */
    public boolean wantsUpgrade() {
        return head.headers().hasToken("Connection", "Upgrade") && head.headers().hasToken("Upgrade", "tcp");
    }

    RequestHead head() {
        return head;
    }

    @Override
    public String toString() {
        return head.method() + " " + head.target();
    }
}
