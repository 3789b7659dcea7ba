package dev.berth.api.http;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What a client request carries after its head: nothing, bytes in memory (sent with
 * Content-Length), or a stream of unknown length (sent chunked, as the docker CLI sends build
 * contexts and archives).
 */
public sealed interface RequestBody {
    /** No body. */
    record Empty() implements RequestBody {}

    /** A body held in memory. */
    record Bytes(String contentType, byte[] bytes) implements RequestBody {
        public Bytes {
            Objects.requireNonNull(contentType);
            Objects.requireNonNull(bytes);
        }
    }

    /** A body streamed chunked from {@code stream}; the client reads it to its end and closes it. */
    record Streamed(String contentType, InputStream stream) implements RequestBody {
        public Streamed {
            Objects.requireNonNull(contentType);
            Objects.requireNonNull(stream);
        }
    }

    static RequestBody empty() {
        return new Empty();
    }

    static RequestBody json(byte[] json) {
        return new Bytes("application/json", json);
    }

    static RequestBody json(String json) {
        return json(json.getBytes(StandardCharsets.UTF_8));
    }

    static RequestBody bytes(String contentType, byte[] bytes) {
        return new Bytes(contentType, bytes);
    }

    static RequestBody stream(String contentType, InputStream stream) {
        return new Streamed(contentType, stream);
    }
}
