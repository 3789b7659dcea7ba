package dev.berth.api.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A response whose head has been read and whose body is still to be read from {@code body}
 * (an empty stream when there is none). Header names compare case-insensitively.
 * Closing it closes the body and releases the connection.
 */
public record ApiResponse(int status, Map<String, List<String>> headers, InputStream body)
        implements Closeable {

    /** The first value of a header, or null. */
    public String header(String name) {
        return Headers.first(headers, name);
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
