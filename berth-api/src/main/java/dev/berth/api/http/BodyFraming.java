package dev.berth.api.http;

import java.io.InputStream;

/**
 * How a message body is delimited on the wire (RFC 9112 section 6.3).
 */
public sealed interface BodyFraming {
    /** No body at all. */
    record None() implements BodyFraming {}

    /** Exactly {@code length} bytes ({@code Content-Length}). */
    record Fixed(long length) implements BodyFraming {}

    /** {@code Transfer-Encoding: chunked}. */
    record Chunked() implements BodyFraming {}

    /** Everything until the peer closes (responses only). */
    record UntilClose() implements BodyFraming {}

    /**
     * A stream of the body's bytes read from {@code in}. Closing the returned stream does not
     * close {@code in}; the caller decides whether the connection lives on.
     */
    default InputStream open(HttpInput in) {
        return switch (this) {
            case None _ -> InputStream.nullInputStream();
            case Fixed f -> new FixedLengthInputStream(in, f.length());
            case Chunked _ -> new ChunkedInputStream(in);
            case UntilClose _ -> new UnclosingInputStream(in);
        };
    }
}
