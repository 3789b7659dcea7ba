package dev.berth.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.api.types.container.WaitResponse;
import java.io.Closeable;
import java.io.IOException;

/**
 * A wait the daemon has accepted (its response head has arrived) but not yet answered.
 * {@link #result()} blocks until the container reaches the condition.
 */
public final class PendingWait implements Closeable {

    private final ApiResponse response;

    PendingWait(ApiResponse response) {
        this.response = response;
    }

    /** Blocks until the daemon writes the result. */
    public WaitResponse result() throws IOException {
        try (response) {
            return of(JsonTrees.read(response.body()));
        }
    }

    /** {@code {"StatusCode":n,"Error":{"Message":".."}}}, read from a tree: no ObjectMapper on the run path. */
    static WaitResponse of(JsonNode node) throws IOException {
        if (node == null || !node.isObject()) {
            throw new IOException("expected the wait result from the daemon, got " + node);
        }
        JsonNode error = node.get("Error");
        WaitResponse.WaitError waitError = error == null || !error.isObject() ? null
                : new WaitResponse.WaitError(error.path("Message").isTextual() ? error.get("Message").asText() : null);
        return new WaitResponse(node.path("StatusCode").asLong(), waitError);
    }

    /** Gives up waiting. */
    @Override
    public void close() throws IOException {
        response.close();
    }
}
