package dev.berth.api.types.container;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to {@code POST /containers/{id}/wait}; {@code error} is null when none. */
public record WaitResponse(@JsonProperty("StatusCode") long statusCode,
        @JsonProperty("Error") WaitError error) {

    public record WaitError(@JsonProperty("Message") String message) {
    }
}
