package dev.berth.api.client;

import java.io.InputStream;

/** A request body: bytes of known length, or a stream sent with chunked encoding. */
public sealed interface RequestBody {

    /** The value of the Content-Type header for this body. */
    String contentType();

    record Bytes(byte[] data, String contentType) implements RequestBody {
    }

    record Streamed(InputStream data, String contentType) implements RequestBody {
    }

    static RequestBody json(byte[] data) {
        return new Bytes(data, "application/json");
    }

    static RequestBody tar(InputStream data) {
        return new Streamed(data, "application/x-tar");
    }
}
