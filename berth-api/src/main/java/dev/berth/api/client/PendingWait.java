package dev.berth.api.client;

import dev.berth.api.Json;
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
            return Json.MAPPER.readValue(response.body(), WaitResponse.class);
        }
    }

    /** Gives up waiting. */
    @Override
    public void close() throws IOException {
        response.close();
    }
}
