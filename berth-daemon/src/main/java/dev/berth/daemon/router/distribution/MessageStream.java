package dev.berth.daemon.router.distribution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.api.Json;
import dev.berth.daemon.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A JSON-message stream that starts (200, chunked) only with its first message, as dockerd's
 * does: a failure before anything was said can still be an HTTP error status.
 */
final class MessageStream implements AutoCloseable {

    private final ServerResponse res;
    private OutputStream out;

    MessageStream(ServerResponse res) {
        this.res = res;
    }

    boolean started() {
        return out != null;
    }

    void send(ObjectNode message) {
        try {
            if (out == null) {
                out = res.stream(200, "application/json");
            }
            out.write(Json.MAPPER.writeValueAsBytes(message));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the client went away: stop the operation
        }
    }

    /** Reports {@code message} in-band ({@code errorDetail} and the deprecated {@code error}). */
    void fail(String message) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.putObject("errorDetail").put("message", message);
        m.put("error", message);
        send(m);
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
