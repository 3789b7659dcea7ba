package dev.berth.api.http;

import java.util.Objects;

/**
 * A parsed request line and header fields.
 *
 * @param method the method token, case-sensitive ("GET")
 * @param target the request target as sent, origin form ("/v1.50/containers/json?all=1")
 * @param version "HTTP/1.1" or "HTTP/1.0"
 * @param headers the header fields; owned by this head, do not share
 */
public record RequestHead(String method, String target, String version, Headers headers) {
    public RequestHead {
        Objects.requireNonNull(method);
        Objects.requireNonNull(target);
        Objects.requireNonNull(version);
        Objects.requireNonNull(headers);
    }

    /** The target before '?', still percent-encoded. */
    public String rawPath() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The target after '?', still encoded; empty when there is none. */
    public String rawQuery() {
        int q = target.indexOf('?');
        return q < 0 ? "" : target.substring(q + 1);
    }

    /** Whether the connection may carry another request after this one's response. */
    public boolean keepAlive() {
        if (headers.hasToken("Connection", "close")) {
            return false;
        }
        return version.equals("HTTP/1.1") || headers.hasToken("Connection", "keep-alive");
    }
}
