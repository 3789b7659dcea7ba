package dev.berth.api.http;

import java.util.Objects;

/**
 * A parsed status line and header fields.
 *
 * @param version "HTTP/1.1" or "HTTP/1.0"
 * @param status the three-digit status code
 * @param reason the reason phrase, possibly empty
 * @param headers the header fields
 */
public record ResponseHead(String version, int status, String reason, Headers headers) {
    public ResponseHead {
        Objects.requireNonNull(version);
        Objects.requireNonNull(reason);
        Objects.requireNonNull(headers);
    }
}
