package dev.berth.api.http;

import java.util.Objects;

/**
 * A request for {@link UnixHttpClient}.
 *
 * @param method the method token ("GET")
 * @param target the encoded request target, path and optional query ("/v1.50/images/json?all=1");
 *     build it with {@link #target(String, Query)}
 * @param headers extra header fields; the client adds Host, User-Agent, framing and Connection
 * @param body the body
 */
public record HttpRequest(String method, String target, Headers headers, RequestBody body) {
    public HttpRequest {
        Objects.requireNonNull(method);
        Objects.requireNonNull(target);
        headers = headers == null ? new Headers() : new Headers(headers);
        body = body == null ? RequestBody.empty() : body;
    }

    public static HttpRequest get(String target) {
        return new HttpRequest("GET", target, null, null);
    }

    public static HttpRequest head(String target) {
        return new HttpRequest("HEAD", target, null, null);
    }

    public static HttpRequest delete(String target) {
        return new HttpRequest("DELETE", target, null, null);
    }

    public static HttpRequest post(String target, RequestBody body) {
        return new HttpRequest("POST", target, null, body);
    }

    public static HttpRequest put(String target, RequestBody body) {
        return new HttpRequest("PUT", target, null, body);
    }

    /** A copy with one more header field. */
    public HttpRequest withHeader(String name, String value) {
        return new HttpRequest(method, target, new Headers(headers).add(name, value), body);
    }

    /** The encoded target for a decoded {@code path} and a query (may be empty or null). */
    public static String target(String path, Query query) {
        String encoded = UriCodec.encodePath(path);
        if (query == null || query.isEmpty()) {
            return encoded;
        }
        return encoded + "?" + query.encode();
    }

    @Override
    public Headers headers() {
        return new Headers(headers);
    }
}
