package dev.berth.api.types.system;

import com.fasterxml.jackson.annotation.JsonProperty;

/** dockerd's error body: {@code {"message": "..."}} with Content-Type exactly application/json. */
public record ErrorResponse(@JsonProperty("message") String message) {
}
